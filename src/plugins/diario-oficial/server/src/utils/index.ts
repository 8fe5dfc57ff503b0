import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type services from '../services';
import type { DiarioOficialConfig } from '../config';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

/** A service of this plugin, typed. */
export const getService = <K extends keyof Services>(name: K, strapi: Core.Strapi = global.strapi): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[K];

export const getConfig = (strapi: Core.Strapi = global.strapi) => strapi.config.get(`plugin::${PLUGIN_ID}`) as DiarioOficialConfig;
