// Art. 44 rules and the calendar rules, table-driven, on the compiled plugin code.
const dates = require('../../../dist/src/plugins/diario-oficial/server/src/services/dates');
const rules = require('../../../dist/src/plugins/diario-oficial/server/src/services/rules');
const { validateConfig } = require('../../../dist/src/plugins/diario-oficial/server/src/config');
const { backoffMs } = require('../../../dist/src/plugins/diario-oficial/server/src/services/worker');

const elPeruano = {
  key: 'el-peruano',
  name: 'Diario Oficial El Peruano',
  channel: 'el-peruano',
  dispatch: 'manual',
  cutoffs: { weekday: '17:30', weekendOrHoliday: '14:00' },
  publishesOn: 'every-day',
  yearEndCutoff: '12-22',
};
const regional = {
  ...elPeruano,
  key: 'diario-judicial',
  channel: 'diario-judicial',
  dispatch: 'email',
  email: 'avisos@diario.test',
  cutoffs: { weekday: '17:30', weekendOrHoliday: null },
  publishesOn: 'business-days',
};
const portal = { ...elPeruano, key: 'portal', channel: 'portal', cutoffs: { weekday: '23:59', weekendOrHoliday: '23:59' } };
// A calendar of these four holidays only (the computed national ones are tested in holidays.test.ts).
const calendar = dates.calendarOf({ timeZone: 'America/Lima', nationalHolidays: false, holidays: ['2026-07-28', '2026-07-29', '2026-12-25', '2027-01-01'] });

// Lima is UTC-5 all year: 17:29 Lima = 22:29Z.
const lima = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);

describe('expected edition date', () => {
  it.each([
    // [case, outlet, submitted (Lima), received, edition]
    ['weekday before the cut-off: next day', elPeruano, lima('2026-03-10', '17:29'), '2026-03-10', '2026-03-11'],
    ['weekday at the cut-off: taken next day', elPeruano, lima('2026-03-10', '17:30'), '2026-03-11', '2026-03-12'],
    ['Friday evening: taken Saturday (weekend service until 14:00)', elPeruano, lima('2026-03-13', '18:00'), '2026-03-14', '2026-03-15'],
    ['Saturday before 14:00: appears Sunday', elPeruano, lima('2026-03-14', '13:59'), '2026-03-14', '2026-03-15'],
    ['Saturday after 14:00: taken Sunday', elPeruano, lima('2026-03-14', '15:00'), '2026-03-15', '2026-03-16'],
    ['holiday (28 July) before 14:00', elPeruano, lima('2026-07-28', '10:00'), '2026-07-28', '2026-07-29'],
    ['holiday (28 July) at 15:00: taken on the next holiday', elPeruano, lima('2026-07-28', '15:00'), '2026-07-29', '2026-07-30'],
    ['regional paper, Friday after cut-off: taken Monday, out Tuesday', regional, lima('2026-03-13', '18:00'), '2026-03-16', '2026-03-17'],
    ['regional paper, Friday before cut-off: out Monday (no weekend editions)', regional, lima('2026-03-13', '09:00'), '2026-03-13', '2026-03-16'],
    ['regional paper, before two holidays: out after them', regional, lima('2026-07-27', '09:00'), '2026-07-27', '2026-07-30'],
    ['year end: 31 Dec after cut-off, 1 Jan holiday: out 4 Jan 2027', regional, lima('2026-12-31', '18:00'), '2027-01-04', '2027-01-05'],
    ['late evening in Lima is already the next day in UTC', elPeruano, new Date('2026-03-11T02:00:00Z'), '2026-03-11', '2026-03-12'],
  ])('%s', (_case, outlet, submitted, received, edition) => {
    expect(dates.receivedOn(submitted, outlet, calendar)).toBe(received);
    expect(dates.expectedEditionDate(submitted, outlet, calendar)).toBe(edition);
  });
});

describe('due date', () => {
  const config = { deadlines: { ordenanza: 10, default: 15 } };
  it.each([
    ['ordenanza: 10 business days', { queuedOn: '2026-03-02', normType: 'ordenanza' }, '2026-03-16'],
    ['other types: the default', { queuedOn: '2026-03-02', normType: 'decreto-de-alcaldia' }, '2026-03-23'],
    ['skips holidays (28 and 29 July)', { queuedOn: '2026-07-24', normType: 'ordenanza' }, '2026-08-11'],
    ['arbitrios early in the year: the regular deadline', { queuedOn: '2026-03-02', normType: 'ordenanza', concernsArbitrios: true }, '2026-03-16'],
    ['arbitrios in December: the outlet year-end cut-off', { queuedOn: '2026-12-15', normType: 'ordenanza', concernsArbitrios: true }, '2026-12-22'],
    ['not arbitrios in December: crosses the year end', { queuedOn: '2026-12-15', normType: 'ordenanza' }, '2026-12-30'],
  ])('%s', (_case, input, expected) => {
    expect(dates.dueBy(input, elPeruano, config, calendar)).toBe(expected);
  });
});

describe('effectiveFrom (art. 44: the day after publication unless the norm states a later date)', () => {
  it.each([
    ['2026-03-11', null, '2026-03-12'],
    ['2026-12-31', null, '2027-01-01'],
    ['2026-03-11', '2026-04-01', '2026-04-01'],
    ['2026-03-11', '2026-03-01', '2026-03-12'],
  ])('edition %s, stated %s → %s', (edition, stated, expected) => {
    expect(dates.effectiveFrom(edition, stated)).toBe(expected);
  });
});

