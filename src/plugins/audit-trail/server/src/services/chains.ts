/**
 * The shared audit trail: append-only events, hash-chained per audited subject (one
 * chain per approval-workflow document locale, one per publication request, …).
 * Each event carries the hash of the one before it. The chain's head (sequence and
 * hash of the last event) lives on the subject's own row and moves in the same
 * conditional UPDATE that changes the subject, inside the caller's transaction:
 * appends to one chain serialize on that row (compare-and-swap), appends to
 * different chains never wait for each other, and no extra table is locked.
 * verify() compares every chain with the heads its owner reports (registerHeads),
 * so an edited, removed (the last one too) or inserted event is detected.
 * Events are only ever inserted here; no route updates or deletes them.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EVENT_UID } from '../constants';

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

type HashedField = (typeof HASHED_FIELDS)[number];
export type AuditEvent = { [K in HashedField]: any } & { details?: Record<string, unknown> | null; hash: string };
export type EventFields = Omit<AuditEvent, 'hash' | 'sequence' | 'previousHash'>;

export interface ChainHead {
  sequence: number;
  headHash: string | null;
}

/** Every chain an owner keeps, with the head it recorded: what verify() checks the events against. */
export type HeadsLoader = () => Promise<Array<ChainHead & { chainKey: string }>>;

export interface BrokenLink {
  chainKey: string;
  sequence: number | null;
  problem: string;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * The hash of an event. `details` joined the hashed fields when the trail became shared;
 * it counts only when present, so the approval workflow's earlier events keep their hashes.
 */
export function eventHash(event: Record<string, any>) {
  const fields: Record<string, unknown> = Object.fromEntries(HASHED_FIELDS.map((field) => [field, event[field] ?? null]));
  if (event.details != null) fields.details = event.details;
  return sha256(canonicalJson(fields));
}

/** `<uid>|<documentId>[|<locale>]`: what every owner's chain keys look like. */
const CHAIN_KEY = /^[A-Za-z0-9_:.-]+(\|[A-Za-z0-9_.*-]+)+$/;

const isStorable = (value: unknown) =>
  value === null || value === undefined || Object.prototype.toString.call(value) === '[object Date]' || (typeof value === 'number' && Number.isFinite(value)) || ['string', 'boolean'].includes(typeof value);

/**
 * The trail records well-formed events only: a chain key of the usual shape and a plain value
 * in every hashed field. A list or an operator object (`locale[$ne]=xx`) would be stored as
 * text but hashed as an object, and the verifier would then report tampering where there was
 * only bad input. The routes validate their parameters first; this is the last line.
 */
function assertWellFormed(fields: EventFields) {
  const malformed = (field: string) =>
    new errors.ValidationError('El registro de auditoría rechazó un evento mal formado: revise los parámetros de la petición.', {
      code: 'AUDIT_EVENT_MALFORMED',
      field,
    });
  if (typeof fields.chainKey !== 'string' || !CHAIN_KEY.test(fields.chainKey)) throw malformed('chainKey');
  for (const field of HASHED_FIELDS) if (!isStorable((fields as Record<string, unknown>)[field])) throw malformed(field);
}

/** Builds the next event after `head` (not stored yet): sequence, previous hash and own hash. */
export function seal(fields: EventFields, head: ChainHead): AuditEvent {
  assertWellFormed(fields);
  const details = fields.details && Object.keys(fields.details).length ? fields.details : null;
  const event = { ...fields, details, sequence: head.sequence + 1, previousHash: head.headHash ?? null } as AuditEvent;
  return { ...event, hash: eventHash(event) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const owners = new Map<string, HeadsLoader>();

  /** The address of the client whose request this is (behind a proxy: as server.proxy trusts it), if any. */
  const clientIp = (): string | null => {
    const ip = (strapi.requestContext?.get() as { ip?: string } | undefined)?.ip;
    return typeof ip === 'string' && ip ? ip : null;
  };

  return {
    eventHash,
    /** seal(), recording in `details.clientIp` the address of the request that caused the event (none for jobs). */
    seal(fields: EventFields, head: ChainHead): AuditEvent {
      const ip = clientIp();
      return seal(ip ? { ...fields, details: { ...(fields.details ?? {}), clientIp: ip } } : fields, head);
    },

    /** An owner of chains (a plugin) tells where their heads are kept. */
    registerHeads(owner: string, loader: HeadsLoader) {
      owners.set(owner, loader);
    },

    /**
     * Stores sealed events, in the caller's transaction when there is one (the same one
     * that moved the heads). Several events go in one INSERT per chunk.
     */
    async append(events: AuditEvent | AuditEvent[]) {
      const list = Array.isArray(events) ? events : [events];
      if (list.length) await strapi.db.query(EVENT_UID).createMany({ data: list });
    },

    async history(chainKey: string) {
      return strapi.db.query(EVENT_UID).findMany({ where: { chainKey }, orderBy: { sequence: 'asc' } });
    },

    /** Walks every chain; returns how many chains and events were checked and every broken link. */
    async verify() {
      const broken: BrokenLink[] = [];
      const heads = new Map<string, ChainHead>();
      for (const loader of owners.values()) for (const { chainKey, ...head } of await loader()) heads.set(chainKey, head);
      const events = await strapi.db.query(EVENT_UID).findMany({ orderBy: [{ chainKey: 'asc' }, { sequence: 'asc' }] });

      const chains = new Map<string, any[]>();
      for (const event of events) {
        const chain = chains.get(event.chainKey);
        if (chain) chain.push(event);
        else chains.set(event.chainKey, [event]);
      }

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
        if (!head) broken.push({ chainKey, sequence: null, problem: 'ningún registro lleva la cabeza de esta cadena' });
        else if (head.headHash !== previous.hash || head.sequence !== previous.sequence) {
          broken.push({ chainKey, sequence: previous.sequence, problem: 'el último evento no es el registrado como cabeza (eventos eliminados o añadidos)' });
        }
      }
      for (const [chainKey, head] of heads) {
        if (head.sequence > 0 && !chains.has(chainKey)) broken.push({ chainKey, sequence: null, problem: 'faltan todos los eventos de la cadena' });
      }
      return { chains: chains.size, events: events.length, broken };
    },
  };
};
