// Peru's holidays for any year, the configured ones, the business calendar service
// and the start-up warning about dates that run out. Generated over many years and
// across year ends, against an independent Easter computation.
import { app } from '../../helpers/app';

const holidays = require('../../../dist/src/plugins/diario-oficial/server/src/services/holidays');
const dates = require('../../../dist/src/plugins/diario-oficial/server/src/services/dates');

/** The list config/plugins.ts carried by hand until 2027 (national holidays only). */
const HAND_KEPT = [
  '2026-01-01', '2026-04-02', '2026-04-03', '2026-05-01', '2026-06-07', '2026-06-29', '2026-07-23',
  '2026-07-28', '2026-07-29', '2026-08-06', '2026-08-30', '2026-10-08', '2026-11-01', '2026-12-08',
  '2026-12-09', '2026-12-25', '2027-01-01', '2027-03-25', '2027-03-26', '2027-05-01', '2027-06-07',
  '2027-06-29', '2027-07-23', '2027-07-28', '2027-07-29', '2027-08-06', '2027-08-30', '2027-10-08',
  '2027-11-01', '2027-12-08', '2027-12-09', '2027-12-25',
];

const FIXED = ['01-01', '05-01', '06-07', '06-29', '07-23', '07-28', '07-29', '08-06', '08-30', '10-08', '11-01', '12-08', '12-09', '12-25'];

/** Gauss's Easter algorithm with the Gregorian corrections (independent of the one under test). */
function gaussEaster(year: number) {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let day = 22 + d + e; // in March
  if (d === 29 && e === 6) day = 50; // 19 April
  else if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) day = 49; // 18 April
  const date = new Date(Date.UTC(year, 2, 1));
  date.setUTCDate(day);
  return date.toISOString().slice(0, 10);
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('Easter and the national holidays', () => {
  it('Easter matches known dates and an independent algorithm for 1900–2500', () => {
    expect(['2024', '2025', '2026', '2027', '2028', '2038', '2285'].map((y) => holidays.easterSunday(Number(y)))).toEqual([
      '2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2038-04-25', '2285-03-22',
    ]);
    const differ = years(1900, 2500).filter((y) => holidays.easterSunday(y) !== gaussEaster(y));
    expect(differ).toEqual([]);
  });

  it('computes exactly the hand-kept 2026 and 2027 lists', () => {
    const computed = [2026, 2027].flatMap((y) => holidays.nationalHolidays(y).map((h: any) => h.date));
    expect(computed).toEqual(HAND_KEPT);
  });

  it.each(years(2024, 2130))('%i: the fixed dates, Holy Thursday and Good Friday, nothing else', (year) => {
    const list = holidays.nationalHolidays(year);
    const byDate = new Map(list.map((h: any) => [h.date, h.name]));
    expect(list).toHaveLength(16);
    for (const monthDay of FIXED) expect(byDate.has(`${year}-${monthDay}`)).toBe(true);
    const thursday = list.find((h: any) => h.name === 'Jueves Santo').date;
    const friday = list.find((h: any) => h.name === 'Viernes Santo').date;
    expect([weekday(thursday), weekday(friday)]).toEqual([4, 5]);
    expect(dates.addDays(friday, 2)).toBe(holidays.easterSunday(year));
    expect(`${year}-03-19` <= thursday && friday <= `${year}-04-23`).toBe(true);
  });

  it('adds each holiday from the year its law took effect', () => {
    const of = (year: number) => holidays.nationalHolidays(year).map((h: any) => h.date.slice(5));
    expect(of(2021)).not.toEqual(expect.arrayContaining(['08-06']));
    expect(of(2021)).not.toEqual(expect.arrayContaining(['12-09']));
    expect(of(2022)).toEqual(expect.arrayContaining(['08-06', '12-09']));
    expect(of(2023)).toEqual(expect.arrayContaining(['07-23']));
    expect(of(2023)).not.toEqual(expect.arrayContaining(['06-07']));
    expect(of(2024)).toEqual(expect.arrayContaining(['06-07']));
  });
});

describe('configured days', () => {
  const rules = {
    nationalHolidays: true,
    additionalHolidays: [
      { monthDay: '08-28', name: 'Reincorporación de Tacna', kind: 'regional' },
      { monthDay: '10-12', name: 'Aniversario provincial', kind: 'local', fromYear: 2028, untilYear: 2029 },
      { date: '2027-01-02', name: 'Día no laborable', kind: 'decreed' },
      { date: '2028-07-28', name: 'Repetido con Fiestas Patrias', kind: 'decreed' },
    ],
    holidays: ['2031-03-03'],
  };
  const calendar = holidays.holidayCalendar(rules);

  it('adds yearly, ranged and dated days to the national ones, one entry per date (the national name wins)', () => {
    expect(calendar.on('2040-08-28')).toEqual({ date: '2040-08-28', name: 'Reincorporación de Tacna', kind: 'regional' });
    expect([2027, 2028, 2029, 2030].map((y) => calendar.has(`${y}-10-12`))).toEqual([false, true, true, false]);
    expect(calendar.has('2027-01-02')).toBe(true);
    expect(calendar.has('2028-01-02')).toBe(false);
    expect(calendar.on('2028-07-28')).toMatchObject({ kind: 'national', name: 'Fiestas Patrias' });
    expect(calendar.has('2031-03-03')).toBe(true);
    expect(calendar.inYear(2028).filter((h: any) => h.date === '2028-07-28')).toHaveLength(1);
  });

  it('without national holidays only the configured days count', () => {
    const only = holidays.holidayCalendar({ ...rules, nationalHolidays: false });
    expect(only.has('2030-12-25')).toBe(false);
    expect(only.has('2030-08-28')).toBe(true);
  });
});

