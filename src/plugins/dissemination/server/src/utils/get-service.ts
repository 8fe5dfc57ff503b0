import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { DisseminationConfig } from '../config';
import type services from '../services';

type Services = typeof services;

/** Typed access to the plugin's services. */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name) =>
  strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[Name]>;

export const pluginConfig = (strapi: Core.Strapi) => strapi.config.get(`plugin::${PLUGIN_ID}`) as DisseminationConfig;

/** The Diario Oficial's business calendar (Peruvian holidays), a registered service of that plugin. */
export interface BusinessCalendar {
  today(now?: Date): string;
  businessDaysBetween(from: string, to: string): number;
  isBusinessDay(date: string): boolean;
}
export const businessCalendar = (strapi: Core.Strapi) => strapi.plugin('diario-oficial').service('calendar') as BusinessCalendar;

/** `YYYY-MM-DD` of an instant in the office's time zone. */
export const dateIn = (timeZone: string, at: Date | string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));

export const isUniqueViolation = (error: any) => error?.code === '23505' || /UNIQUE constraint failed/i.test(error?.message ?? '');
