import type { Core } from '@strapi/strapi';
import { actions } from './config/actions';
import { INSTANCE_STOPPING_EVENT, STATE_UID, WEBHOOK_EVENTS } from './constants';
import { auditTrail } from '../../../audit-trail/server/src/api';
import { getService } from './utils';
import { guardFileWrites, guardUploadService } from './middlewares/file-guard';

export const SCHEDULE_JOB = 'approvalWorkflowScheduledPublication';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);

  // Each document locale's chain head is kept on its state row (moved with the state, see workflow.ts).
  auditTrail(strapi).registerHeads('approval-workflow', async () => {
    const states = await strapi.db.query(STATE_UID).findMany({ select: ['targetKey', 'sequence', 'headHash'] });
    return states.map((s: any) => ({ chainKey: s.targetKey, sequence: s.sequence, headHash: s.headHash ?? null }));
  });

  // Files used by gated content: only who may publish it changes them, and a change is an edit of it.
  guardUploadService(strapi);
  guardFileWrites(strapi);
  // Approvals made before the content hash covered files' bytes and descriptions carry over.
  await getService(strapi, 'hash-format').upgrade();

  const webhookStore = strapi.get('webhookStore');
  for (const [key, event] of Object.entries(WEBHOOK_EVENTS)) webhookStore.addAllowedEvent(`APPROVAL_${key.toUpperCase()}`, event);

  strapi.eventHub.on(INSTANCE_STOPPING_EVENT, async () => getService(strapi, 'scheduler').stop());

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
