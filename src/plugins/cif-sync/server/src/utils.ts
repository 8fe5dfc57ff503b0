import type { Core } from '@strapi/strapi';
import type { CifSyncConfig } from './config';
import type changeLog from './services/change-log';
import type changeSignal from './services/change-signal';
import type feed from './services/feed';
import type status from './services/status';
import type webhooks from './services/webhooks';
import { PLUGIN_ID } from './constants';

type Services = {
  'change-log': ReturnType<typeof changeLog>;
  'change-signal': ReturnType<typeof changeSignal>;
  feed: ReturnType<typeof feed>;
  status: ReturnType<typeof status>;
  webhooks: ReturnType<typeof webhooks>;
};

export const getService = <N extends keyof Services>(strapi: Core.Strapi, name: N): Services[N] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[N];

export const getConfig = (strapi: Core.Strapi): CifSyncConfig => strapi.config.get(`plugin::${PLUGIN_ID}`) as CifSyncConfig;

export const isPostgres = (strapi: Core.Strapi) => strapi.db.config.connection.client === 'postgres';
