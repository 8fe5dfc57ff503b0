import type { Core } from '@strapi/strapi';
import actions from './config/actions';
import { getConfig, getService } from './utils';

export const DISPATCH_TASK = 'diario-oficial-dispatch';
export const IN_FORCE_TASK = 'diario-oficial-in-force';

/** One run at a time per instance; other instances run their own (claims keep them apart). */
function exclusive(task: () => Promise<unknown>) {
  let running = false;
  return async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } finally {
      running = false;
    }
  };
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);

  const config = getConfig(strapi);
  if (!config.worker.enabled) return;
  strapi.cron.add({
    [DISPATCH_TASK]: {
      task: exclusive(() => getService('worker', strapi).drain()),
      options: { rule: config.worker.schedule, tz: config.timeZone },
    },
    [IN_FORCE_TASK]: {
      task: exclusive(() => getService('norms', strapi).promoteInForce()),
      options: { rule: config.inForceSchedule, tz: config.timeZone },
    },
  });
};
