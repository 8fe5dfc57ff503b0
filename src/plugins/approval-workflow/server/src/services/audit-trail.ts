/**
 * Append-only audit trail. Each event of a document locale carries the hash of
 * the one before (a chain per document and locale), and the state row keeps
 * the chain's head, so an edited, removed or inserted row is detected.
 * Events are only ever created here; no route updates or deletes them.
 */
import type { Core } from '@strapi/strapi';
import { EVENT_UID, STATE_UID } from '../constants';
import { canonicalJson, sha256 } from '../utils';

/** The fields an event's hash covers, in the order stored. */
export const HASHED_FIELDS = [
  'chainKey',
  'sequence',
  'targetUid',
  'targetDocumentId',
  'targetLocale',
  'action',
  'fromState',
  'toState',
  'actorKind',
  'actorId',
  'actorName',
  'comment',
  'contentHash',
  'publishAt',
  'occurredAt',
  'previousHash',
] as const;

export type AuditEvent = { [K in (typeof HASHED_FIELDS)[number]]: any } & { hash: string };

export interface BrokenLink {
  chainKey: string;
  sequence: number | null;
  problem: string;
}

const eventHash = (event: Record<string, unknown>) =>
  sha256(canonicalJson(Object.fromEntries(HASHED_FIELDS.map((field) => [field, event[field] ?? null]))));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  eventHash,

  /** Builds the next event of a chain (not stored yet): sequence, previous hash and own hash. */
  seal(fields: Omit<AuditEvent, 'hash' | 'sequence' | 'previousHash'>, head: { sequence: number; headHash: string | null }): AuditEvent {
    const event = { ...fields, sequence: head.sequence + 1, previousHash: head.headHash ?? null } as AuditEvent;
    return { ...event, hash: eventHash(event) };
  },

  async append(event: AuditEvent) {
    return strapi.db.query(EVENT_UID).create({ data: event });
  },

  async history(chainKey: string) {
    return strapi.db.query(EVENT_UID).findMany({ where: { chainKey }, orderBy: { sequence: 'asc' } });
  },

  /** Walks every chain; returns how many were checked and every broken link. */
  async verify() {
    const broken: BrokenLink[] = [];
    const states = await strapi.db.query(STATE_UID).findMany({ select: ['targetKey', 'sequence', 'headHash'] });
    const heads = new Map(states.map((s: any) => [s.targetKey as string, s]));
    const events = await strapi.db.query(EVENT_UID).findMany({ orderBy: [{ chainKey: 'asc' }, { sequence: 'asc' }] });

    const chains = new Map<string, any[]>();
    for (const event of events) chains.set(event.chainKey, [...(chains.get(event.chainKey) ?? []), event]);

    for (const [chainKey, chain] of chains) {
      let previous: any = null;
      chain.forEach((event, index) => {
        if (event.sequence !== index + 1) broken.push({ chainKey, sequence: event.sequence, problem: `secuencia ${event.sequence}, se esperaba ${index + 1}` });
        if ((event.previousHash ?? null) !== (previous?.hash ?? null)) {
          broken.push({ chainKey, sequence: event.sequence, problem: 'no enlaza con el evento anterior' });
        }
        if (eventHash(event) !== event.hash) broken.push({ chainKey, sequence: event.sequence, problem: 'el contenido del evento no coincide con su hash' });
        previous = event;
      });
      const head = heads.get(chainKey);
      if (!head) broken.push({ chainKey, sequence: null, problem: 'no hay estado de aprobación para esta cadena' });
      else if (head.headHash !== previous.hash || head.sequence !== previous.sequence) {
        broken.push({ chainKey, sequence: previous.sequence, problem: 'el último evento no es el registrado en el estado (eventos eliminados o añadidos)' });
      }
    }
    for (const [chainKey, head] of heads) {
      if (head.sequence > 0 && !chains.has(chainKey)) broken.push({ chainKey, sequence: null, problem: 'faltan todos los eventos de la cadena' });
    }
    return { chains: chains.size, events: events.length, broken };
  },
});
