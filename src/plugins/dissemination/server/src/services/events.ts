// Every circular, delivery and acknowledgment goes to the shared audit trail (plugin
// audit-trail): one chain per circular and one per delivery, whose head (auditSequence,
// auditHead) lives on that row and moves in the same conditional UPDATE as the change
// it records, so a change and its event are written together or not at all.
import type { Core } from '@strapi/strapi';
import { auditTrail, type AuditEvent } from '../../../../audit-trail/server/src/api';
import { UIDS } from '../constants';

type Row = Record<string, any>;
type ChainedUid = typeof UIDS.circular | typeof UIDS.delivery;

export interface Actor {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

export interface Transition {
  action: string;
  from: string | null;
  to: string;
  /** An admin user, or a label for who acted without an account (a recipient, the system). */
  actor: Actor | string | null;
  details?: Row;
  comment?: string | null;
}

export const chainKey = (uid: ChainedUid, documentId: string) => `${uid}|${documentId}`;

const actorName = (actor: Transition['actor']) =>
  typeof actor === 'string' ? actor : actor ? [actor.firstname, actor.lastname].filter(Boolean).join(' ') || actor.email || `#${actor.id}` : 'sistema';

/** Compare-and-swap attempts when two writers move one chain at once (an acknowledgment and a retry). */
const MAX_TRIES = 5;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const seal = (uid: ChainedUid, row: Row, transition: Transition) => {
    const head = { sequence: Number(row.auditSequence ?? 0), headHash: row.auditHead ?? null };
    const event: AuditEvent = auditTrail(strapi).seal(
      {
        chainKey: chainKey(uid, row.documentId),
        targetUid: uid,
        targetDocumentId: row.documentId,
        targetLocale: null,
        action: transition.action,
        fromState: transition.from,
        toState: transition.to,
        actorKind: transition.actor && typeof transition.actor === 'object' ? 'user' : transition.actor ? 'recipient' : 'system',
        actorId: transition.actor && typeof transition.actor === 'object' ? transition.actor.id : null,
        actorName: actorName(transition.actor),
        comment: transition.comment ?? null,
        contentHash: null,
        publishAt: null,
        details: transition.details ?? null,
        occurredAt: new Date().toISOString(),
      },
      head
    );
    const expected = head.sequence ? { auditSequence: head.sequence } : { $or: [{ auditSequence: 0 }, { auditSequence: { $null: true } }] };
    return { event, expected, patch: { auditSequence: event.sequence, auditHead: event.hash } };
  };

  return {
    /** The first event of a row just created in the caller's transaction. */
    async start(uid: ChainedUid, row: Row, transition: Transition): Promise<Row> {
      const { event, patch } = seal(uid, row, transition);
      await strapi.db.query(uid).update({ where: { id: row.id }, data: patch });
      await auditTrail(strapi).append(event);
      return { ...row, ...patch };
    },

    /**
     * Changes a row and records why, atomically: `change(row)` says what to write and which
     * event to record (or null: nothing to do, e.g. an acknowledgment already recorded); the
     * UPDATE is conditioned on the chain head read and on `when`. Returns the row written, or
     * null when nothing was (done already, or `when` no longer holds).
     */
    async apply(uid: ChainedUid, id: number, change: (row: Row) => { data: Row; transition: Transition; when?: Row } | null): Promise<Row | null> {
      for (let tries = 0; tries < MAX_TRIES; tries += 1) {
        const row = await strapi.db.query(uid).findOne({ where: { id } });
        if (!row) return null;
        const planned = change(row);
        if (!planned) return null;
        const { event, expected, patch } = seal(uid, row, planned.transition);
        const written = await strapi.db.transaction(async () => {
          const result = await strapi.db.query(uid).updateMany({
            where: { $and: [{ id }, expected, ...(planned.when ? [planned.when] : [])] },
            data: { ...planned.data, ...patch },
          });
          if (result.count !== 1) return false;
          await auditTrail(strapi).append(event);
          return true;
        });
        if (written) return { ...row, ...planned.data, ...patch };
      }
      return null;
    },

    async history(uid: ChainedUid, documentId: string) {
      return auditTrail(strapi).history(chainKey(uid, documentId));
    },

    /** For verify(): every circular's and delivery's chain head. */
    registerHeads() {
      auditTrail(strapi).registerHeads('dissemination', async () => {
        const heads: Array<{ chainKey: string; sequence: number; headHash: string | null }> = [];
        for (const uid of [UIDS.circular, UIDS.delivery] as const) {
          const rows = await strapi.db.query(uid).findMany({ where: { auditSequence: { $gt: 0 } }, select: ['documentId', 'auditSequence', 'auditHead'] });
          for (const r of rows as Row[]) heads.push({ chainKey: chainKey(uid, r.documentId), sequence: r.auditSequence, headHash: r.auditHead ?? null });
        }
        return heads;
      });
    },
  };
};
