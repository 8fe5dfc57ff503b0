import type { Core } from '@strapi/strapi';
import { getConfig, getService } from './utils';

let timer: NodeJS.Timeout | undefined;

/** Every instance retries due webhook deliveries (claims keep them from sending twice). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { dispatchIntervalMs } = getConfig(strapi);
  if (!dispatchIntervalMs) return;
  timer = setInterval(() => getService(strapi, 'webhooks').dispatch(), dispatchIntervalMs);
  timer.unref();
};

export const destroy = () => {
  if (timer) clearInterval(timer);
  timer = undefined;
};
