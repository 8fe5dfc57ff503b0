// The dispatch worker. Every instance runs it (cron); a request is claimed by one
// instance under a lease (lockedBy, lockedUntil) so that:
//  - PostgreSQL: the claim selects with FOR UPDATE SKIP LOCKED inside a transaction,
//    so concurrent claimers never take the same row;
//  - SQLite: the claim is one UPDATE ... WHERE id IN (SELECT ...), atomic under
//    SQLite's single writer;
//  - a claim whose lease expired (a crashed instance) is taken over, unless that
//    instance had started sending it: whether the outlet got it is then unknown, so
//    it goes to staff (awaiting-manual-submission) instead of being sent twice.
// Claims follow the (state, priority, next_attempt_at) and (state, locked_until)
// indexes, so claiming a batch costs O(batch), not O(queue).
import os from 'os';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { REQUEST_UID } from '../constants';
import { getConfig, getService } from '../utils';
import { calendarOf, expectedEditionDate } from './dates';
import { outletFor } from './rules';

type Row = Record<string, any>;

export const INTERRUPTED_MESSAGE =
  'El envío se interrumpió (la instancia se detuvo mientras enviaba). Verifique con el medio si recibió el correo con esta referencia: si lo recibió, registre la presentación; si no, reintente.';

/** Exponential back-off with jitter: base·2^(attempt-1), capped, ±jitter. */
export function backoffMs(attempt: number, backoff: { baseSeconds: number; maxSeconds: number; jitter: number }, random = Math.random) {
  const exponential = Math.min(backoff.maxSeconds, backoff.baseSeconds * 2 ** Math.max(0, attempt - 1));
  const factor = 1 - backoff.jitter + 2 * backoff.jitter * random();
  return Math.round(exponential * factor * 1000);
}

