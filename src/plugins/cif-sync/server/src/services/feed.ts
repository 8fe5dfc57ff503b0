/**
 * Turns change rows into feed items: `entry` is the published version of the
 * locale as the caller's token may read it through the Content API (same
 * sanitizer), or null for tombstones and for anything the caller may not see.
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_ACTIONS } from '../constants';
import { describeChange, type ChangeRow } from './change-log';
import publishedEntries from './published-entries';
import { getService } from '../utils';

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
const NULL_JSON = Buffer.from('null');

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

  /**
   * Serialized entries kept between pages: a document changed many times is in the log
   * many times, and a consumer paging from 0 needs its current entry each time. Every
   * cached entry is the current version as of `reconciledThrough`: when the head moves,
   * the documents changed in between are dropped (one query over the new rows), so an
   * entry stays exactly what a fresh load would give, tombstoned documents included.
   * Entries expire like the response cache's (media edits and permissions are not in the log).
   */
  const ENTRY_CACHE_MAX = 20_000;
  const ENTRY_TTL_MS = 60_000;
  // More new rows than this since the last reconciliation: drop everything rather than read them.
  const RECONCILE_MAX_ROWS = 5_000;
  // entry key → caller → UTF-8 JSON (`null` when the caller may not see it).
  const entryCache = new Map<string, Map<string, { json: Buffer; storedAt: number }>>();
  let reconciledThrough = 0;
  let reconciling: Promise<void> = Promise.resolve();

  /** Brings the cache up to `head` (every change up to it had committed), one caller at a time. */
  function reconcile(head: number) {
    // A failed reconciliation fails its own request only; the next one tries again from the same point.
    reconciling = reconciling.catch(() => undefined).then(async () => {
      if (head <= reconciledThrough) return;
      if (entryCache.size) {
        const changed = await getService(strapi, 'change-log').changedBetween(reconciledThrough, head, RECONCILE_MAX_ROWS + 1);
        if (changed.length > RECONCILE_MAX_ROWS) entryCache.clear();
        else for (const row of changed) entryCache.delete(key(row.contentType, row.entryLocale, row.entryDocumentId));
      }
      reconciledThrough = head;
    });
    return reconciling;
  }

  function remember(entryKey: string, caller: string, json: Buffer, loadedAt: number) {
    // Loaded before a reconciliation that went past it: it may predate a change, keep it out.
    if (loadedAt < reconciledThrough) return;
    let callers = entryCache.get(entryKey);
    if (!callers) {
      if (entryCache.size >= ENTRY_CACHE_MAX) entryCache.delete(entryCache.keys().next().value as string);
      entryCache.set(entryKey, (callers = new Map()));
    }
    callers.set(caller, { json, storedAt: Date.now() });
  }

  /**
   * The UTF-8 JSON of each upsert's entry (`null` when the caller may not see it), keyed like
   * `key()`: the current visible versions, a query per type and locale (and its media and
   * components) for those not cached. `head`: a cursor up to which every change had committed.
   */
  async function entryJsonFor(rows: ChangeRow[], auth: unknown, head: number) {
    await reconcile(head);
    const caller = callerKey(auth);
    const now = Date.now();
    const result = new Map<string, Buffer>();
    const groups = new Map<string, { uid: string; locale: string | null; documentIds: Set<string> }>();
    for (const row of rows) {
      if (row.action !== CHANGE_ACTIONS.upsert) continue;
      const entryKey = key(row.contentType, row.entryLocale, row.entryDocumentId);
      if (result.has(entryKey)) continue;
      const cached = entryCache.get(entryKey)?.get(caller);
      if (cached && now - cached.storedAt < ENTRY_TTL_MS) {
        result.set(entryKey, cached.json);
        continue;
      }
      const groupKey = `${row.contentType}|${row.entryLocale ?? ''}`;
      const group = groups.get(groupKey) ?? { uid: row.contentType, locale: row.entryLocale, documentIds: new Set() };
      group.documentIds.add(row.entryDocumentId);
      groups.set(groupKey, group);
    }
    for (const { uid, locale, documentIds } of groups.values()) {
      const found = await published.load(uid, locale, [...documentIds], populateFor(uid));
      const loaded = [...found.values()];
      const sanitized = await sanitizeOutput(uid, loaded, auth);
      const byDocument = new Map(sanitized.map((entry, index) => [loaded[index].documentId as string, entry]));
      for (const documentId of documentIds) {
        const entryKey = key(uid, locale, documentId);
        const entry = byDocument.get(documentId);
        const json = entry ? Buffer.from(JSON.stringify(entry)) : NULL_JSON;
        result.set(entryKey, json);
        remember(entryKey, caller, json, head);
      }
    }
    return result;
  }

  /** The JSON of one feed item up to its entry: the change's description, `entry` last. */
  const itemHead = (row: ChangeRow) => {
    // A property added to the fresh object: about half the cost of spreading it into another.
    const item: Record<string, unknown> = describeChange(row);
    item.entry = null;
    return JSON.stringify(item).slice(0, -'null}'.length);
  };

  return {
    populateFor,
    projectionFor,
    sanitizeOutput,

    /**
     * A page of the feed as UTF-8 JSON (`{ data: FeedItem[], meta }`), assembled from the
     * entries' stored JSON instead of serializing every entry again.
     */
    async pageJson(query: { since: number; limit: number; locale?: string }, auth: unknown): Promise<Buffer> {
      const changeLog = getService(strapi, 'change-log');
      // The head read with the page: every change up to it had committed before the entries load.
      // (`seen`, the page's last cursor, may be above a head read just before a commit.)
      const [{ rows, hasMore, seen }, head] = await Promise.all([changeLog.page(query), changeLog.head()]);
      const entries = await entryJsonFor(rows, auth, Math.max(seen, head));
      const nextCursor = rows.length ? Number(rows[rows.length - 1].id) : query.since;
      const chunks: Buffer[] = [];
      rows.forEach((row, index) => {
        const entry = row.action === CHANGE_ACTIONS.upsert ? entries.get(key(row.contentType, row.entryLocale, row.entryDocumentId)) : undefined;
        chunks.push(Buffer.from(`${index ? '},' : '{"data":['}${itemHead(row)}`), entry ?? NULL_JSON);
      });
      chunks.push(Buffer.from(`${rows.length ? '}' : '{"data":['}],"meta":${JSON.stringify({ nextCursor, hasMore })}}`));
      return Buffer.concat(chunks);
    },
  };
};
