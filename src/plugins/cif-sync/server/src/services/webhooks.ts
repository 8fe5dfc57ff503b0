/**
 * Signed webhooks: one delivery row per change and endpoint, written in the
 * change's transaction, sent after commit and retried with exponential
 * back-off. Each attempt is appended to the row's log. The feed stays the
 * source of truth: a lost webhook only delays the CIF until its next poll.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { DELIVERY_UID, SIGNATURE_HEADER } from '../constants';
import { describeChange, type ChangeRow } from './change-log';
import { getConfig, getService } from '../utils';

const CLAIM_BATCH = 50;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` */
export const signPayload = (secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) =>
  `t=${timestamp},v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

type Delivery = {
  id: number;
  cursor: string | number;
  url: string;
  attempts: number;
  version: number;
  attemptLog: Array<Record<string, unknown>> | null;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let dispatching: Promise<void> | null = null;
  // Shutdown: the delivery being sent finishes and is logged; the others stay due for the other instances.
  let stopping = false;
  const deliveries = () => strapi.db.query(DELIVERY_UID);

  /** Takes a due delivery for this instance: the version check makes concurrent instances skip it. */
  async function claim(delivery: Delivery) {
    const lease = new Date(Date.now() + 2 * getConfig(strapi).webhookTimeoutMs);
    const { count } = await deliveries().updateMany({
      where: { id: delivery.id, version: delivery.version, state: 'pending' },
      data: { version: delivery.version + 1, nextAttemptAt: lease },
    });
    return count === 1;
  }

  async function send(delivery: Delivery) {
    const config = getConfig(strapi);
    const [change] = await getService(strapi, 'change-log').findByCursors([Number(delivery.cursor)]);
    const body = JSON.stringify({ event: 'cif-sync.change', data: describeChange(change) });
    const attempt: Record<string, unknown> = { at: new Date().toISOString() };
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signPayload(config.webhookSecret, body),
          'X-CIF-Delivery': String(delivery.id),
        },
        body,
        signal: AbortSignal.timeout(config.webhookTimeoutMs),
      });
      attempt.status = response.status;
    } catch (error: any) {
      attempt.error = String(error?.message ?? error);
    }
    const ok = typeof attempt.status === 'number' && attempt.status >= 200 && attempt.status < 300;
    const attempts = delivery.attempts + 1;
    const giveUp = !ok && attempts >= config.webhookMaxAttempts;
    await deliveries().update({
      where: { id: delivery.id },
      data: {
        attempts,
        version: delivery.version + 2,
        state: ok ? 'delivered' : giveUp ? 'failed' : 'pending',
        lastStatusCode: (attempt.status as number) ?? null,
        deliveredAt: ok ? new Date() : null,
        nextAttemptAt: ok || giveUp ? null : new Date(Date.now() + config.webhookRetryBaseMs * 2 ** (attempts - 1)),
        attemptLog: [...(delivery.attemptLog ?? []), attempt],
      },
    });
  }

  async function dispatchDue() {
    const due: Delivery[] = await deliveries().findMany({
      where: { state: 'pending', nextAttemptAt: { $lte: new Date() } },
      orderBy: { id: 'asc' },
      limit: CLAIM_BATCH,
    });
    for (const delivery of due) {
      if (stopping) break;
      if (await claim(delivery)) await send({ ...delivery, version: delivery.version + 1 });
    }
  }

  return {
    /** Within the change's transaction: one pending delivery per CIF change and endpoint. */
    async enqueue(rows: ChangeRow[]) {
      const { types, webhookUrls } = getConfig(strapi);
      const changes = rows.filter((row) => types.includes(row.contentType));
      if (!changes.length || !webhookUrls.length) return;
      await strapi.db.transaction(async ({ onCommit }) => {
        for (const change of changes) {
          for (const url of webhookUrls) {
            await deliveries().create({ data: { cursor: change.id, url, state: 'pending', attempts: 0, version: 0, nextAttemptAt: new Date(), attemptLog: [] } });
          }
        }
        // Out of the committing transaction's callbacks, returned so that shutdown can wait for it.
        onCommit(() => new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.dispatch()));
      });
    },

    /** Sends what is due; one run at a time per instance. */
    dispatch(): Promise<void> {
      if (!dispatching && !stopping) {
        dispatching = dispatchDue()
          .catch((error) => {
            strapi.log.error(`cif-sync: webhook dispatch failed: ${error?.message ?? error}`);
          })
          .finally(() => {
            dispatching = null;
          });
      }
      return dispatching ?? Promise.resolve();
    },

    /** Sends nothing new (graceful shutdown). */
    stop() {
      stopping = true;
    },

    /** Waits for the delivery under way to be sent and written to its log. */
    async idle() {
      while (dispatching) await dispatching;
    },
  };
};
