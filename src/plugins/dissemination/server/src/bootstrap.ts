import type { Core } from '@strapi/strapi';
import actions from './config/actions';
import { INSTANCE_STOPPING_EVENT } from './constants';
import { getService, pluginConfig } from './utils/get-service';

/** One run at a time per instance; other instances run their own (claims keep them apart). */
function exclusive(task: () => Promise<unknown>, name: string, strapi: Core.Strapi) {
  let running: Promise<unknown> | null = null;
  return async () => {
    if (running) return;
    running = task()
      .catch((error) => strapi.log.error(`[dissemination] ${name} failed: ${error?.message ?? error}`))
      .finally(() => {
        running = null;
      });
    await running;
  };
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  getService(strapi, 'events').registerHeads();
  strapi.eventHub.on(INSTANCE_STOPPING_EVENT, async () => getService(strapi, 'outbox').stop());

  const config = pluginConfig(strapi);
  strapi.cron.add({
    'dissemination-outbox': {
      task: exclusive(() => getService(strapi, 'outbox').processOutbox(), 'outbox', strapi),
      options: { rule: config.outboxCron },
    },
    ...(config.followUp.enabled
      ? {
          'dissemination-follow-up': {
            task: exclusive(() => getService(strapi, 'follow-up').run(), 'follow-up', strapi),
            options: { rule: config.followUp.cron, tz: config.timezone },
          },
        }
      : {}),
    ...(config.bulletin.enabled
      ? {
          'dissemination-bulletin': {
            task: exclusive(() => getService(strapi, 'bulletin').run(), 'bulletin', strapi),
            options: { rule: config.bulletin.cron, tz: config.timezone },
          },
        }
      : {}),
  });
};
