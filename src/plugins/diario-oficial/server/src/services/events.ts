// The request's timeline is its chain in the shared audit trail (plugin audit-trail):
// one chain per request, whose head (auditSequence, auditHead) lives on the request
// row and moves in the same conditional UPDATE as the request's state, so a transition
// and its event are written together or not at all.
import type { Core } from '@strapi/strapi';
import { REQUEST_UID } from '../constants';
import { auditTrail, type AuditEvent } from '../../../../audit-trail/server/src/api';
import type { Actor } from './requests';

type Row = Record<string, any>;

export interface Transition {
  action: string;
  from: string | null;
  to: string;
  actor: Actor | null;
  details?: Row;
  comment?: string | null;
}

/** The columns a request's chain needs (the claim's RETURNING lists them). */
export const CHAIN_COLUMNS = ['id', 'document_id', 'audit_sequence', 'audit_head'] as const;

export const chainKey = (request: { documentId: string }) => `${REQUEST_UID}|${request.documentId}`;

const actorName = (actor: Actor | null) =>
  actor ? [actor.firstname, actor.lastname].filter(Boolean).join(' ') || actor.email || `#${actor.id}` : 'sistema';

/** A request row as the query engine returns it, or a raw row (snake_case) from the worker's SQL. */
const headOf = (request: Row) => ({
  documentId: request.documentId ?? request.document_id,
  sequence: Number(request.auditSequence ?? request.audit_sequence ?? 0),
  headHash: request.auditHead ?? request.audit_head ?? null,
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The next event of a request's chain (not stored yet) and the head patch that goes
   * into the request's own UPDATE, conditioned on `auditSequence: expected`.
   */
  next(request: Row, transition: Transition) {
    const head = headOf(request);
    const event: AuditEvent = auditTrail(strapi).seal(
      {
        chainKey: chainKey(head),
        targetUid: REQUEST_UID,
        targetDocumentId: head.documentId,
        targetLocale: null,
        action: transition.action,
        fromState: transition.from,
        toState: transition.to,
        actorKind: transition.actor ? 'user' : 'system',
        actorId: transition.actor?.id ?? null,
        actorName: actorName(transition.actor),
        comment: transition.comment ?? null,
        contentHash: null,
        publishAt: null,
        details: transition.details ?? null,
        occurredAt: new Date().toISOString(),
      },
      head
    );
    // Rows written before the chains existed (or by raw SQL) may hold NULL: an empty chain.
    const expected = head.sequence ? { auditSequence: head.sequence } : { $or: [{ auditSequence: 0 }, { auditSequence: { $null: true } }] };
    return { event, expected, patch: { auditSequence: event.sequence, auditHead: event.hash } };
  },

  /** Stores events whose heads the caller moved, in the caller's transaction. */
  async append(events: AuditEvent | AuditEvent[]) {
    await auditTrail(strapi).append(events);
  },

  async timeline(request: { documentId: string }) {
    const events = await auditTrail(strapi).history(chainKey(request));
    return events.map((e: Row) => ({
      id: e.id,
      sequence: e.sequence,
      action: e.action,
      fromState: e.fromState ?? null,
      toState: e.toState,
      actorName: e.actorName,
      comment: e.comment ?? null,
      details: e.details ?? {},
      createdAt: e.occurredAt,
      hash: e.hash,
    }));
  },

  /** For verify(): every request's chain head. */
  registerHeads() {
    auditTrail(strapi).registerHeads('diario-oficial', async () => {
      const rows = await strapi.db.query(REQUEST_UID).findMany({ where: { auditSequence: { $gt: 0 } }, select: ['documentId', 'auditSequence', 'auditHead'] });
      return rows.map((r: Row) => ({ chainKey: chainKey(r as { documentId: string }), sequence: r.auditSequence, headHash: r.auditHead ?? null }));
    });
  },
});
