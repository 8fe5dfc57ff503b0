import type { Core } from '@strapi/strapi';
import { INSTANCE_STOPPING_EVENT } from './constants';
import { actions } from './config/actions';
import { getConfig, getService } from './utils';

let timer: NodeJS.Timeout | undefined;

/**
 * Every instance retries due webhook deliveries (claims keep them from sending twice), unless
 * background jobs are off (CRON_ENABLED=false: scripts such as backups and audits), and, on
 * PostgreSQL, listens for changes committed by the others.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.eventHub.on(INSTANCE_STOPPING_EVENT, async () => getService(strapi, 'webhooks').stop());
  await getService(strapi, 'change-signal').start();
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
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
