// Calendar rules of the queue: when a submission is taken by an outlet, when it
// appears, when a request is due and when a published norm takes effect.
// Pure functions over "YYYY-MM-DD" dates in the configured time zone.
import type { DiarioOficialConfig, OutletConfig } from '../config';
import { holidayCalendar, type HolidayCalendar, type HolidayRules } from './holidays';

export interface Calendar {
  timeZone: string;
  /** Holidays of any year: national ones computed, configured ones added (./holidays.ts). */
  holidays: HolidayCalendar;
}

const calendars = new WeakMap<object, Calendar>();

/** The calendar of a configuration (one per configuration object: each year is computed once). */
export function calendarOf(config: Pick<DiarioOficialConfig, 'timeZone'> & HolidayRules): Calendar {
  let calendar = calendars.get(config);
  if (!calendar) calendars.set(config, (calendar = { timeZone: config.timeZone, holidays: holidayCalendar(config) }));
  return calendar;
}

/** The local date ("YYYY-MM-DD") and time ("HH:MM") of an instant in a time zone. */
export function localDateTime(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value])
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

export const today = (timeZone: string, now = new Date()) => localDateTime(now, timeZone).date;

export function addDays(date: string, days: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
export const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;
export const isBusinessDay = (date: string, calendar: Calendar) => !isWeekend(date) && !calendar.holidays.has(date);

export function addBusinessDays(date: string, days: number, calendar: Calendar) {
  let current = date;
  for (let left = days; left > 0; ) {
    current = addDays(current, 1);
    if (isBusinessDay(current, calendar)) left -= 1;
  }
  return current;
}

/** The outlet's cut-off on that day, or null when it takes nothing that day. */
function cutoffOn(date: string, outlet: OutletConfig, calendar: Calendar) {
  return isBusinessDay(date, calendar) ? outlet.cutoffs.weekday : outlet.cutoffs.weekendOrHoliday;
}

/** The day the outlet takes a submission made at `instant`: today before the cut-off, else its next service day. */
export function receivedOn(instant: Date, outlet: OutletConfig, calendar: Calendar) {
  const local = localDateTime(instant, calendar.timeZone);
  const cutoff = cutoffOn(local.date, outlet, calendar);
  if (cutoff && local.time < cutoff) return local.date;
  let day = addDays(local.date, 1);
  while (!cutoffOn(day, outlet, calendar)) day = addDays(day, 1);
  return day;
}

const publishesOn = (date: string, outlet: OutletConfig, calendar: Calendar) =>
  outlet.publishesOn === 'every-day' || isBusinessDay(date, calendar);

/** The expected edition: the outlet's first edition after the day it takes the submission. */
export function expectedEditionDate(instant: Date, outlet: OutletConfig, calendar: Calendar) {
  let day = addDays(receivedOn(instant, outlet, calendar), 1);
  while (!publishesOn(day, outlet, calendar)) day = addDays(day, 1);
  return day;
}

/** Last day of `year` the outlet takes files for an edition within that year. */
export const yearEndDeadline = (year: number, outlet: OutletConfig) => `${year}-${outlet.yearEndCutoff}`;

/**
 * When a request must be submitted: business days per norm type from the day it is queued;
 * ordinances on arbitrios no later than the outlet's year-end cut-off (to apply next year).
 */
export function dueBy(
  input: { queuedOn: string; normType: string; concernsArbitrios?: boolean | null },
  outlet: OutletConfig,
  config: Pick<DiarioOficialConfig, 'deadlines'>,
  calendar: Calendar
) {
  const days = config.deadlines[input.normType] ?? config.deadlines.default;
  const regular = addBusinessDays(input.queuedOn, days, calendar);
  if (!input.concernsArbitrios) return regular;
  const yearEnd = yearEndDeadline(Number(input.queuedOn.slice(0, 4)), outlet);
  return regular < yearEnd ? regular : yearEnd;
}

/** A norm takes effect the day after its publication, unless it states a later date (Ley 27972 art. 44). */
export function effectiveFrom(editionDate: string, statedEffectiveFrom?: string | null) {
  const dayAfter = addDays(editionDate, 1);
  return statedEffectiveFrom && statedEffectiveFrom > dayAfter ? statedEffectiveFrom : dayAfter;
}