describe('business days across year ends (national holidays computed for every year)', () => {
  const calendar = dates.calendarOf({ timeZone: 'America/Lima', nationalHolidays: true, additionalHolidays: [], holidays: [] });
  const regional = {
    key: 'diario-judicial', name: 'Diario', channel: 'diario-judicial', dispatch: 'email', email: 'a@b.pe',
    cutoffs: { weekday: '17:30', weekendOrHoliday: null }, publishesOn: 'business-days', yearEndCutoff: '12-22',
  };

  it.each(years(2027, 2060))('December %i into January: no weekend or holiday is counted', (year) => {
    let day = `${year}-12-20`;
    for (let n = 1; n <= 12; n += 1) {
      const next = dates.addBusinessDays(day, 1, calendar);
      for (let between = dates.addDays(day, 1); between < next; between = dates.addDays(between, 1)) {
        expect(dates.isBusinessDay(between, calendar)).toBe(false);
      }
      expect([0, 6]).not.toContain(weekday(next));
      expect([`${year}-12-25`, `${year + 1}-01-01`, `${year}-12-08`, `${year}-12-09`]).not.toContain(next);
      day = next;
    }
    // Submitted on 31 December after the cut-off: taken on the first business day of the new year, out the next one.
    const received = dates.receivedOn(new Date(`${year}-12-31T18:00:00-05:00`), regional, calendar);
    expect(received > `${year + 1}-01-01` && dates.isBusinessDay(received, calendar)).toBe(true);
    const edition = dates.expectedEditionDate(new Date(`${year}-12-31T18:00:00-05:00`), regional, calendar);
    expect(edition).toBe(dates.addBusinessDays(received, 1, calendar));
  });

  it('Holy Week 2028, after the hand-kept list had ended, is skipped', () => {
    // Easter 2028 is 16 April: Thursday 13 and Friday 14 are holidays.
    expect(dates.addBusinessDays('2028-04-12', 1, calendar)).toBe('2028-04-17');
  });
});

describe('start-up warning about configured dates that run out', () => {
  const rules = (extra: object) => ({ nationalHolidays: true, additionalHolidays: [], holidays: [], ...extra });
  const decreed = (date: string) => ({ date, name: 'Día no laborable', kind: 'decreed' });

  it.each([
    ['the decreed days end in 77 days, across the year end', rules({ additionalHolidays: [decreed('2027-06-07'), decreed('2027-12-31')] }), '2027-10-15', ['decreed']],
    ['they end in 121 days', rules({ additionalHolidays: [decreed('2027-12-31')] }), '2027-09-01', []],
    ['they ended last year', rules({ additionalHolidays: [decreed('2027-12-31')] }), '2028-03-01', ['decreed']],
    ['exactly 90 days ahead', rules({ additionalHolidays: [decreed('2028-03-30')] }), '2027-12-31', ['decreed']],
    ['91 days ahead', rules({ additionalHolidays: [decreed('2028-03-31')] }), '2027-12-31', []],
    ['the plain dates end soon', rules({ holidays: ['2027-12-25'] }), '2027-11-01', ['holidays']],
    ['a yearly holiday with untilYear', rules({ additionalHolidays: [{ monthDay: '01-10', name: 'Aniversario', kind: 'local', untilYear: 2028 }] }), '2027-12-01', ['Aniversario']],
    ['yearly holidays never run out', rules({ additionalHolidays: [{ monthDay: '08-28', name: 'Tacna', kind: 'regional' }] }), '2099-12-01', []],
    ['nothing configured by date', rules({}), '2027-12-01', []],
  ])('%s', (_case, config, today, subjects) => {
    expect(holidays.expiringRules(config, today).map((w: any) => w.subject)).toEqual(subjects);
  });
});

describe('the calendar service (what the dissemination plugin counts business days with)', () => {
  const service = () => app().plugin('diario-oficial').service('calendar');

  it('serves the configured calendar: national holidays of any year plus the regional day', () => {
    expect(service().holidaysIn(2031).map((h: any) => h.date)).toEqual(expect.arrayContaining(['2031-04-10', '2031-04-11', '2031-08-28']));
    expect(service().holidayOn('2031-08-28')).toMatchObject({ kind: 'regional' });
    expect(service().isBusinessDay('2031-04-11')).toBe(false);
    expect(service().addBusinessDays('2031-12-31', 1)).toBe('2032-01-02');
    expect(service().businessDaysBetween('2031-12-24', '2032-01-05')).toBe(6);
    expect(service().timeZone()).toBe('America/Lima');
    expect(service().today(new Date('2032-01-01T03:00:00Z'))).toBe('2031-12-31');
  });

  it('reports nothing running out with the sample configuration', () => {
    expect(service().expiringConfiguration(new Date('2040-01-01T12:00:00Z'))).toEqual([]);
  });
});
