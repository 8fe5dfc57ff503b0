import type { Core } from '@strapi/strapi';
import { actions } from './config/actions';
import { WEBHOOK_EVENTS } from './constants';
import { getService } from './utils';

export const SCHEDULE_JOB = 'approvalWorkflowScheduledPublication';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);

  const webhookStore = strapi.get('webhookStore');
  for (const [key, event] of Object.entries(WEBHOOK_EVENTS)) webhookStore.addAllowedEvent(`APPROVAL_${key.toUpperCase()}`, event);

  // Every instance runs the worker; the claim in the scheduler makes each publication happen once.
  if (!strapi.config.get('server.cron.enabled', false)) {
    strapi.log.warn('approval-workflow: cron desactivado (server.cron.enabled): esta instancia no hará publicaciones programadas.');
  } else {
    const { scheduleRule } = strapi.config.get('plugin::approval-workflow') as { scheduleRule: string };
    strapi.cron.add({
      [SCHEDULE_JOB]: {
        task: () => getService(strapi, 'scheduler').publishDue(),
        options: { rule: scheduleRule },
      },
    });
  }
};
