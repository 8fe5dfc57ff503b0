// Circulars: compose (audience and content checked before anything is written), write
// the circular and one delivery per recipient in one transaction with the circular's
// first audit event, then send; and what staff follow: each recipient's state, what
// each body still owes, a norm's dissemination history.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, UIDS, type RecipientStatus } from '../constants';
import { getService, pluginConfig } from '../utils/get-service';
import { mailSubject, mailText } from './render';
import type { AudienceBody } from './audience';
import type { CircularItems } from './content';
import type { Actor } from './events';

type Row = Record<string, any>;

export interface CircularInput {
  title: string;
  message?: string | null;
  norms?: string[];
  pressNotes?: string[];
  ceremonies?: string[];
  bodies?: string[];
  subjects?: string[];
  forCompliance?: boolean;
}

/** What staff see of one recipient: the e-mail's state unless the body answered through this link. */
export const statusOf = (d: Row): RecipientStatus =>
  d.appliedAt ? 'applied' : d.acknowledgedAt ? 'acknowledged' : d.status === 'sent' ? 'sent' : d.status === 'failed' || d.attempts > 0 ? 'failed' : 'pending';

const RANK: Record<RecipientStatus, number> = { pending: 0, failed: 1, sent: 2, acknowledged: 3, applied: 4 };

/** `|id|id|`: the norms of a circular in one text column, searchable with $contains on every database. */
export const normKeysOf = (items: CircularItems) => (items.norms.length ? `|${items.norms.map((n) => n.documentId).join('|')}|` : null);

const recipientView = (d: Row) => ({
  id: d.id,
  body: d.bodyDocumentId,
  bodyName: d.bodyName,
  email: d.email,
  name: d.recipientName ?? null,
  status: statusOf(d),
  attempts: d.attempts,
  sentAt: d.sentAt ?? null,
  acknowledgedAt: d.acknowledgedAt ?? null,
  appliedAt: d.appliedAt ?? null,
  applicationNote: d.applicationNote ?? null,
  remindedAt: d.remindedAt ?? null,
  nextAttemptAt: d.status === 'pending' && d.attempts > 0 ? (d.nextAttemptAt ?? null) : null,
  lastError: d.lastError ?? null,
});

