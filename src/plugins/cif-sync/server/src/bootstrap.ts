import type { Core } from '@strapi/strapi';
import { LEGACY_READ_FEED_ACTION, READ_FEED_ACTION } from './constants';
import { getConfig, getService } from './utils';

let timer: NodeJS.Timeout | undefined;

/** Tokens and roles given the feed under its former action name keep it under the new one (idempotent). */
async function carryOverFeedGrants(strapi: Core.Strapi) {
  for (const uid of ['admin::api-token-permission', 'plugin::users-permissions.permission']) {
    await strapi.db.query(uid as any).updateMany({ where: { action: LEGACY_READ_FEED_ACTION }, data: { action: READ_FEED_ACTION } });
  }
}

/** Every instance retries due webhook deliveries (claims keep them from sending twice). */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await carryOverFeedGrants(strapi);
  const { dispatchIntervalMs } = getConfig(strapi);
  if (!dispatchIntervalMs) return;
  timer = setInterval(() => getService(strapi, 'webhooks').dispatch(), dispatchIntervalMs);
  timer.unref();
};

export const destroy = () => {
  if (timer) clearInterval(timer);
  timer = undefined;
};
