/**
 * The e-mails of circulars, one per recipient, through an outbox: a circular's deliveries
 * are written with it, and sent right after (a first attempt each, a few at a time);
 * a failed e-mail is retried with back-off by the outbox cron and never holds up the
 * others. Rows are claimed with a conditional update, so several instances never send
 * the same e-mail twice. Each outcome moves the delivery's audit chain.
 */
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService, pluginConfig } from '../utils/get-service';
import { mailSubject, mailText } from './render';

type Row = Record<string, any>;

const CLAIM_MS = 5 * 60_000;
const BATCH = 25;
const PARALLEL = 4;

export const ackPath = (token: string) => `/api/dissemination/ack/${token}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = () => strapi.db.query(UIDS.delivery);
  const circulars = () => strapi.db.query(UIDS.circular);
  let stopping = false;
  const runs = new Set<Promise<unknown>>();

  const ackUrl = (delivery: Row) =>
    `${String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/+$/, '')}${ackPath(getService(strapi, 'ack-links').sign(delivery as any))}`;

  /** Bulletins inform: no acknowledgment asked. */
  const asksAcknowledgment = (circular: Row) => circular.kind === 'circular';

  async function send(delivery: Row, circular: Row, reminder = false) {
    const { timezone } = pluginConfig(strapi);
    await strapi.plugin('email').service('email').send({
      to: delivery.email,
      subject: mailSubject(circular, reminder),
      text: mailText({
        circular,
        items: delivery.items ?? circular.items,
        bodyName: delivery.bodyName,
        recipientName: delivery.recipientName ?? null,
        ackUrl: asksAcknowledgment(circular) ? ackUrl(delivery) : null,
        timeZone: timezone,
        reminder,
      }),
    });
  }

  /** Claims one delivery and sends it; records the outcome. */
  async function attempt(row: Row, now: Date): Promise<'sent' | 'failed' | 'skipped'> {
    const attempts = row.attempts + 1;
    const claim = await deliveries().updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: { status: 'sending', attempts, lockedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claim.count !== 1) return 'skipped'; // another instance took it
    const circular = await circulars().findOne({ where: { id: row.circularId } });
    const { retry } = pluginConfig(strapi);
    const events = getService(strapi, 'events');
    try {
      await send({ ...row, attempts }, circular);
      await events.apply(UIDS.delivery, row.id, () => ({
        data: { status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null },
        transition: { action: 'delivery.sent', from: row.status, to: 'sent', actor: null, details: { attempt: attempts, email: row.email, body: row.bodyDocumentId } },
      }));
      return 'sent';
    } catch (error: any) {
      const delay = Math.min(retry.baseSeconds * 2 ** (attempts - 1), retry.maxSeconds) * 1000;
      const final = attempts >= retry.maxAttempts;
      const lastError = String(error?.message ?? error).slice(0, 2000);
      await events.apply(UIDS.delivery, row.id, () => ({
        data: { status: final ? 'failed' : 'pending', nextAttemptAt: final ? null : new Date(now.getTime() + delay), lockedUntil: null, lastError },
        transition: { action: 'delivery.failed', from: row.status, to: final ? 'failed' : 'pending', actor: null, details: { attempt: attempts, email: row.email, error: lastError.slice(0, 300) } },
      }));
      strapi.log.warn(`[dissemination] e-mail to ${row.email} failed (attempt ${attempts}): ${lastError}`);
      return 'failed';
    }
  }

  async function inParallel(rows: Row[], now: Date) {
    const outcomes: string[] = [];
    for (let i = 0; i < rows.length; i += PARALLEL) {
      if (stopping) break;
      outcomes.push(...(await Promise.all(rows.slice(i, i + PARALLEL).map((row) => attempt(row, now)))));
    }
    return { sent: outcomes.filter((o) => o === 'sent').length, failed: outcomes.filter((o) => o === 'failed').length };
  }

  const tracked = <T>(run: Promise<T>) => {
    runs.add(run);
    return run.finally(() => runs.delete(run));
  };

  return {
    send,
    ackUrl,

    /** The first attempt of a circular's deliveries, right after it is written. */
    firstAttempts(circularId: number, now = new Date()) {
      return tracked(
        (async () => {
          const rows = (await deliveries().findMany({ where: { circularId, status: 'pending', attempts: 0 }, orderBy: { id: 'asc' } })) as Row[];
          return inParallel(rows, now);
        })()
      );
    },

    /** Sends what is due: retries whose back-off passed, and claims left by a stopped instance. */
    processOutbox(at: Date = new Date()) {
      const now = new Date(at.getTime()); // a Date of this realm (the query builder checks instanceof)
      return tracked(
        (async () => {
          const due = (await deliveries().findMany({
            where: {
              $or: [
                { status: 'pending', nextAttemptAt: { $lte: now } },
                { status: 'sending', lockedUntil: { $lt: now } },
              ],
            },
            orderBy: { id: 'asc' },
            limit: BATCH,
          })) as Row[];
          return inParallel(due, now);
        })()
      );
    },

    stop() {
      stopping = true;
    },

    async idle() {
      while (runs.size) await Promise.allSettled([...runs]);
    },
  };
};