/** Per body: its best recipient state (one confirmation is the body's cargo). */
export function bodiesOf(deliveries: Row[]) {
  const byBody = new Map<string, { body: string; name: string; status: RecipientStatus; acknowledgedAt: string | null; appliedAt: string | null; remindedAt: string | null }>();
  for (const d of deliveries) {
    const status = statusOf(d);
    const kept = byBody.get(d.bodyDocumentId);
    if (!kept) {
      byBody.set(d.bodyDocumentId, { body: d.bodyDocumentId, name: d.bodyName, status, acknowledgedAt: d.acknowledgedAt ?? null, appliedAt: d.appliedAt ?? null, remindedAt: d.remindedAt ?? null });
      continue;
    }
    if (RANK[status] > RANK[kept.status]) kept.status = status;
    kept.acknowledgedAt ??= d.acknowledgedAt ?? null;
    kept.appliedAt ??= d.appliedAt ?? null;
    kept.remindedAt ??= d.remindedAt ?? null;
  }
  return [...byBody.values()];
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const circulars = () => strapi.db.query(UIDS.circular);
  const deliveries = () => strapi.db.query(UIDS.delivery);

  /** Writes a circular and its deliveries with the circular's first audit event (in one transaction). */
  async function write(data: Row, audience: AudienceBody[], actor: Actor | null, itemsFor?: (body: AudienceBody) => CircularItems | null) {
    const events = getService(strapi, 'events');
    const expiresAt = getService(strapi, 'ack-links').expiryFrom();
    return strapi.db.transaction(async () => {
      const created = await circulars().create({ data: { ...data, auditSequence: 0 } });
      const rows: Array<{ body: AudienceBody; email: string; name: string | null; items: CircularItems | null }> = [];
      for (const body of audience) {
        const items = itemsFor ? itemsFor(body) : null;
        if (itemsFor && !items) continue;
        for (const r of body.recipients) rows.push({ body, email: r.email, name: r.name, items });
      }
      const circular = await events.start(UIDS.circular, created, {
        action: `${data.kind}.created`,
        from: null,
        to: 'created',
        actor: actor ?? (data.kind === 'bulletin' ? 'boletín periódico' : null),
        details: {
          title: data.title,
          forCompliance: Boolean(data.forCompliance),
          norms: (data.items as CircularItems).norms.map((n) => n.documentId),
          pressNotes: (data.items as CircularItems).pressNotes.map((p) => p.documentId),
          ceremonies: (data.items as CircularItems).ceremonies.map((c) => c.documentId),
          bodies: [...new Set(rows.map((r) => r.body.documentId))],
          recipients: rows.length,
          ...(data.periodKey ? { period: data.periodKey } : {}),
        },
      });
      for (const r of rows) {
        await deliveries().create({
          data: {
            circularId: circular.id,
            bodyDocumentId: r.body.documentId,
            bodyName: r.body.name,
            email: r.email,
            recipientName: r.name,
            items: r.items,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: new Date(),
            expiresAt,
            auditSequence: 0,
          },
        });
      }
      return circular;
    });
  }

  async function load(id: number) {
    const circular = await circulars().findOne({ where: { id } });
    if (!circular) throw new errors.NotFoundError(ERRORS.CIRCULAR_NOT_FOUND.message, { code: ERRORS.CIRCULAR_NOT_FOUND.code });
    return circular;
  }

  const deliveriesOf = (circularId: number) => deliveries().findMany({ where: { circularId }, orderBy: [{ bodyName: 'asc' }, { id: 'asc' }] }) as Promise<Row[]>;

  return {
    write,

    /** Checks everything, writes, sends the first attempts; a refused circular writes nothing. */
    async create(input: CircularInput, actor: Actor | null) {
      const items = await getService(strapi, 'content').gather(input);
      if (!items.norms.length && !items.pressNotes.length && !items.ceremonies.length && !input.message?.trim()) {
        throw new errors.ValidationError(ERRORS.EMPTY_CIRCULAR.message, { code: ERRORS.EMPTY_CIRCULAR.code });
      }
      const audience = await getService(strapi, 'audience').resolve(input);
      const actorName = actor ? [actor.firstname, actor.lastname].filter(Boolean).join(' ') || actor.email : null;
      const circular = await write(
        {
          kind: 'circular',
          title: input.title.trim(),
          message: input.message?.trim() || null,
          forCompliance: Boolean(input.forCompliance),
          subjects: input.subjects ?? [],
          items,
          normKeys: normKeysOf(items),
          authorId: actor?.id ?? null,
          authorName: actorName ?? null,
        },
        audience,
        actor
      );
      await getService(strapi, 'outbox').firstAttempts(circular.id);
      return this.findOne(circular.id);
    },

    /** The e-mail a recipient would get, without writing anything (the composer's preview). */
    async preview(input: CircularInput) {
      const items = await getService(strapi, 'content').gather(input);
      const audience = await getService(strapi, 'audience').resolve(input);
      const circular = { kind: 'circular', title: input.title, message: input.message ?? null, forCompliance: Boolean(input.forCompliance), items };
      const first = audience[0];
      return {
        subject: mailSubject(circular),
        text: mailText({ circular, items, bodyName: first.name, recipientName: first.recipients[0].name, ackUrl: '(enlace personal de acuse de recibo)', timeZone: pluginConfig(strapi).timezone }),
        bodies: audience.map((b) => ({ documentId: b.documentId, name: b.name, recipients: b.recipients.length })),
        recipients: audience.reduce((n, b) => n + b.recipients.length, 0),
      };
    },

    async findOne(id: number) {
      const circular = await load(id);
      const rows = await deliveriesOf(id);
      return {
        id: circular.id,
        documentId: circular.documentId,
        kind: circular.kind,
        title: circular.title,
        message: circular.message ?? null,
        forCompliance: Boolean(circular.forCompliance),
        subjects: circular.subjects ?? [],
        items: circular.items,
        periodKey: circular.periodKey ?? null,
        createdAt: circular.createdAt,
        authorName: circular.authorName ?? null,
        recipients: rows.map(recipientView),
        bodies: bodiesOf(rows),
      };
    },

    async list(query: { page?: number; pageSize?: number } = {}) {
      const pageSize = query.pageSize ?? 20;
      const page = query.page ?? 1;
      const [rows, total] = await Promise.all([
        circulars().findMany({ orderBy: { id: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize }) as Promise<Row[]>,
        circulars().count(),
      ]);
      const all = rows.length ? ((await deliveries().findMany({ where: { circularId: { $in: rows.map((r) => r.id) } } })) as Row[]) : [];
      return {
        data: rows.map((c) => {
          const bodies = bodiesOf(all.filter((d) => d.circularId === c.id));
          const count = (s: RecipientStatus[]) => bodies.filter((b) => s.includes(b.status)).length;
          return {
            id: c.id,
            kind: c.kind,
            title: c.title,
            forCompliance: Boolean(c.forCompliance),
            createdAt: c.createdAt,
            bodies: bodies.length,
            acknowledged: count(['acknowledged', 'applied']),
            applied: count(['applied']),
            failed: count(['failed']),
          };
        }),
        meta: { pagination: { page, pageSize, total } },
      };
    },

    /** Per body: the circulars it has not acknowledged yet (or not confirmed applying, when asked). */
    async pending(bodyDocumentId?: string) {
      if (bodyDocumentId) {
        const body = await strapi.db.query(UIDS.body).findOne({ where: { documentId: bodyDocumentId }, select: ['id'] });
        if (!body) throw new errors.NotFoundError(ERRORS.BODY_NOT_FOUND.message, { code: ERRORS.BODY_NOT_FOUND.code });
      }
      const open = (await circulars().findMany({ where: { kind: 'circular' }, orderBy: { id: 'asc' } })) as Row[];
      if (!open.length) return [];
      const rows = (await deliveries().findMany({
        where: { circularId: { $in: open.map((c) => c.id) }, ...(bodyDocumentId ? { bodyDocumentId } : {}) },
        orderBy: { id: 'asc' },
      })) as Row[];
      const byId = new Map(open.map((c) => [c.id, c]));
      const owed = new Map<string, { body: string; name: string; circulars: Row[] }>();
      for (const circular of open) {
        for (const body of bodiesOf(rows.filter((d) => d.circularId === circular.id))) {
          const needs = circular.forCompliance ? body.status !== 'applied' : !['acknowledged', 'applied'].includes(body.status);
          if (!needs) continue;
          const entry = owed.get(body.body) ?? { body: body.body, name: body.name, circulars: [] };
          entry.circulars.push({
            id: circular.id,
            title: byId.get(circular.id)!.title,
            createdAt: circular.createdAt,
            forCompliance: Boolean(circular.forCompliance),
            status: body.status,
            owes: ['acknowledged'].includes(body.status) ? 'applied' : 'acknowledgment',
            remindedAt: body.remindedAt,
          });
          owed.set(body.body, entry);
        }
      }
      return [...owed.values()].sort((a, b) => a.name.localeCompare(b.name, 'es'));
    },

    /** The norm's circulars and, per body, who was told and who confirmed (the norm's side panel). */
    async normHistory(normDocumentId: string) {
      const norm = await strapi.db.query(UIDS.norm).findOne({ where: { documentId: normDocumentId }, select: ['id'] });
      if (!norm) throw new errors.NotFoundError(ERRORS.NORM_NOT_FOUND.message, { code: ERRORS.NORM_NOT_FOUND.code });
      const rows = (await circulars().findMany({ where: { normKeys: { $contains: `|${normDocumentId}|` } }, orderBy: { id: 'desc' } })) as Row[];
      const all = rows.length ? ((await deliveries().findMany({ where: { circularId: { $in: rows.map((r) => r.id) } }, orderBy: { id: 'asc' } })) as Row[]) : [];
      return rows.map((c) => ({
        id: c.id,
        kind: c.kind,
        title: c.title,
        forCompliance: Boolean(c.forCompliance),
        createdAt: c.createdAt,
        bodies: bodiesOf(all.filter((d) => d.circularId === c.id)),
      }));
    },
  };
};
