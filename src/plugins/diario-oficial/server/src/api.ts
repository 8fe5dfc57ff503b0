// What other plugins use of this one, typed: the business calendar (Peru's holidays for
// any year plus the configured regional, local and decreed days).
import type { Core } from '@strapi/strapi';
import type calendar from './services/calendar';

export type BusinessCalendar = ReturnType<typeof calendar>;
export type { ConfiguredHoliday, Holiday, HolidayKind } from './services/holidays';

export const businessCalendar = (strapi: Core.Strapi): BusinessCalendar => strapi.plugin('diario-oficial').service('calendar') as BusinessCalendar;
