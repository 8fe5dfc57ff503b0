// Peru's public holidays for any year, plus what a municipality configures: decreed
// non-working days (a D.S. of the PCM, each year) and regional or local holidays.
// Pure functions over "YYYY-MM-DD" dates; the plugin's `calendar` service and the
// queue's date rules (./dates.ts) use them.
//
// National holidays: Decreto Legislativo 713, art. 6, as amended by Ley 31381 (9 December,
// published 2021-12-31), Ley 31530 (6 August, 2022) and Ley 31788 (7 June, published
// 2023-06-15); 23 July by Ley 31822 (2023), which declares it in Ley 16126. Holy Thursday
// and Good Friday move with Easter (Gregorian computus).

export type HolidayKind = 'national' | 'regional' | 'local' | 'decreed';

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
}

/** A configured day: one date, or a month-day every year (optionally between two years). */
export interface ConfiguredHoliday {
  /** "YYYY-MM-DD": one day (a decreed non-working day, a one-off local holiday). */
  date?: string;
  /** "MM-DD": every year (a regional or local holiday). */
  monthDay?: string;
  name: string;
  kind: Exclude<HolidayKind, 'national'>;
  /** First and last year a yearly holiday applies (inclusive). */
  fromYear?: number;
  untilYear?: number;
}

export interface HolidayRules {
  /** Peru's national holidays, computed for every year (default true). */
  nationalHolidays?: boolean;
  additionalHolidays?: ConfiguredHoliday[];
  /** Plain extra dates (the earlier form of the configuration). */
  holidays?: readonly string[];
}

interface NationalRule {
  name: string;
  monthDay?: string;
  /** Days from Easter Sunday. */
  fromEaster?: number;
  /** First year the holiday applies. */
  since?: number;
}

/** DL 713 art. 6 and the laws that amended it (see the header). */
export const PERU_NATIONAL_HOLIDAYS: readonly NationalRule[] = [
  { name: 'Año Nuevo', monthDay: '01-01' },
  { name: 'Jueves Santo', fromEaster: -3 },
  { name: 'Viernes Santo', fromEaster: -2 },
  { name: 'Día del Trabajo', monthDay: '05-01' },
  { name: 'Batalla de Arica y Día de la Bandera', monthDay: '06-07', since: 2024 },
  { name: 'San Pedro y San Pablo', monthDay: '06-29' },
  { name: 'Día de la Fuerza Aérea del Perú', monthDay: '07-23', since: 2023 },
  { name: 'Fiestas Patrias', monthDay: '07-28' },
  { name: 'Fiestas Patrias', monthDay: '07-29' },
  { name: 'Batalla de Junín', monthDay: '08-06', since: 2022 },
  { name: 'Santa Rosa de Lima', monthDay: '08-30' },
  { name: 'Combate de Angamos', monthDay: '10-08' },
  { name: 'Todos los Santos', monthDay: '11-01' },
  { name: 'Inmaculada Concepción', monthDay: '12-08' },
  { name: 'Batalla de Ayacucho', monthDay: '12-09', since: 2022 },
  { name: 'Navidad del Señor', monthDay: '12-25' },
];

const pad = (n: number) => String(n).padStart(2, '0');

