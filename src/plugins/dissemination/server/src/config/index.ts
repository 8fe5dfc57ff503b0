// Plugin options (config/plugins.ts → dissemination.config), validated at start-up.
// `subjects` has no default list here: Strapi merges arrays index by index, so the
// municipality states its own list in full.

/** How CSV cells are made safe for spreadsheets (the application's rule, src/access/spreadsheet-cells.ts). */
export interface SpreadsheetCells {
  neutralize(value: string): string;
  restore(value: string): string;
  csvOptions: Record<string, unknown>;
}

export interface DisseminationConfig {
  /** The subjects a body follows and a norm or press note touches: key → Spanish label. `all` is always known. */
  subjects: Array<{ key: string; label: string }>;
  /** Days an acknowledgment link opens after the e-mail is written. */
  ackLinkDays: number;
  /** Business days (Diario Oficial calendar) without acknowledgment before the body is reminded. */
  reminderBusinessDays: number;
  /** Business days after the reminder before the Gerente is told who still owes it. */
  escalationBusinessDays: number;
  /** Admin role code told about bodies that did not acknowledge after the reminder. */
  escalationRoleCode: string;
  /** The periodic bulletin (weekly by default); each period is sent once, whatever the number of instances. */
  bulletin: { enabled: boolean; cron: string; periodDays: number; upcomingCeremonyDays: number };
  /** How often the outbox runs (retries, and sends a stopped instance left). */
  outboxCron: string;
  /** When reminders and the Gerente's notices go out (tests turn it off and drive it themselves). */
  followUp: { enabled: boolean; cron: string };
  /** Failed e-mails: attempts and the first retry delay, doubled after each failure, capped. */
  retry: { maxAttempts: number; baseSeconds: number; maxSeconds: number };
  timezone: string;
  /** Formula-injection rule for the CSV report; given by config/plugins.ts. */
  spreadsheetCells?: SpreadsheetCells;
}

const defaults: Omit<DisseminationConfig, 'subjects'> & { subjects: DisseminationConfig['subjects'] } = {
  subjects: [],
  ackLinkDays: 60,
  reminderBusinessDays: 3,
  escalationBusinessDays: 2,
  escalationRoleCode: 'gerente-comunicaciones',
  bulletin: { enabled: true, cron: '0 8 * * 1', periodDays: 7, upcomingCeremonyDays: 14 },
  outboxCron: '*/1 * * * *',
  followUp: { enabled: true, cron: '0 9 * * 1-5' },
  retry: { maxAttempts: 8, baseSeconds: 60, maxSeconds: 6 * 3600 },
  timezone: 'America/Lima',
};

const fail = (message: string) => {
  throw new Error(`dissemination plugin: ${message}`);
};
const positive = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;

export default {
  default: defaults,
  validator(config: DisseminationConfig) {
    const keys = (config.subjects ?? []).map((s) => s?.key);
    if (!Array.isArray(config.subjects) || !config.subjects.length) fail('"subjects" must list the subjects ({ key, label }) bodies may follow.');
    for (const subject of config.subjects) {
      if (!subject || typeof subject.key !== 'string' || !/^[a-z0-9-]{1,40}$/.test(subject.key) || typeof subject.label !== 'string' || !subject.label.trim()) {
        fail(`every subject needs a key (a-z, 0-9, -) and a label (got ${JSON.stringify(subject)}).`);
      }
    }
    if (new Set(keys).size !== keys.length) fail('subject keys must be unique.');
    for (const key of ['ackLinkDays', 'reminderBusinessDays', 'escalationBusinessDays'] as const) {
      if (!positive(config[key])) fail(`"${key}" must be a positive integer (got ${JSON.stringify(config[key])}).`);
    }
    const { retry, bulletin } = config;
    if (!positive(retry?.maxAttempts) || !positive(retry?.baseSeconds) || !positive(retry?.maxSeconds)) fail('"retry" needs positive integers maxAttempts, baseSeconds and maxSeconds.');
    if (!positive(bulletin?.periodDays) || !positive(bulletin?.upcomingCeremonyDays) || typeof bulletin?.cron !== 'string' || !bulletin.cron) {
      fail('"bulletin" needs a cron rule and positive periodDays and upcomingCeremonyDays.');
    }
    if (typeof config.followUp?.cron !== 'string' || !config.followUp.cron) fail('"followUp" needs a cron rule.');
    for (const key of ['outboxCron', 'timezone', 'escalationRoleCode'] as const) {
      if (typeof config[key] !== 'string' || !config[key]) fail(`"${key}" must be a non-empty string.`);
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: config.timezone });
    } catch {
      fail(`unknown time zone "${config.timezone}".`);
    }
    const cells = config.spreadsheetCells;
    if (!cells || typeof cells.neutralize !== 'function' || typeof cells.csvOptions !== 'object') {
      fail('"spreadsheetCells" must give neutralize(), restore() and csvOptions (see config/plugins.ts).');
    }
  },
};
