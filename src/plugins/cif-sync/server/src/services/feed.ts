/**
 * Turns change rows into feed items: `entry` is the published version of the
 * locale as the caller's token may read it through the Content API (same
 * sanitizer), or null for tombstones and for anything the caller may not see.
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_ACTIONS } from '../constants';
import { describeChange, type ChangeRow } from './change-log';
import publishedEntries from './published-entries';

export interface FeedItem {
  cursor: number;
  action: string;
  uid: string;
  documentId: string;
  locale: string | null;
  at: string;
  entry: Record<string, unknown> | null;
}

const POPULATED_TYPES = new Set(['media', 'component']);

/** Which keys of a loaded entry the caller may read, nested for media and components. */
export type Projection = { [key: string]: true | Projection };

/** A value of the attribute's type, for the probe entity (the sanitizer's decisions do not depend on values). */
const SAMPLE: Record<string, unknown> = {
  integer: 1, biginteger: '1', float: 1, decimal: 1, boolean: true, json: {}, blocks: [],
  date: '2026-01-01', datetime: '2026-01-01T00:00:00.000Z', time: '00:00:00.000', timestamp: '2026-01-01T00:00:00.000Z',
};

/** Keeps the keys of `value` that the projection allows, in their order (as the sanitizer leaves them). */
export function project(value: unknown, projection: true | Projection): unknown {
  if (projection === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => project(item, projection));
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const allowed = projection[key];
    if (allowed) out[key] = project((value as Record<string, unknown>)[key], allowed);
  }
  return out;
}

// Entities of the probe (root, media, components), as opposed to values such as json.
const PROBE_NODES = new WeakSet<object>();

