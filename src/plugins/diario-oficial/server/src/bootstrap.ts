import type { Core } from '@strapi/strapi';
import actions from './config/actions';
import { INSTANCE_STOPPING_EVENT, REQUEST_UID } from './constants';
import { getConfig, getService } from './utils';

export const DISPATCH_TASK = 'diario-oficial-dispatch';
export const IN_FORCE_TASK = 'diario-oficial-in-force';

/** One run at a time per instance; other instances run their own (claims keep them apart). */
function exclusive(task: () => Promise<unknown>) {
  let running: Promise<unknown> | null = null;
  const run = async () => {
    if (running) return;
    running = task().finally(() => {
      running = null;
    });
    await running;
  };
  /** Waits for the run under way, if any (graceful shutdown). */
  run.idle = async () => {
    while (running) await running.catch(() => undefined);
  };
  return run;
}

const tasks: Array<ReturnType<typeof exclusive>> = [];

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
  // Shutdown: what this worker claimed but has not started sending goes back to the queue at once.
  strapi.eventHub.on(INSTANCE_STOPPING_EVENT, async () => {
    await getService('worker', strapi).stop();
  });
  const dispatch = exclusive(() => getService('worker', strapi).drain());
  const inForce = exclusive(() => getService('norms', strapi).promoteInForce());
  tasks.push(dispatch, inForce);
  strapi.cron.add({
    [DISPATCH_TASK]: { task: dispatch, options: { rule: config.worker.schedule, tz: config.timeZone } },
    [IN_FORCE_TASK]: { task: inForce, options: { rule: config.inForceSchedule, tz: config.timeZone } },
  });
};

/**
 * Shutdown: no new claim; the batch being sent finishes (its outcomes recorded), the rest of
 * it goes back to the queue. Sends still open after most of server.shutdownTimeoutMs go to
 * staff as interrupted (their outcome is unknown) rather than wait for their lease.
 */
export async function destroy({ strapi }: { strapi: Core.Strapi }) {
  const worker = getService('worker', strapi);
  await worker.stop();
  const budget = Number(strapi.config.get('server.shutdownTimeoutMs', 20_000)) * 0.6;
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    Promise.all(tasks.map((task) => task.idle())).then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), budget))),
  ]);
  clearTimeout(timer);
  await worker.releaseUnstarted();
  if (!finished) {
    const handed = await worker.handOverStarted();
    if (handed) strapi.log.warn(`[diario-oficial] ${handed} envío(s) en curso pasaron a revisión del personal (apagado).`);
  }
  tasks.length = 0;
}
