// Plugin options (config/plugins.ts → 'diario-oficial'.config), validated at start-up.
// Arrays (outlets, additionalHolidays, holidays) have no defaults here: Strapi merges options into the
// defaults index by index, so a municipality states its own lists in full.
import { yup } from '@strapi/utils';
import { CHANNELS, type Channel } from '../constants';
import type { ConfiguredHoliday } from '../services/holidays';

export interface OutletConfig {
  /** Stable key stored on requests. */
  key: string;
  name: string;
  channel: Channel;
  dispatch: 'email' | 'manual';
  /** Where e-mail dispatch sends the two files. */
  email?: string;
  /** Last time a submission is taken for the next edition ("HH:MM", Lima time). */
  cutoffs: { weekday: string; weekendOrHoliday: string | null };
  /** 'every-day' (the Diario Oficial) or 'business-days' (no weekend or holiday editions). */
  publishesOn: 'every-day' | 'business-days';
  /** Last day ("MM-DD") files are taken for an edition within the year (ordinances on arbitrios). */
  yearEndCutoff: string;
}

export interface DiarioOficialConfig {
  jurisdiction: {
    /** Municipalities of Lima department and Callao publish in the Diario Oficial El Peruano. */
    limaOrCallao: boolean;
    department: string;
    province: string;
    municipality: string;
    acronym: string;
    /** Whether a newspaper carries the jurisdiction's judicial notices (else certified posters). */
    hasJudicialNoticesNewspaper: boolean;
    hasPortal: boolean;
  };
  timeZone: string;
  /** Peru's national holidays, computed for any year (services/holidays.ts). */
  nationalHolidays: boolean;
  /** Decreed non-working days (by date) and regional or local holidays (by date or every year). */
  additionalHolidays: ConfiguredHoliday[];
  /** Extra holidays as plain dates, "YYYY-MM-DD" (the earlier form; prefer additionalHolidays). */
  holidays: string[];
  outlets: OutletConfig[];
  /** Business days from promulgation to `dueBy`, per norm type (`default` for the rest). */
  deadlines: Record<string, number>;
  maxAttempts: number;
  backoff: { baseSeconds: number; maxSeconds: number; jitter: number };
  worker: {
    enabled: boolean;
    /** Cron rule of the dispatch task. */
    schedule: string;
    batchSize: number;
    leaseSeconds: number;
    /** E-mails sent at once by one instance. */
    concurrency: number;
  };
  /** Cron rule of the daily task that puts norms in force. */
  inForceSchedule: string;
  /** Subject prefix of the e-mails to outlets. */
  subjectPrefix: string;
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const ISO_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

const isRealDate = (value?: string) => {
  if (!value) return true;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
};
const isRealMonthDay = (value?: string) => !value || isRealDate(`2024-${value}`); // a leap year: 02-29 exists

const additionalHolidaySchema = yup
  .object({
    date: yup.string().matches(ISO_DATE).test('real-date', 'additionalHolidays: no such date', isRealDate),
    monthDay: yup.string().matches(MONTH_DAY).test('real-month-day', 'additionalHolidays: no such day', isRealMonthDay),
    name: yup.string().required(),
    kind: yup.string().oneOf(['regional', 'local', 'decreed']).required(),
    fromYear: yup.number().integer().min(1900).max(9999),
    untilYear: yup.number().integer().min(1900).max(9999),
  })
  .test('date-or-month-day', 'additionalHolidays: each entry needs exactly one of date ("YYYY-MM-DD") or monthDay ("MM-DD")', (entry) =>
    Boolean(entry) && Boolean(entry.date) !== Boolean(entry.monthDay)
  )
  .test('years-with-month-day', 'additionalHolidays: fromYear/untilYear go with monthDay', (entry) =>
    !entry?.date || (entry.fromYear === undefined && entry.untilYear === undefined)
  );

const outletSchema = yup.object({
  key: yup.string().matches(/^[a-z0-9-]+$/).required(),
  name: yup.string().required(),
  channel: yup.string().oneOf([...CHANNELS]).required(),
  dispatch: yup.string().oneOf(['email', 'manual']).required(),
  email: yup.string().email().when('dispatch', { is: 'email', then: (s) => s.required() }),
  cutoffs: yup
    .object({ weekday: yup.string().matches(TIME).required(), weekendOrHoliday: yup.string().matches(TIME).nullable() })
    .required(),
  publishesOn: yup.string().oneOf(['every-day', 'business-days']).required(),
  yearEndCutoff: yup.string().matches(MONTH_DAY).required(),
});

const configSchema = yup.object({
  jurisdiction: yup
    .object({
      limaOrCallao: yup.boolean().required(),
      department: yup.string().required(),
      province: yup.string().required(),
      municipality: yup.string().required(),
      acronym: yup.string().matches(/^[A-Z0-9-]{2,20}$/).required(),
      hasJudicialNoticesNewspaper: yup.boolean().required(),
      hasPortal: yup.boolean().required(),
    })
    .required(),
  timeZone: yup
    .string()
    .required()
    .test('time-zone', 'timeZone is not a valid IANA time zone', (value) => {
      try {
        return Boolean(value) && Boolean(new Intl.DateTimeFormat('en', { timeZone: value }));
      } catch {
        return false;
      }
    }),
  nationalHolidays: yup.boolean().required(),
  additionalHolidays: yup.array(additionalHolidaySchema).required(),
  holidays: yup.array(yup.string().matches(ISO_DATE).test('real-date', 'holidays: no such date', isRealDate).required()).required(),
  outlets: yup
    .array(outletSchema)
    .min(1)
    .required()
    .test('unique-keys', 'outlet keys must be unique', (outlets) => new Set(outlets?.map((o) => o.key)).size === outlets?.length),
  deadlines: yup
    .object()
    .required()
    .test('deadlines', 'deadlines must map norm types (and "default") to whole days >= 0', (value) =>
      Object.values(value ?? {}).every((days) => Number.isInteger(days) && (days as number) >= 0) && 'default' in (value ?? {})
    ),
  maxAttempts: yup.number().integer().min(1).required(),
  backoff: yup
    .object({
      baseSeconds: yup.number().min(0).required(),
      maxSeconds: yup.number().min(0).required(),
      jitter: yup.number().min(0).max(1).required(),
    })
    .required(),
  worker: yup
    .object({
      enabled: yup.boolean().required(),
      schedule: yup.string().required(),
      batchSize: yup.number().integer().min(1).max(1000).required(),
      leaseSeconds: yup.number().integer().min(5).required(),
      concurrency: yup.number().integer().min(1).max(100).required(),
    })
    .required(),
  inForceSchedule: yup.string().required(),
  subjectPrefix: yup.string().required(),
});

/** The outlets a jurisdiction needs under art. 44 must exist in the configuration. */
export function requiredChannels(jurisdiction: DiarioOficialConfig['jurisdiction']): Channel[] {
  const gazette: Channel = jurisdiction.limaOrCallao
    ? 'el-peruano'
    : jurisdiction.hasJudicialNoticesNewspaper
      ? 'diario-judicial'
      : 'carteles';
  return jurisdiction.hasPortal ? [gazette, 'portal'] : [gazette];
}

export function validateConfig(config: unknown): asserts config is DiarioOficialConfig {
  try {
    configSchema.validateSync(config, { abortEarly: false, strict: true });
  } catch (error: any) {
    const details = (error.errors as string[] | undefined)?.join('; ') ?? error.message;
    throw new Error(`Invalid configuration of the diario-oficial plugin: ${details}`);
  }
  const typed = config as DiarioOficialConfig;
  const missing = requiredChannels(typed.jurisdiction).filter((channel) => !typed.outlets.some((o) => o.channel === channel));
  if (missing.length) {
    throw new Error(`Invalid configuration of the diario-oficial plugin: no outlet for channel(s) ${missing.join(', ')} that art. 44 requires for this jurisdiction`);
  }
}

export default {
  default: {
    timeZone: 'America/Lima',
    nationalHolidays: true,
    additionalHolidays: [],
    holidays: [],
    outlets: [],
    deadlines: { default: 15 },
    maxAttempts: 5,
    backoff: { baseSeconds: 60, maxSeconds: 3600, jitter: 0.25 },
    worker: { enabled: true, schedule: '*/15 * * * * *', batchSize: 50, leaseSeconds: 300, concurrency: 8 },
    inForceSchedule: '0 5 0 * * *',
    subjectPrefix: 'Solicitud de publicación',
  },
  validator: validateConfig,
};
