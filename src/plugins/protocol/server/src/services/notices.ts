/**
 * Notices to the municipal bodies about ceremonies, through an outbox:
 * publishing (or re-publishing with changes) a ceremony queues one notice per
 * body to notify, unpublishing or deleting it queues cancellations, in the
 * same transaction as the save. Delivery happens afterwards, so a failing
 * SMTP server never blocks the save; failed e-mails are retried with
 * back-off by the outbox cron. Rows are claimed with a conditional update,
 * so several instances never send the same notice twice.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, UIDS } from '../constants';
import { formatSpanish } from '../utils/dates';
import { getService, pluginConfig } from '../utils/get-service';
import type { CeremonyEvent } from './calendar';

type NoticeKind = 'new' | 'change' | 'cancel';
type NoticeRow = {
  id: number;
  ceremonyDocumentId: string;
  kind: NoticeKind;
  recipient: string;
  bodyName: string | null;
  event: CeremonyEvent;
  fingerprint: string;
  sequence: number;
  status: string;
  attempts: number;
  createdAt?: string;
};

const CLAIM_MS = 5 * 60_000;
const BATCH = 25;

const SUBJECTS: Record<NoticeKind, string> = {
  new: 'Aviso de ceremonia',
  change: 'Cambio en ceremonia',
  cancel: 'Ceremonia cancelada',
};

const isOver = (event: CeremonyEvent) => new Date(event.endsAt ?? event.startsAt).getTime() < Date.now();

const fingerprintOf = (event: CeremonyEvent) => crypto.createHash('sha256').update(JSON.stringify(event)).digest('hex');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = () => strapi.db.query(UIDS.notice);
  let running: Promise<unknown> | null = null;
  let again = false;
  // Shutdown: the notice being sent finishes; no other is claimed (the other instances send them).
  let stopping = false;
  const runs = new Set<Promise<unknown>>();

  const lastNoticePerRecipient = async (ceremonyDocumentId: string) => {
    const rows = (await notices().findMany({ where: { ceremonyDocumentId }, orderBy: { id: 'asc' } })) as NoticeRow[];
    return new Map(rows.map((row) => [row.recipient, row]));
  };

  /** The published ceremony, in the default locale when it is published there. */
  async function loadPublished(documentId: string) {
    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const published = (await strapi.db.query(UIDS.ceremony).findMany({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['locale'],
    })) as Array<{ locale: string }>;
    if (!published.length) return null;
    const locale = published.some((p) => p.locale === defaultLocale) ? defaultLocale : published[0].locale;
    return strapi.documents(UIDS.ceremony).findOne({
      documentId,
      locale,
      status: 'published',
      populate: { bodiesToNotify: { fields: ['name', 'email', 'active'] } },
    } as any) as Promise<any>;
  }

  const queue = (row: Omit<NoticeRow, 'id' | 'status' | 'attempts' | 'fingerprint'> & { fingerprint?: string }) =>
    notices().create({
      data: { ...row, fingerprint: row.fingerprint ?? fingerprintOf(row.event), status: 'pending', attempts: 0, nextAttemptAt: new Date() },
    });

  async function deliver(row: NoticeRow) {
    const { timezone } = pluginConfig(strapi);
    const event = row.event;
    const cancelled = row.kind === 'cancel';
    // DTSTAMP: when the notice was written, the same on every retry.
    const ics = getService(strapi, 'calendar').render(event.title, [{ ...event, sequence: row.sequence, cancelled, stamp: row.createdAt }], cancelled ? 'CANCEL' : 'PUBLISH');
    const text = [
      `${SUBJECTS[row.kind]}${row.bodyName ? ` — para: ${row.bodyName}` : ''}`,
      '',
      event.title,
      `Inicio: ${formatSpanish(event.startsAt, timezone)}`,
      ...(event.endsAt ? [`Fin: ${formatSpanish(event.endsAt, timezone)}`] : []),
      `Lugar: ${event.venue}`,
      ...(event.description ? ['', event.description] : []),
      '',
      cancelled ? 'La ceremonia ha sido cancelada o retirada del calendario.' : 'Se adjunta el evento para su calendario (archivo .ics).',
    ].join('\n');
    await strapi.plugin('email').service('email').send({
      to: row.recipient,
      subject: `${SUBJECTS[row.kind]}: ${event.title}`,
      text,
      attachments: [{ filename: 'ceremonia.ics', content: ics, contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}` }],
    });
  }

  return {
    /** Queues the notices a publish, unpublish or delete of a ceremony calls for; delivery starts after commit. */
    async enqueueFor(documentId: string) {
      await strapi.db.transaction(async ({ onCommit }) => {
        const last = await lastNoticePerRecipient(documentId);
        const ceremony = await loadPublished(documentId);
        if (ceremony) {
          const event = getService(strapi, 'calendar').eventOf(ceremony);
          if (isOver(event)) return; // a notice about a past ceremony tells nobody anything
          const fingerprint = fingerprintOf(event);
          const bodies = (ceremony.bodiesToNotify ?? []).filter((b: any) => b.active !== false);
          for (const body of bodies) {
            const previous = last.get(body.email);
            const live = previous && previous.kind !== 'cancel';
            if (live && previous.fingerprint === fingerprint) continue; // nothing the body cares about changed
            await queue({
              ceremonyDocumentId: documentId,
              kind: live ? 'change' : 'new',
              recipient: body.email,
              bodyName: body.name,
              event,
              fingerprint,
              sequence: previous ? previous.sequence + 1 : 0,
            });
          }
        } else {
          // No published version left: tell every body that was told about it.
          for (const previous of last.values()) {
            if (previous.kind === 'cancel' || isOver(previous.event)) continue;
            await queue({
              ceremonyDocumentId: documentId,
              kind: 'cancel',
              recipient: previous.recipient,
              bodyName: previous.bodyName,
              event: previous.event,
              fingerprint: 'cancelled',
              sequence: previous.sequence + 1,
            });
          }
        }
        onCommit(() => this.kick());
      });
    },

    /** Processes the outbox soon, outside the caller's request. */
    kick() {
      if (stopping) return;
      if (running) {
        again = true;
        return;
      }
      running = new Promise((resolve) => setImmediate(resolve))
        .then(() => this.processOutbox())
        .catch((error) => strapi.log.error(`protocol: notice outbox failed: ${error.message}`))
        .finally(() => {
          running = null;
          if (again) {
            again = false;
            this.kick();
          }
        });
    },

    /** Sends the due notices; returns how many were sent and how many failed this time. */
    processOutbox(at: Date = new Date()): Promise<{ sent: number; failed: number }> {
      const run = this.processOutboxNow(at).finally(() => runs.delete(run));
      runs.add(run);
      return run;
    },

    async processOutboxNow(at: Date) {
      const now = new Date(at.getTime()); // a Date of this realm, whoever calls (the query builder checks instanceof)
      const { noticeMaxAttempts, noticeRetryBaseSeconds } = pluginConfig(strapi);
      const due = (await notices().findMany({
        where: {
          $or: [
            { status: 'pending', nextAttemptAt: { $lte: now } },
            { status: 'sending', lockedUntil: { $lt: now } },
          ],
        },
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as NoticeRow[];
      let sent = 0;
      let failed = 0;
      for (const row of due) {
        if (stopping) break;
        const attempts = row.attempts + 1;
        const claim = await notices().updateMany({
          where: { id: row.id, status: row.status, attempts: row.attempts },
          data: { status: 'sending', attempts, lockedUntil: new Date(now.getTime() + CLAIM_MS) },
        });
        if (claim.count !== 1) continue; // another instance took it
        try {
          await deliver(row);
          await notices().update({ where: { id: row.id }, data: { status: 'sent', sentAt: new Date(), lockedUntil: null, lastError: null } });
          sent += 1;
        } catch (error: any) {
          failed += 1;
          const delay = noticeRetryBaseSeconds * 1000 * 2 ** (attempts - 1);
          await notices().update({
            where: { id: row.id },
            data: {
              status: attempts >= noticeMaxAttempts ? 'failed' : 'pending',
              nextAttemptAt: new Date(now.getTime() + delay),
              lockedUntil: null,
              lastError: String(error?.message ?? error).slice(0, 2000),
            },
          });
        }
      }
      return { sent, failed };
    },

    /** Claims no more notices (graceful shutdown). */
    stop() {
      stopping = true;
    },

    /** Waits for the deliveries under way, from kick() or the cron (tests, graceful shutdown). */
    async idle() {
      while (running || runs.size) {
        if (running) await running;
        if (runs.size) await Promise.allSettled([...runs]);
      }
    },

    forCeremony(ceremonyDocumentId: string) {
      return notices().findMany({ where: { ceremonyDocumentId }, orderBy: { id: 'asc' } }) as Promise<NoticeRow[]>;
    },

    /** What staff see of a ceremony's notices (admin panel): newest first, without the event payload. */
    async history(ceremonyDocumentId: string) {
      const ceremony = await strapi.db.query(UIDS.ceremony).findOne({ where: { documentId: ceremonyDocumentId }, select: ['id'] });
      if (!ceremony) throw new errors.NotFoundError(ERRORS.CEREMONY_NOT_FOUND.message, { code: ERRORS.CEREMONY_NOT_FOUND.code });
      const rows = (await notices().findMany({ where: { ceremonyDocumentId }, orderBy: { id: 'desc' }, limit: 200 })) as Array<NoticeRow & Record<string, any>>;
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        recipient: row.recipient,
        bodyName: row.bodyName,
        sequence: row.sequence,
        status: row.status,
        attempts: row.attempts,
        createdAt: row.createdAt ?? null,
        sentAt: row.sentAt ?? null,
        nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt ?? null) : null,
        lastError: row.lastError ?? null,
      }));
    },
  };
};
