import type { Core } from '@strapi/strapi';
import { actions } from './config/actions';
import { INSTANCE_STOPPING_EVENT } from './constants';
import { protectAuditTrail } from './middlewares/audit-append-only';
import { getService, pluginConfig } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  protectAuditTrail(strapi);
  strapi.eventHub.on(INSTANCE_STOPPING_EVENT, async () => getService(strapi, 'notices').stop());

  const config = pluginConfig(strapi);
  strapi.cron.add({
    'protocol-notice-outbox': {
      task: () => getService(strapi, 'notices').processOutbox(),
      options: { rule: config.outboxCron },
    },
    'protocol-verification-digest': {
      task: () => getService(strapi, 'verification').sendDigest(),
      options: { rule: config.digestCron, tz: config.timezone },
    },
  });
};
