import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;

/** Typed access to the plugin's services. */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name) =>
  strapi.plugin('protocol').service(name) as ReturnType<Services[Name]>;

export const pluginConfig = (strapi: Core.Strapi) =>
  strapi.config.get('plugin::protocol') as import('../config').ProtocolConfig;