/** The key tree that survives a sanitizer run on `probe` (same shape as the probe). */
function survivors(probe: unknown, sanitized: unknown): true | Projection {
  const probeOne = Array.isArray(probe) ? probe[0] : probe;
  if (!probeOne || typeof probeOne !== 'object' || !PROBE_NODES.has(probeOne)) return true;
  const kept = Array.isArray(sanitized) ? sanitized[0] : sanitized;
  if (!kept || typeof kept !== 'object') return {};
  const projection: Projection = {};
  for (const key of Object.keys(probeOne)) {
    if (key in kept) projection[key] = survivors((probeOne as any)[key], (kept as any)[key]);
  }
  return projection;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => strapi.getModel(uid as any) as any;
  const hasRelations = (component: string) =>
    Object.values(model(component)?.attributes ?? {}).some((attr: any) => attr.type === 'relation');

  /**
   * What an entry of the feed carries: every scalar field, media and components
   * without relations (a guest list is not transparency content). No relations:
   * an entry changes only when its own document is published, so the feed stays exact.
   */
  const populateFor = (uid: string): string[] =>
    Object.entries(model(uid).attributes)
      .filter(([, attr]: [string, any]) => POPULATED_TYPES.has(attr.type) && !attr.private)
      .filter(([, attr]: [string, any]) => attr.type !== 'component' || !hasRelations(attr.component))
      .map(([name]) => name);

  const key = (uid: string, locale: string | null, documentId: string) => `${uid}|${locale ?? ''}|${documentId}`;

  /**
   * An entity of `uid` with every key the feed's load can return (scalars, and media
   * and components, recursively, without relations), each with a value; null when the
   * type holds something whose sanitizing depends on the value (dynamic zones, morph
   * relations). `relations`: relations of the root loaded too, with their target's scalars.
   */
  function probeOf(uid: string, populated: boolean, relations: readonly string[] = []): Record<string, unknown> | null {
    const probe: Record<string, unknown> = { id: 1, documentId: 'probe' };
    for (const [name, attr] of Object.entries(model(uid).attributes) as Array<[string, any]>) {
      if (attr.type === 'dynamiczone') return null;
      if (attr.type === 'relation' && relations.includes(name)) {
        if (attr.relation.startsWith('morph') || !attr.target) return null;
        const nested = probeOf(attr.target, false);
        if (!nested) return null;
        probe[name] = attr.relation.endsWith('ToMany') ? [nested] : nested;
        continue;
      }
      if (attr.type === 'relation') continue;
      if (attr.type === 'media' || attr.type === 'component') {
        if (!populated) continue;
        const nested = probeOf(attr.type === 'media' ? 'plugin::upload.file' : attr.component, attr.type === 'component');
        if (!nested) return null;
        probe[name] = attr.multiple || attr.repeatable ? [nested] : nested;
        continue;
      }
      probe[name] = attr.type === 'enumeration' ? attr.enum[0] : SAMPLE[attr.type] ?? 'x';
    }
    PROBE_NODES.add(probe);
    return probe;
  }

  // Per type and caller version; rebuilt every minute, like the response cache's entries.
  const projections = new Map<string, { projection: Projection | null; builtAt: number }>();
  const PROJECTION_TTL_MS = 60_000;
  const callerKey = (auth: any) => `${auth?.strategy?.name ?? 'public'}:${auth?.credentials?.id ?? ''}:${auth?.credentials?.updatedAt ?? ''}`;

  /**
   * What the Content API's output sanitizer keeps of this type's feed entries for
   * this caller, found by running that sanitizer once on a probe entity: applying it
   * gives the sanitizer's result at the cost of copying keys (proved equal in
   * tests/plugins/cif-sync/changes.test.ts). Null: use the sanitizer itself.
   */
  async function projectionFor(uid: string, auth: unknown, relations: readonly string[] = []): Promise<Projection | null> {
    const cacheKey = `${uid}|${relations.join(',')}|${callerKey(auth)}`;
    const known = projections.get(cacheKey);
    if (known && Date.now() - known.builtAt < PROJECTION_TTL_MS) return known.projection;
    const probe = probeOf(uid, true, relations);
    let projection: Projection | null = null;
    if (probe) {
      // The sanitizer may edit what it is given: the probe itself is kept for the comparison.
      const sanitized = await strapi.contentAPI.sanitize.output(structuredClone(probe), model(uid), { auth } as any);
      const result = survivors(probe, sanitized);
      projection = result === true ? null : result;
    }
    if (projections.size > 100) projections.clear();
    projections.set(cacheKey, { projection, builtAt: Date.now() });
    return projection;
  }

  /**
   * What the Content API's output sanitizer returns for these entries of `uid` (loaded
   * with scalars, media and components, and the `relations` given with their target's
   * scalars), through the projection when there is one.
   */
  async function sanitizeOutput(uid: string, entries: Array<Record<string, unknown>>, auth: unknown, relations: readonly string[] = []) {
    const projection = await projectionFor(uid, auth, relations);
    return (
      projection ? entries.map((entry) => project(entry, projection)) : await strapi.contentAPI.sanitize.output(entries, model(uid), { auth } as any)
    ) as Array<Record<string, unknown>>;
  }

  const published = publishedEntries(strapi);

  /** The current visible versions for the upserts of a page, a query per type and locale (and its media and components). */
  async function loadEntries(rows: ChangeRow[], auth: unknown) {
    const groups = new Map<string, { uid: string; locale: string | null; documentIds: Set<string> }>();
    for (const row of rows) {
      if (row.action !== CHANGE_ACTIONS.upsert) continue;
      const groupKey = `${row.contentType}|${row.entryLocale ?? ''}`;
      const group = groups.get(groupKey) ?? { uid: row.contentType, locale: row.entryLocale, documentIds: new Set() };
      group.documentIds.add(row.entryDocumentId);
      groups.set(groupKey, group);
    }
    const entries = new Map<string, Record<string, unknown>>();
    for (const { uid, locale, documentIds } of groups.values()) {
      const found = [...(await published.load(uid, locale, [...documentIds], populateFor(uid))).values()];
      const sanitized = await sanitizeOutput(uid, found, auth);
      sanitized.forEach((entry, index) => entries.set(key(uid, locale, found[index].documentId as string), entry));
    }
    return entries;
  }

  return {
    populateFor,
    projectionFor,
    sanitizeOutput,

    async toItems(rows: ChangeRow[], auth: unknown): Promise<FeedItem[]> {
      const entries = await loadEntries(rows, auth);
      return rows.map((row) => ({
        ...describeChange(row),
        entry: row.action === CHANGE_ACTIONS.upsert ? entries.get(key(row.contentType, row.entryLocale, row.entryDocumentId)) ?? null : null,
      }));
    },
  };
};
