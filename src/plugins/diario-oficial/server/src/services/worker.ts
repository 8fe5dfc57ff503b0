// The dispatch worker. Every instance runs it (cron); a request is claimed by one
// instance under a lease (lockedBy, lockedUntil) so that:
//  - PostgreSQL: the claim selects with FOR UPDATE SKIP LOCKED inside a transaction,
//    so concurrent claimers never take the same row;
//  - SQLite: one writer at a time, and every UPDATE re-checks the state it read;
//  - a claim whose lease expired (a crashed instance) is taken over, unless that
//    instance had started sending it: whether the outlet got it is then unknown, so
//    it goes to staff (awaiting-manual-submission) instead of being sent twice.
// Claims follow the (state, priority, next_attempt_at) and (state, locked_until)
// indexes, so claiming a batch costs O(batch), not O(queue).
//
// Every state change appends to the request's chain in the shared audit trail. The
// work is done per batch, not per request: one SELECT and one UPDATE claim a batch
// (the UPDATE also moves each row's chain head), one UPDATE renews the leases of the
// requests about to be sent, one UPDATE records those sent, and their events go in
// one INSERT each time.
import os from 'os';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { REQUEST_UID } from '../constants';
import { getConfig, getService } from '../utils';
import { calendarOf, expectedEditionDate } from './dates';
import { outletFor } from './rules';
import type { AuditEvent } from '../../../../audit-trail/server/src/api';
import type { Transition } from './events';
import type { Attachments } from './dispatch';

type Row = Record<string, any>;

/** A claimed request: what dispatching it and its audit chain need (no further read per request). */
export interface Claimed {
  id: number;
  documentId: string;
  auditSequence: number;
  auditHead: string | null;
  reference: string;
  normDocumentId: string;
  normNumber: string | null;
  normTitle: string | null;
  channel: string;
  outlet: string;
  dueBy: string | null;
  attempts: number;
  state: string;
  lockedBy: string | null;
}

export type Outcome = 'sent' | 'manual' | 'retry' | 'failed' | 'lost';

const COLUMNS = `id, document_id, audit_sequence, audit_head, reference, norm_document_id, norm_number, norm_title, channel, outlet, due_by, attempts, state, locked_by`;

const toClaimed = (r: Row): Claimed => ({
  id: Number(r.id),
  documentId: r.document_id,
  auditSequence: Number(r.audit_sequence ?? 0),
  auditHead: r.audit_head ?? null,
  reference: r.reference,
  normDocumentId: r.norm_document_id,
  normNumber: r.norm_number ?? null,
  normTitle: r.norm_title ?? null,
  channel: r.channel,
  outlet: r.outlet,
  dueBy: r.due_by ?? null,
  attempts: Number(r.attempts),
  state: r.state,
  lockedBy: r.locked_by ?? null,
});

export const INTERRUPTED_MESSAGE =
  'El envío se interrumpió (la instancia se detuvo mientras enviaba). Verifique con el medio si recibió el correo con esta referencia: si lo recibió, registre la presentación; si no, reintente.';

/** Exponential back-off with jitter: base·2^(attempt-1), capped, ±jitter. */
export function backoffMs(attempt: number, backoff: { baseSeconds: number; maxSeconds: number; jitter: number }, random = Math.random) {
  const exponential = Math.min(backoff.maxSeconds, backoff.baseSeconds * 2 ** Math.max(0, attempt - 1));
  const factor = 1 - backoff.jitter + 2 * backoff.jitter * random();
  return Math.round(exponential * factor * 1000);
}

const rowsOf = (result: any): Row[] => (Array.isArray(result) ? result : (result?.rows ?? []));

