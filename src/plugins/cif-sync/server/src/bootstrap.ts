import type { Core } from '@strapi/strapi';
import { actions } from './config/actions';
import { getConfig, getService } from './utils';

let timer: NodeJS.Timeout | undefined;

/** Every instance retries due webhook deliveries (claims keep them from sending twice). */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  const { dispatchIntervalMs } = getConfig(strapi);
  if (!dispatchIntervalMs) return;
  timer = setInterval(() => getService(strapi, 'webhooks').dispatch(), dispatchIntervalMs);
  timer.unref();
};

export const destroy = () => {
  if (timer) clearInterval(timer);
  timer = undefined;
};