const rowsOf = (result: any): Row[] => (Array.isArray(result) ? result : (result?.rows ?? []));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const query = () => strapi.db.query(REQUEST_UID);
  const table = () => strapi.db.metadata.get(REQUEST_UID).tableName;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  /**
   * Claims up to `limit` rows matching `where` (SQL), in `orderBy` order, for `workerId`.
   * The candidates are a MATERIALIZED CTE: PostgreSQL may otherwise re-run an
   * `IN (SELECT … LIMIT n)` subquery and update more than `n` rows.
   */
  async function claimWhere(trx: any, workerId: string, where: string, bindings: unknown[], orderBy: string, limit: number, leaseUntil: number) {
    const lock = isPostgres() ? ' FOR UPDATE SKIP LOCKED' : '';
    const result = await trx.raw(
      `WITH claimable AS MATERIALIZED (SELECT id FROM ?? WHERE ${where} ORDER BY ${orderBy} LIMIT ?${lock})
       UPDATE ?? SET state = 'dispatching', locked_by = ?, locked_until = ?, attempts = attempts + 1
       WHERE id IN (SELECT id FROM claimable)
       RETURNING id`,
      [table(), ...bindings, limit, table(), workerId, leaseUntil]
    );
    return rowsOf(result).map((r) => Number(r.id));
  }

  /**
   * Extends this worker's lease right before sending; false when it already expired
   * (another instance may take the request over, so this one must not send it).
   */
  async function renewLease(id: number, workerId: string) {
    const now = Date.now();
    const { count } = await query().updateMany({
      where: { id, state: 'dispatching', lockedBy: workerId, lockedUntil: { $gt: now } },
      data: { lockedUntil: now + getConfig(strapi).worker.leaseSeconds * 1000, sendStartedAt: now },
    });
    return count === 1;
  }

  /** Expired claims whose send had started: handed to staff, with a timeline event each. */
  async function handOverInterrupted(trx: any, now: number) {
    const lock = isPostgres() ? ' FOR UPDATE SKIP LOCKED' : '';
    const result = await trx.raw(
      `WITH interrupted AS MATERIALIZED (SELECT id FROM ?? WHERE state = 'dispatching' AND locked_until < ? AND send_started_at IS NOT NULL ORDER BY locked_until LIMIT 1000${lock})
       UPDATE ?? SET state = 'awaiting-manual-submission', locked_by = NULL, locked_until = NULL, send_started_at = NULL, last_error = ?
       WHERE id IN (SELECT id FROM interrupted)
       RETURNING id`,
      [table(), now, table(), INTERRUPTED_MESSAGE]
    );
    const ids = rowsOf(result).map((r) => Number(r.id));
    for (const id of ids) {
      await getService('events', strapi).record(id, { action: 'dispatch-interrupted', from: 'dispatching', to: 'awaiting-manual-submission', actor: null, details: {} });
    }
    return ids;
  }

  return {
    instanceId,

    /** Takes due requests and expired leases, at most `limit`, for `workerId`. */
    async claim(workerId = instanceId, limit = getConfig(strapi).worker.batchSize, now = Date.now()) {
      const leaseUntil = now + getConfig(strapi).worker.leaseSeconds * 1000;
      return strapi.db.transaction(async ({ trx }) => {
        await handOverInterrupted(trx, now);
        const takenOver = await claimWhere(trx, workerId, `state = 'dispatching' AND locked_until < ? AND send_started_at IS NULL`, [now], 'locked_until', limit, leaseUntil);
        const fresh =
          takenOver.length < limit
            ? await claimWhere(trx, workerId, `state = 'queued' AND next_attempt_at <= ?`, [now], 'priority DESC, next_attempt_at', limit - takenOver.length, leaseUntil)
            : [];
        return [...takenOver, ...fresh];
      });
    },

    /** Ends a claim: writes `changes` only while this worker still holds the lease. */
    async release(request: Row, workerId: string, to: string, changes: Row, action: string, details: Row = {}) {
      return strapi.db.transaction(async () => {
        const { count } = await query().updateMany({
          where: { id: request.id, state: 'dispatching', lockedBy: workerId },
          data: { ...changes, state: to, lockedBy: null, lockedUntil: null, sendStartedAt: null },
        });
        if (count !== 1) {
          strapi.log.warn(`[diario-oficial] ${request.reference}: lease lost before "${to}" was recorded`);
          return false;
        }
        await getService('events', strapi).record(request.id, { action, from: 'dispatching', to, actor: null, details: { worker: workerId, attempt: request.attempts, ...details } });
        return true;
      });
    },

    /** Dispatches one claimed request: e-mail to the outlet, or hand it to staff for manual outlets. */
    async dispatch(id: number, workerId = instanceId) {
      const config = getConfig(strapi);
      if (!(await renewLease(id, workerId))) return 'lost';
      const request = await query().findOne({ where: { id }, populate: { signedPdf: true, editableDocx: true, cover: true } });
      if (!request) return 'lost';
      const outlet = outletFor(config, request.channel, request.outlet);
      if (outlet?.dispatch === 'manual') {
        await this.release(request, workerId, 'awaiting-manual-submission', { lastError: null }, 'dispatch-manual');
        return 'manual';
      }
      try {
        if (!outlet) throw new Error(`No outlet "${request.outlet}" is configured any more`);
        await getService('dispatch', strapi).sendByEmail(request, outlet);
      } catch (error: any) {
        return this.fail(request, workerId, error.message ?? String(error));
      }
      const submittedAt = new Date();
      await this.release(
        request,
        workerId,
        'submitted',
        { submittedAt, expectedEditionDate: expectedEditionDate(submittedAt, outlet, calendarOf(config)), lastError: null },
        'dispatch-email',
        { to: outlet.email }
      );
      return 'sent';
    },

    /** A failed attempt: back to the queue after a back-off, or `failed` (and the Normas role told) when attempts are spent. */
    async fail(request: Row, workerId: string, message: string) {
      const config = getConfig(strapi);
      if (request.attempts >= config.maxAttempts) {
        const released = await this.release(request, workerId, 'failed', { lastError: message }, 'dispatch-failed', { error: message });
        if (released) await getService('notifications', strapi).requestFailed({ ...request, lastError: message });
        return 'failed';
      }
      const nextAttemptAt = Date.now() + backoffMs(request.attempts, config.backoff);
      await this.release(request, workerId, 'queued', { lastError: message, nextAttemptAt }, 'dispatch-retry', { error: message, nextAttemptAt: new Date(nextAttemptAt).toISOString() });
      return 'retry';
    },

    /** One cron run: claim a batch and dispatch it, a few at a time. */
    async tick(workerId = instanceId) {
      const { concurrency } = getConfig(strapi).worker;
      const ids = await this.claim(workerId);
      const outcomes: Record<string, number> = {};
      for (let i = 0; i < ids.length; i += concurrency) {
        const results = await Promise.all(ids.slice(i, i + concurrency).map((id) => this.dispatch(id, workerId)));
        for (const r of results) outcomes[r] = (outcomes[r] ?? 0) + 1;
      }
      return { claimed: ids.length, outcomes };
    },

    /** Runs ticks until nothing is due (the cron task; also used by the benchmark). */
    async drain(workerId = instanceId, maxTicks = Infinity) {
      let total = 0;
      for (let n = 0; n < maxTicks; n += 1) {
        const { claimed } = await this.tick(workerId);
        total += claimed;
        if (!claimed) break;
      }
      return total;
    },
  };
};
