import type { Core } from '@strapi/strapi';
import { INSTANCE_STOPPING_EVENT, LEGACY_READ_FEED_ACTION, READ_FEED_ACTION } from './constants';
import { actions } from './config/actions';
import { getConfig, getService } from './utils';

let timer: NodeJS.Timeout | undefined;

/** Tokens and roles given the feed under its former action name keep it under the new one (idempotent). */
async function carryOverFeedGrants(strapi: Core.Strapi) {
  for (const uid of ['admin::api-token-permission', 'plugin::users-permissions.permission']) {
    await strapi.db.query(uid as any).updateMany({ where: { action: LEGACY_READ_FEED_ACTION }, data: { action: READ_FEED_ACTION } });
  }
}

/**
 * Every instance retries due webhook deliveries (claims keep them from sending twice), unless
 * background jobs are off (CRON_ENABLED=false: scripts such as backups and audits), and, on
 * PostgreSQL, listens for changes committed by the others.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.eventHub.on(INSTANCE_STOPPING_EVENT, async () => getService(strapi, 'webhooks').stop());
  await getService(strapi, 'change-signal').start();
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  await carryOverFeedGrants(strapi);
  const { dispatchIntervalMs } = getConfig(strapi);
  if (!dispatchIntervalMs || !strapi.config.get('server.cron.enabled', false)) return;
  timer = setInterval(() => getService(strapi, 'webhooks').dispatch(), dispatchIntervalMs);
  timer.unref();
};

/** Shutdown: no new dispatch; the delivery being sent finishes and its attempt is logged; the listener closes. */
export const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  if (timer) clearInterval(timer);
  timer = undefined;
  const webhooks = getService(strapi, 'webhooks');
  webhooks.stop();
  await webhooks.idle();
  await getService(strapi, 'change-signal').stop();
};
