// The municipality's business calendar, as a service other plugins use (the
// dissemination plugin counts its deadlines in business days with it): Peru's national
// holidays for any year plus the configured regional, local and decreed days, in the
// configured time zone. See ./holidays.ts for the rules and the laws behind them.
import type { Core } from '@strapi/strapi';
import { getConfig } from '../utils';
import { addBusinessDays, addDays, calendarOf, isBusinessDay, today } from './dates';
import { expiringRules, type Holiday } from './holidays';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => getConfig(strapi);
  const calendar = () => calendarOf(config());

  return {
    timeZone: () => config().timeZone,
    /** Today's date ("YYYY-MM-DD") in the calendar's time zone. */
    today: (now = new Date()) => today(config().timeZone, now),
    /** Not a Saturday, a Sunday or a holiday. */
    isBusinessDay: (date: string) => isBusinessDay(date, calendar()),
    /** The holiday on that date, or null. */
    holidayOn: (date: string): Holiday | null => calendar().holidays.on(date),
    /** Every holiday of a year, in date order. */
    holidaysIn: (year: number): Holiday[] => calendar().holidays.inYear(year),
    /** `days` business days after `date` (0 returns `date`). */
    addBusinessDays: (date: string, days: number) => addBusinessDays(date, days, calendar()),
    /** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
    businessDaysBetween(from: string, to: string) {
      let count = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isBusinessDay(day, calendar())) count += 1;
      return count;
    },
    /** What is configured by date and runs out within `horizonDays` (the start-up warning). */
    expiringConfiguration: (now = new Date(), horizonDays = 90) => expiringRules(config(), today(config().timeZone, now), horizonDays),
  };
};
