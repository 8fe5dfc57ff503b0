import type { Core } from '@strapi/strapi';
import { getConfig, getService } from './utils';

let timer: NodeJS.Timeout | undefined;

/**
 * Every instance retries due webhook deliveries (claims keep them from sending
 * twice) and, on PostgreSQL, listens for changes committed by the others.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'change-signal').start();
  const { dispatchIntervalMs } = getConfig(strapi);
  if (!dispatchIntervalMs) return;
  timer = setInterval(() => getService(strapi, 'webhooks').dispatch(), dispatchIntervalMs);
  timer.unref();
};

export const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  if (timer) clearInterval(timer);
  timer = undefined;
  await getService(strapi, 'change-signal').stop();
};