/** Rows per UPDATE … FROM (VALUES …): well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_STATEMENT = 200;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instanceId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  // Shutdown: no new claim, no new chunk of a claimed batch (see stop()).
  let stopping = false;
  const meta = () => strapi.db.metadata.get(REQUEST_UID);
  const table = () => meta().tableName;
  const column = (attribute: string) => (meta().attributes[attribute] as any)?.columnName ?? attribute;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const events = () => getService('events', strapi);

  interface Move {
    row: { id: number } & Row;
    transition: Transition;
  }

  /**
   * Moves many rows at once: `set` (attribute → value, the same for all) plus each row's
   * new chain head, only where the row is still as it was read (`where`, and the chain
   * head it had: compare-and-swap); then the events of the rows written, in the same
   * transaction. Returns the events written, by row id.
   */
  async function applyMoves(trx: any, moves: Move[], set: Row, where: string, whereBindings: unknown[]): Promise<Map<number, AuditEvent>> {
    const written = new Map<number, AuditEvent>();
    const setEntries = Object.entries(set);
    const setSql = setEntries.map(([attribute]) => `${column(attribute)} = ?`).join(', ');
    const setBindings = setEntries.map(([, value]) => value);
    const sealed: AuditEvent[] = [];
    for (let i = 0; i < moves.length; i += ROWS_PER_STATEMENT) {
      const chunk = moves.slice(i, i + ROWS_PER_STATEMENT).map(({ row, transition }) => {
        const { event } = events().next(row, transition);
        return { id: row.id, event, expected: event.sequence - 1 };
      });
      const values = chunk.map(() => '(CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS VARCHAR(64)))').join(', ');
      const result = await trx.raw(
        `WITH v(rid, expected, seq, head) AS (VALUES ${values})
         UPDATE ?? SET ${setSql}${setSql ? ', ' : ''}audit_sequence = v.seq, audit_head = v.head
         FROM v WHERE id = v.rid AND COALESCE(audit_sequence, 0) = v.expected AND (${where})
         RETURNING id`,
        [...chunk.flatMap((m) => [m.id, m.expected, m.event.sequence, m.event.hash]), table(), ...setBindings, ...whereBindings]
      );
      const ids = new Set(rowsOf(result).map((r) => Number(r.id)));
      for (const m of chunk) if (ids.has(m.id)) written.set(m.id, m.event);
    }
    await events().append([...written.values()]);
    return written;
  }

  /** Candidates for a claim, locked for this transaction (PostgreSQL) and skipped by other claimers. */
  async function select(trx: any, where: string, bindings: unknown[], orderBy: string, limit: number): Promise<Claimed[]> {
    const lock = isPostgres() ? ' FOR UPDATE SKIP LOCKED' : '';
    const result = await trx.raw(`SELECT ${COLUMNS} FROM ?? WHERE ${where} ORDER BY ${orderBy} LIMIT ?${lock}`, [table(), ...bindings, limit]);
    return rowsOf(result).map(toClaimed);
  }

  const EXPIRED = `state = 'dispatching' AND locked_until < ?`;

  /** Expired claims whose send had started: handed to staff, each with its event. */
  async function handOverInterrupted(trx: any, now: number) {
    const rows = await select(trx, `${EXPIRED} AND send_started_at IS NOT NULL`, [now], 'locked_until', 1000);
    if (!rows.length) return;
    await applyMoves(
      trx,
      rows.map((row) => ({
        row,
        transition: { action: 'dispatch-interrupted', from: 'dispatching', to: 'awaiting-manual-submission', actor: null, details: { worker: row.lockedBy, attempt: row.attempts } },
      })),
      { state: 'awaiting-manual-submission', lockedBy: null, lockedUntil: null, sendStartedAt: null, lastError: INTERRUPTED_MESSAGE },
      `${EXPIRED} AND send_started_at IS NOT NULL`,
      [now]
    );
  }

  /** Claims the selected rows for `workerId`; returns those claimed, as claimed. */
  async function take(trx: any, rows: Claimed[], workerId: string, leaseUntil: number, where: string, bindings: unknown[], action: string) {
    if (!rows.length) return [];
    const claimed = await applyMoves(
      trx,
      rows.map((row) => ({
        row,
        transition: {
          action,
          from: row.state,
          to: 'dispatching',
          actor: null,
          details: { worker: workerId, attempt: row.attempts + 1, ...(action === 'claim-takeover' ? { previousWorker: row.lockedBy } : {}) },
        },
      })),
      { state: 'dispatching', lockedBy: workerId, lockedUntil: leaseUntil, attempts: trx.raw('attempts + 1') },
      where,
      bindings
    );
    return rows.flatMap((r) => {
      const event = claimed.get(r.id);
      return event ? [{ ...r, state: 'dispatching', lockedBy: workerId, attempts: r.attempts + 1, auditSequence: event.sequence, auditHead: event.hash }] : [];
    });
  }

  /** Renews the leases of claims about to be sent and marks their send as started; returns those still held. */
  async function startSending(ids: number[], workerId: string): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const now = Date.now();
    const leaseUntil = now + getConfig(strapi).worker.leaseSeconds * 1000;
    const result = await strapi.db.connection.raw(
      `UPDATE ?? SET locked_until = ?, send_started_at = ? WHERE id IN (${ids.map(() => '?').join(', ')}) AND state = 'dispatching' AND locked_by = ? AND locked_until > ? RETURNING id`,
      [table(), leaseUntil, now, ...ids, workerId, now]
    );
    return new Set(rowsOf(result).map((r) => Number(r.id)));
  }

  const OWN_UNSTARTED = `state = 'dispatching' AND locked_by = ? AND send_started_at IS NULL`;
  const OWN_STARTED = `state = 'dispatching' AND locked_by = ? AND send_started_at IS NOT NULL`;

  /** This worker's claims matching `where`, moved by one transition each (events in the same transaction). */
  async function moveOwn(workerId: string, where: string, transition: Omit<Transition, 'from' | 'actor'>, set: Row) {
    return strapi.db.transaction(async ({ trx }) => {
      const rows = await select(trx, where, [workerId], 'id', 1000);
      if (!rows.length) return 0;
      const moved = await applyMoves(
        trx,
        rows.map((row) => ({ row, transition: { ...transition, from: 'dispatching', actor: null, details: { ...transition.details, worker: workerId, attempt: row.attempts } } })),
        set,
        where,
        [workerId]
      );
      return moved.size;
    });
  }

  return {
    instanceId,

    /** Takes due requests and expired leases, at most `limit`, for `workerId`; returns their ids. */
    async claim(workerId = instanceId, limit = getConfig(strapi).worker.batchSize, now = Date.now()) {
      return (await this.claimBatch(workerId, limit, now)).map((r) => r.id);
    },

    /** The claim, returning the claimed rows (with their chain heads) for dispatchBatch. */
    async claimBatch(workerId = instanceId, limit = getConfig(strapi).worker.batchSize, now = Date.now()): Promise<Claimed[]> {
      const leaseUntil = now + getConfig(strapi).worker.leaseSeconds * 1000;
      return strapi.db.transaction(async ({ trx }) => {
        await handOverInterrupted(trx, now);
        const takeover = `${EXPIRED} AND send_started_at IS NULL`;
        const expired = await select(trx, takeover, [now], 'locked_until, id', limit);
        const takenOver = await take(trx, expired, workerId, leaseUntil, takeover, [now], 'claim-takeover');
        if (takenOver.length >= limit) return takenOver;
        const due = `state = 'queued' AND next_attempt_at <= ?`;
        // Equal priority and due time: the older request first (PostgreSQL returns ties in any order).
        const queued = await select(trx, due, [now], 'priority DESC, next_attempt_at, id', limit - takenOver.length);
        return [...takenOver, ...(await take(trx, queued, workerId, leaseUntil, due, [now], 'claim'))];
      });
    },

    /**
     * Ends claims with the same outcome: writes `changes` only while this worker still
     * holds each lease (and nothing else moved the request), with one event each.
     * Returns the events written, by request id.
     */
    async releaseMany(requests: Row[], workerId: string, to: string, changes: Row, action: string, details: (request: Row) => Row = () => ({})) {
      if (!requests.length) return new Map<number, AuditEvent>();
      const released = await strapi.db.transaction(({ trx }) =>
        applyMoves(
          trx,
          requests.map((request) => ({
            row: request as Claimed,
            transition: { action, from: 'dispatching', to, actor: null, details: { worker: workerId, attempt: request.attempts, ...details(request) } },
          })),
          { ...changes, state: to, lockedBy: null, lockedUntil: null, sendStartedAt: null },
          `state = 'dispatching' AND locked_by = ?`,
          [workerId]
        )
      );
      for (const request of requests) {
        if (!released.has(request.id)) strapi.log.warn(`[diario-oficial] ${request.reference}: lease lost before "${to}" was recorded`);
      }
      return released;
    },

    /** Ends one claim (see releaseMany); false when the lease was lost. */
    async release(request: Row, workerId: string, to: string, changes: Row, action: string, details: Row = {}) {
      return (await this.releaseMany([request], workerId, to, changes, action, () => details)).has(request.id);
    },

    /** Dispatches one claimed request by id (tests, manual runs); the worker sends whole batches. */
    async dispatch(id: number, workerId = instanceId): Promise<Outcome> {
      const [row] = rowsOf(await strapi.db.connection.raw(`SELECT ${COLUMNS} FROM ?? WHERE id = ?`, [table(), id]));
      if (!row) return 'lost';
      const [outcome] = await this.dispatchBatch([toClaimed(row)], workerId);
      return outcome;
    },

    /**
     * Dispatches claimed requests together: leases renewed in one statement, files looked
     * up for the batch, e-mails sent in parallel (pooled SMTP), the sent ones recorded in
     * one statement. Manual outlets go to staff. Returns each request's outcome, in order.
     */
    async dispatchBatch(rows: Claimed[], workerId = instanceId, batchFiles?: Map<number, Attachments>): Promise<Outcome[]> {
      const config = getConfig(strapi);
      const held = await startSending(
        rows.map((r) => r.id),
        workerId
      );
      // The rows carry the chain heads the claim wrote: if anything moved a request since, its release does not apply.
      const live = rows.filter((r) => held.has(r.id));
      const files = batchFiles ?? (await getService('dispatch', strapi).filesForMany(live));
      const outcomes = new Map<number, Outcome>();
      const sent: Array<{ request: Claimed; outletKey: string }> = [];
      const manual: Claimed[] = [];
      const errors: Array<{ request: Claimed; message: string }> = [];
      await Promise.all(
        live.map(async (request) => {
          const outlet = outletFor(config, request.channel as any, request.outlet);
          if (outlet?.dispatch === 'manual') return manual.push(request);
          try {
            if (!outlet) throw new Error(`No outlet "${request.outlet}" is configured any more`);
            await getService('dispatch', strapi).sendByEmail(request, outlet, files.get(request.id) ?? {});
            sent.push({ request, outletKey: outlet.key });
          } catch (error: any) {
            errors.push({ request, message: error.message ?? String(error) });
          }
        })
      );

      await this.releaseMany(manual, workerId, 'awaiting-manual-submission', { lastError: null }, 'dispatch-manual');
      for (const request of manual) outcomes.set(request.id, 'manual');
      // Recorded as submitted when recorded: the expected edition date follows each outlet's cut-off.
      const submittedAt = new Date();
      for (const outletKey of new Set(sent.map((s) => s.outletKey))) {
        const outlet = config.outlets.find((o) => o.key === outletKey)!;
        const requests = sent.filter((s) => s.outletKey === outletKey).map((s) => s.request);
        await this.releaseMany(
          requests,
          workerId,
          'submitted',
          { submittedAt, expectedEditionDate: expectedEditionDate(submittedAt, outlet, calendarOf(config)), lastError: null },
          'dispatch-email',
          () => ({ to: outlet.email })
        );
        for (const request of requests) outcomes.set(request.id, 'sent');
      }
      for (const { request, message } of errors) outcomes.set(request.id, await this.fail(request, workerId, message));
      return rows.map((r) => outcomes.get(r.id) ?? 'lost');
    },

    /** A failed attempt: back to the queue after a back-off, or `failed` (and the Normas role told) when attempts are spent. */
    async fail(request: Claimed, workerId: string, message: string): Promise<Outcome> {
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

    /** One cron run: claim a batch and dispatch it, `concurrency` requests at a time. */
    async tick(workerId = instanceId) {
      if (stopping) return { claimed: 0, outcomes: {} };
      const { concurrency } = getConfig(strapi).worker;
      const rows = await this.claimBatch(workerId);
      const files = await getService('dispatch', strapi).filesForMany(rows);
      const outcomes: Record<string, number> = {};
      for (let i = 0; i < rows.length; i += concurrency) {
        if (stopping) break; // the rest of the batch goes back to the queue (stop())
        for (const r of await this.dispatchBatch(rows.slice(i, i + concurrency), workerId, files)) outcomes[r] = (outcomes[r] ?? 0) + 1;
      }
      if (stopping) await this.releaseUnstarted(workerId);
      return { claimed: rows.length, outcomes };
    },

    /**
     * Graceful shutdown: no new claim or chunk, and the requests this worker claimed but has
     * not started sending go back to the queue now (`claim-released`), due at once, so that
     * another instance takes them without waiting for the lease. Returns how many.
     */
    async stop(workerId = instanceId) {
      stopping = true;
      return this.releaseUnstarted(workerId);
    },

    /** Claimed, not being sent: back to `queued`, due now; the claim did not count as an attempt. */
    releaseUnstarted(workerId = instanceId) {
      return moveOwn(
        workerId,
        OWN_UNSTARTED,
        { action: 'claim-released', to: 'queued', details: { reason: 'shutdown' } },
        { state: 'queued', lockedBy: null, lockedUntil: null, nextAttemptAt: Date.now(), attempts: strapi.db.connection.raw('attempts - 1') }
      );
    },

    /**
     * Sends this worker started and could not finish before the process stops: whether the
     * outlet got the e-mail is unknown, so they go to staff now (as another instance would
     * after the lease), never sent twice.
     */
    handOverStarted(workerId = instanceId) {
      return moveOwn(
        workerId,
        OWN_STARTED,
        { action: 'dispatch-interrupted', to: 'awaiting-manual-submission', details: { reason: 'shutdown' } },
        { state: 'awaiting-manual-submission', lockedBy: null, lockedUntil: null, sendStartedAt: null, lastError: INTERRUPTED_MESSAGE }
      );
    },

    /** Runs ticks until nothing is due (the cron task; also used by the benchmark). */
    async drain(workerId = instanceId, maxTicks = Infinity) {
      let total = 0;
      for (let n = 0; n < maxTicks && !stopping; n += 1) {
        const { claimed } = await this.tick(workerId);
        total += claimed;
        if (!claimed) break;
      }
      return total;
    },
  };
};
