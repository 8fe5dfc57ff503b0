import type { Core } from '@strapi/strapi';
import actions from './config/actions';
import { REQUEST_UID } from './constants';
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

export const CLAIM_INDEX = 'diario_oficial_requests_claim_idx';

/**
 * The index the worker's claim walks (state, priority DESC, next_attempt_at), so that
 * claiming a batch reads about one batch of rows whatever the queue length. Strapi's
 * schema indexes cannot say DESC, so it is created here, after the schema sync
 * (same SQL on SQLite and PostgreSQL; Strapi leaves indexes it did not declare alone).
 */
async function ensureClaimIndex(strapi: Core.Strapi) {
  const table = strapi.db.metadata.get(REQUEST_UID).tableName;
  await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (state, priority DESC, next_attempt_at)`, [CLAIM_INDEX, table]);
}

/** Dates configured one by one run out silently: say so at start-up, 90 days ahead. */
function warnAboutExpiringDates(strapi: Core.Strapi) {
  for (const warning of getService('calendar', strapi).expiringConfiguration()) strapi.log.warn(`[diario-oficial] ${warning.message}`);
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
  await ensureClaimIndex(strapi);
  getService('events', strapi).registerHeads();
  warnAboutExpiringDates(strapi);

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
