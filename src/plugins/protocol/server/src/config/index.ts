/** Plugin options (config/plugins.ts → protocol.config); checked at start-up. */

/** How CSV cells are made safe for spreadsheets and read back (the application's rule, src/access/spreadsheet-cells.ts). */
export interface SpreadsheetCells {
  neutralize(value: string): string;
  restore(value: string): string;
  csvOptions: Record<string, unknown>;
}

export interface ProtocolConfig {
  /** A contact not verified for this many months is "por verificar". */
  verificationPeriodMonths: number;
  /** When the weekly digest of "por verificar" contacts goes to the Protocolo role. */
  digestCron: string;
  /** How often the notice outbox is processed (retries with back-off). */
  outboxCron: string;
  /** Time zone of the office: dates in e-mails, "today" for birthdays and terms. */
  timezone: string;
  /** Upcoming birthdays shown to Protocolo. */
  birthdaysWindowDays: number;
  noticeMaxAttempts: number;
  /** First retry delay; doubled after each failed attempt. */
  noticeRetryBaseSeconds: number;
  importMaxRows: number;
  /** Public ceremonies that ended longer ago than this stay out of the iCalendar feed. */
  feedDaysBack: number;
  /** Domain part of the iCalendar UIDs. */
  calendarDomain: string;
  /** Name of the public iCalendar feed per locale code (X-WR-CALNAME); others take the language's, English, then Spanish. */
  calendarNames: Record<string, string>;
  /** The website's page of a ceremony ({locale}, {slug}, {documentId}) for the events' URL; empty leaves it out. */
  calendarEventUrl: string;
  /** Formula-injection rule for the CSV export and import; given by config/plugins.ts. */
  spreadsheetCells?: SpreadsheetCells;
}

const defaults: ProtocolConfig = {
  verificationPeriodMonths: 6,
  digestCron: '0 8 * * 1',
  outboxCron: '*/1 * * * *',
  timezone: 'America/Lima',
  birthdaysWindowDays: 14,
  noticeMaxAttempts: 8,
  noticeRetryBaseSeconds: 60,
  importMaxRows: 5000,
  feedDaysBack: 365,
  calendarDomain: 'munisantarosafrontera.gob.pe',
  calendarNames: {
    'es-PE': 'Ceremonias y actividades oficiales',
    en: 'Ceremonies and official events',
  },
  calendarEventUrl: '',
};

const positiveIntegers: Array<keyof ProtocolConfig> = [
  'verificationPeriodMonths',
  'birthdaysWindowDays',
  'noticeMaxAttempts',
  'noticeRetryBaseSeconds',
  'importMaxRows',
  'feedDaysBack',
];

export default {
  default: defaults,
  validator(config: ProtocolConfig) {
    for (const key of positiveIntegers) {
      const value = config[key];
      if (!Number.isInteger(value) || (value as number) < 1) {
        throw new Error(`protocol plugin: "${key}" must be a positive integer (got ${JSON.stringify(value)}).`);
      }
    }
    for (const key of ['digestCron', 'outboxCron', 'timezone', 'calendarDomain'] as const) {
      if (typeof config[key] !== 'string' || !config[key]) throw new Error(`protocol plugin: "${key}" must be a non-empty string.`);
    }
    const names = Object.values(config.calendarNames ?? {});
    if (!names.length || names.some((name) => typeof name !== 'string' || !name.trim())) {
      throw new Error('protocol plugin: "calendarNames" must map locale codes to non-empty names.');
    }
    if (typeof config.calendarEventUrl !== 'string' || (config.calendarEventUrl && !/^https?:\/\/[^?#]+$/.test(config.calendarEventUrl))) {
      throw new Error('protocol plugin: "calendarEventUrl" must be empty or an absolute http(s) URL pattern.');
    }
    const cells = config.spreadsheetCells;
    if (!cells || typeof cells.neutralize !== 'function' || typeof cells.restore !== 'function' || typeof cells.csvOptions !== 'object') {
      throw new Error('protocol plugin: "spreadsheetCells" must give neutralize(), restore() and csvOptions (see config/plugins.ts).');
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: config.timezone });
    } catch {
      throw new Error(`protocol plugin: unknown time zone "${config.timezone}".`);
    }
  },
};