describe('art. 44 channels', () => {
  const tacna = { jurisdiction: { limaOrCallao: false, hasJudicialNoticesNewspaper: true, hasPortal: true } };
  const miraflores = { jurisdiction: { limaOrCallao: true, hasJudicialNoticesNewspaper: true, hasPortal: true } };
  const remote = { jurisdiction: { limaOrCallao: false, hasJudicialNoticesNewspaper: false, hasPortal: true } };
  const norm = (normType: string, extra = {}) => ({ normType, level: 'local', ...extra });

  it.each([
    ['ordenanza', norm('ordenanza'), ['diario-judicial', 'portal'], ['el-peruano', 'portal'], ['carteles', 'portal']],
    ['decreto de alcaldía', norm('decreto-de-alcaldia'), ['diario-judicial', 'portal'], ['el-peruano', 'portal'], ['carteles', 'portal']],
    ['acuerdo on the mayor’s pay', norm('acuerdo-de-concejo', { concernsAuthorityPay: true }), ['diario-judicial', 'portal'], ['el-peruano', 'portal'], ['carteles', 'portal']],
    ['other acuerdo', norm('acuerdo-de-concejo'), [], [], []],
    ['resolución de alcaldía', norm('resolucion-de-alcaldia'), [], [], []],
    ['regional ordinance (not ours to publish)', { normType: 'ordenanza', level: 'regional' }, [], [], []],
    ['tax ordinance awaiting ratification', norm('ordenanza', { requiresRatification: true }), [], [], []],
    ['tax ordinance with its ratifying acuerdo', norm('ordenanza', { requiresRatification: true, ratifiedBy: 'A.C. N° 010-2026-MPT' }), ['diario-judicial', 'portal'], ['el-peruano', 'portal'], ['carteles', 'portal']],
  ])('%s', (_case, facts, outsideLima, inLima, withoutNewspaper) => {
    expect(rules.channelsFor(facts, tacna)).toEqual(outsideLima);
    expect(rules.channelsFor(facts, miraflores)).toEqual(inLima);
    expect(rules.channelsFor(facts, remote)).toEqual(withoutNewspaper);
  });
});

describe('configuration', () => {
  const valid = () => ({
    jurisdiction: { limaOrCallao: false, department: 'Tacna', province: 'Tacna', municipality: 'M', acronym: 'MPT', hasJudicialNoticesNewspaper: true, hasPortal: true },
    timeZone: 'America/Lima',
    nationalHolidays: true,
    additionalHolidays: [{ monthDay: '08-28', name: 'Feriado regional', kind: 'regional' }],
    holidays: ['2026-01-01'],
    outlets: [regional, portal],
    deadlines: { default: 15 },
    maxAttempts: 5,
    backoff: { baseSeconds: 60, maxSeconds: 3600, jitter: 0.25 },
    worker: { enabled: true, schedule: '*/15 * * * * *', batchSize: 50, leaseSeconds: 300, concurrency: 8 },
    inForceSchedule: '0 5 0 * * *',
    subjectPrefix: 'Solicitud',
  });

  it('accepts the sample municipality', () => expect(() => validateConfig(valid())).not.toThrow());
  it.each([
    ['a Lima municipality without a Diario Oficial outlet', (c: any) => (c.jurisdiction.limaOrCallao = true), /el-peruano/],
    ['an unknown time zone', (c: any) => (c.timeZone = 'America/Tacna'), /timeZone/],
    ['a malformed holiday', (c: any) => (c.holidays = ['28/07/2026']), /holidays/],
    ['a date that does not exist', (c: any) => (c.holidays = ['2027-02-29']), /holidays/],
    ['a configured day with both a date and a month-day', (c: any) => (c.additionalHolidays = [{ date: '2027-01-02', monthDay: '01-02', name: 'x', kind: 'decreed' }]), /exactly one/],
    ['a configured day with neither', (c: any) => (c.additionalHolidays = [{ name: 'x', kind: 'decreed' }]), /exactly one/],
    ['a month-day that does not exist', (c: any) => (c.additionalHolidays = [{ monthDay: '02-30', name: 'x', kind: 'regional' }]), /no such day/],
    ['an unknown kind of day', (c: any) => (c.additionalHolidays = [{ date: '2027-01-02', name: 'x', kind: 'national' }]), /kind/],
    ['a dated day with a year range', (c: any) => (c.additionalHolidays = [{ date: '2027-01-02', name: 'x', kind: 'decreed', untilYear: 2030 }]), /monthDay/],
    ['an e-mail outlet without address', (c: any) => delete c.outlets[0].email, /email/],
    ['deadlines without default', (c: any) => (c.deadlines = { ordenanza: 10 }), /deadlines/],
    ['zero attempts', (c: any) => (c.maxAttempts = 0), /maxAttempts/],
  ])('refuses %s', (_case, spoil, message) => {
    const config = valid();
    config.outlets = config.outlets.map((o) => ({ ...o, cutoffs: { ...o.cutoffs } }));
    spoil(config);
    expect(() => validateConfig(config)).toThrow(message);
  });
});

describe('back-off', () => {
  const backoff = { baseSeconds: 60, maxSeconds: 3600, jitter: 0.25 };
  it.each([
    [1, 0.5, 60_000],
    [2, 0.5, 120_000],
    [4, 0.5, 480_000],
    [10, 0.5, 3_600_000],
    [1, 0, 45_000],
    [1, 1, 75_000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffMs(attempt, backoff, () => random)).toBe(expected);
  });
});