function shiftDays(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Easter Sunday of a Gregorian year (the anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`not a Gregorian year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Peru's national holidays of a year, in date order. */
export function nationalHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  return PERU_NATIONAL_HOLIDAYS.filter((rule) => !rule.since || year >= rule.since)
    .map((rule) => ({
      date: rule.monthDay ? `${year}-${rule.monthDay}` : shiftDays(easter, rule.fromEaster!),
      name: rule.name,
      kind: 'national' as const,
    }))
    .sort((x, y) => x.date.localeCompare(y.date));
}

const appliesIn = (entry: ConfiguredHoliday, year: number) =>
  entry.date ? Number(entry.date.slice(0, 4)) === year : (!entry.fromYear || year >= entry.fromYear) && (!entry.untilYear || year <= entry.untilYear);

/** Every holiday of a year under the rules: national, configured and plain dates (one entry per date). */
export function holidaysOf(year: number, rules: HolidayRules): Holiday[] {
  const byDate = new Map<string, Holiday>();
  if (rules.nationalHolidays !== false) for (const holiday of nationalHolidays(year)) byDate.set(holiday.date, holiday);
  for (const entry of rules.additionalHolidays ?? []) {
    if (!appliesIn(entry, year)) continue;
    const date = entry.date ?? `${year}-${entry.monthDay}`;
    if (!byDate.has(date)) byDate.set(date, { date, name: entry.name, kind: entry.kind });
  }
  for (const date of rules.holidays ?? []) {
    if (Number(date.slice(0, 4)) === year && !byDate.has(date)) byDate.set(date, { date, name: 'Feriado', kind: 'local' });
  }
  return [...byDate.values()].sort((x, y) => x.date.localeCompare(y.date));
}

/** A holiday lookup for any year, computed once per year. */
export function holidayCalendar(rules: HolidayRules) {
  const years = new Map<number, Map<string, Holiday>>();
  const yearOf = (year: number) => {
    let days = years.get(year);
    if (!days) years.set(year, (days = new Map(holidaysOf(year, rules).map((h) => [h.date, h]))));
    return days;
  };
  return {
    /** The holiday on that date, or null. */
    on: (date: string): Holiday | null => yearOf(Number(date.slice(0, 4))).get(date) ?? null,
    has: (date: string) => yearOf(Number(date.slice(0, 4))).has(date),
    inYear: (year: number) => [...yearOf(year).values()],
  };
}

export type HolidayCalendar = ReturnType<typeof holidayCalendar>;

export interface ExpiryWarning {
  /** What runs out: the decreed days, the plain dates, or one yearly holiday. */
  subject: string;
  /** The last day it covers. */
  lastDate: string;
  message: string;
}

/**
 * What is configured by date and runs out within `horizonDays` of `today` (or already
 * has): the list of decreed non-working days, the plain dates, and yearly holidays with
 * an `untilYear`. After that day the calendar silently knows nothing more of them.
 */
export function expiringRules(rules: HolidayRules, today: string, horizonDays = 90): ExpiryWarning[] {
  const horizon = shiftDays(today, horizonDays);
  const warnings: ExpiryWarning[] = [];
  const lastOf = (dates: string[]) => dates.sort().at(-1);
  const lists: Array<[string, string | undefined]> = [
    ['decreed', lastOf((rules.additionalHolidays ?? []).filter((e) => e.date && e.kind === 'decreed').map((e) => e.date!))],
    ['dated', lastOf((rules.additionalHolidays ?? []).filter((e) => e.date && e.kind !== 'decreed').map((e) => e.date!))],
    ['holidays', lastOf([...(rules.holidays ?? [])])],
  ];
  const labels: Record<string, string> = {
    decreed: 'La lista de días no laborables decretados',
    dated: 'La lista de feriados regionales o locales con fecha',
    holidays: 'La lista de fechas de feriados (holidays)',
  };
  for (const [subject, lastDate] of lists) {
    if (lastDate && lastDate <= horizon) {
      warnings.push({ subject, lastDate, message: `${labels[subject]} termina el ${lastDate}: agregue las fechas siguientes en config/plugins.ts (diario-oficial).` });
    }
  }
  for (const entry of rules.additionalHolidays ?? []) {
    if (!entry.monthDay || !entry.untilYear) continue;
    const lastDate = `${entry.untilYear}-${entry.monthDay}`;
    if (lastDate <= horizon) {
      warnings.push({ subject: entry.name, lastDate, message: `El feriado «${entry.name}» está configurado hasta el ${lastDate} (untilYear): confirme si sigue vigente.` });
    }
  }
  return warnings;
}
