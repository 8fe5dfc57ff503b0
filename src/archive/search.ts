// Full-text search over title, description, tags, credit and place, insensitive
// to accents and case, ranked, with filters. PostgreSQL: a tsvector (`spanish`)
// with a GIN index; SQLite: an FTS5 table. Both are the `media_archive_search`
// table of database/migrations, kept in step with the items by this module.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARCHIVE_UID } from './constants';

const TABLE = 'media_archive_search';

export interface SearchQuery {
  q?: string;
  kind?: string;
  from?: string;
  to?: string;
  ceremony?: string;
  tags?: string[];
  page: number;
  pageSize: number;
  onlyPublic: boolean;
}

interface IndexedItem {
  id: number;
  kind: string;
  isPublic: boolean;
  capturedAt: string | null;
  ceremony?: { documentId: string } | null;
  tags?: unknown;
  title: string;
  description?: string | null;
  credit?: string | null;
  place?: string | null;
}

const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';
const connection = (strapi: Core.Strapi, trx?: Knex.Transaction) => trx ?? (strapi.db.connection as unknown as Knex);

/** Tags as a clean list: lower case, no separator characters. */
export const normalizeTags = (tags: unknown): string[] =>
  Array.isArray(tags) ? [...new Set(tags.filter((t) => typeof t === 'string').map((t) => t.trim().toLowerCase().replace(/\|/g, ' ')).filter(Boolean))] : [];

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const toIso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

const POPULATE = { ceremony: { select: ['documentId'] } } as const;

/** Writes (or rewrites) the search row of one item. */
export async function indexItem(strapi: Core.Strapi, item: IndexedItem, trx?: Knex.Transaction) {
  const db = connection(strapi, trx);
  const tags = normalizeTags(item.tags);
  const common = [item.kind, Boolean(item.isPublic), toIso(item.capturedAt), item.ceremony?.documentId ?? null];
  const texts = { title: item.title ?? '', tags: tags.join(', '), description: item.description ?? '', other: `${item.credit ?? ''} ${item.place ?? ''}` };
  if (isPostgres(strapi)) {
    await db.raw(
      `INSERT INTO ${TABLE} (item_id, kind, is_public, captured_at, ceremony, tags, document)
       VALUES (?, ?, ?, ?, ?, string_to_array(?, '|'),
         setweight(to_tsvector('spanish', archive_fold(?)), 'A') || setweight(to_tsvector('spanish', archive_fold(?)), 'B') ||
         setweight(to_tsvector('spanish', archive_fold(?)), 'C') || setweight(to_tsvector('spanish', archive_fold(?)), 'D'))
       ON CONFLICT (item_id) DO UPDATE SET kind = excluded.kind, is_public = excluded.is_public, captured_at = excluded.captured_at,
         ceremony = excluded.ceremony, tags = excluded.tags, document = excluded.document`,
      [item.id, ...common, tags.join('|'), texts.title, texts.tags, texts.description, texts.other]
    );
    return;
  }
  await db.raw(`DELETE FROM ${TABLE} WHERE rowid = ?`, [item.id]);
  await db.raw(
    `INSERT INTO ${TABLE} (rowid, kind, is_public, captured_at, ceremony, tags_key, title, tags, description, credit, place)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [item.id, item.kind, item.isPublic ? 1 : 0, common[2], common[3], `|${tags.join('|')}|`, texts.title, texts.tags, texts.description, item.credit ?? '', item.place ?? '']
  );
}

export async function unindexItem(strapi: Core.Strapi, id: number, trx?: Knex.Transaction) {
  await connection(strapi, trx).raw(`DELETE FROM ${TABLE} WHERE ${isPostgres(strapi) ? 'item_id' : 'rowid'} = ?`, [id]);
}

/** Re-reads one item and indexes it (after the document service wrote it). */
export async function reindexDocument(strapi: Core.Strapi, documentId: string, trx?: Knex.Transaction) {
  const item = await strapi.db.query(ARCHIVE_UID).findOne({ where: { documentId }, populate: POPULATE });
  if (item) await indexItem(strapi, item as IndexedItem, trx);
}

/** Rebuilds the index when it does not match the items (first start, restored backup). */
export async function ensureSearchIndex(strapi: Core.Strapi, batchSize = 500) {
  const items = await strapi.db.query(ARCHIVE_UID).count();
  const [{ n }] = (await connection(strapi).raw(`SELECT count(*) AS n FROM ${TABLE}`).then((r: any) => r.rows ?? r)) as Array<{ n: number | string }>;
  if (Number(n) === items) return false;
  await connection(strapi).raw(`DELETE FROM ${TABLE}`);
  for (let offset = 0; offset < items; offset += batchSize) {
    const batch = await strapi.db.query(ARCHIVE_UID).findMany({ populate: POPULATE, orderBy: { id: 'asc' }, offset, limit: batchSize });
    await strapi.db.transaction(async ({ trx }) => {
      for (const item of batch) await indexItem(strapi, item as IndexedItem, trx as Knex.Transaction);
    });
  }
  return true;
}

/** The filters, as SQL conditions on the search table (exported for bench/archive/search.js). */
export function filters(query: SearchQuery, pg: boolean) {
  const where: string[] = [];
  const bindings: unknown[] = [];
  const add = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    bindings.push(...values);
  };
  if (query.onlyPublic) add(pg ? 'is_public' : 'is_public = 1');
  if (query.kind) add('kind = ?', query.kind);
  if (query.from) add('captured_at >= ?', query.from);
  if (query.to) add('captured_at < ?', query.to);
  if (query.ceremony) add('ceremony = ?', query.ceremony);
  const tags = normalizeTags(query.tags);
  if (tags.length && pg) add(`tags @> string_to_array(?, '|')`, tags.join('|'));
  const literal = (tag: string) => tag.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (tags.length && !pg) for (const tag of tags) add(`tags_key LIKE ? ESCAPE '\\'`, `%|${literal(tag)}|%`);
  return { where, bindings };
}

const ftsQuery = (q: string) =>
  (fold(q).match(/[\p{L}\p{N}]+/gu) ?? []).map((token) => `"${token}"*`).join(' ');

/** Item ids of one page of results, best first, and the total. */
export async function searchIds(strapi: Core.Strapi, query: SearchQuery): Promise<{ ids: number[]; total: number }> {
  const db = connection(strapi);
  const pg = isPostgres(strapi);
  const { where, bindings } = filters(query, pg);
  const offset = (query.page - 1) * query.pageSize;
  const text = query.q?.trim();
  const rows = (r: any) => (r.rows ?? r) as Array<{ id: number; total?: number | string }>;

  if (pg) {
    const ranked = rankedPagePg(query);
    const result = rows(await runRankedPg(db, query, `${ranked.sql} SELECT id, total FROM page ORDER BY ${ranked.order}`, ranked.bindings));
    return { ids: result.map((r) => Number(r.id)), total: await totalOf(db, query, result.length, result[0]?.total) };
  }

  const match = text ? ftsQuery(text) : '';
  if (text && !match) return { ids: [], total: 0 };
  const conditions = [...(match ? [`${TABLE} MATCH ?`] : []), ...where];
  const all = [...(match ? [match] : []), ...bindings];
  const whereSql = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  // bm25 weights follow the table's columns: the five filters, then title, tags, description, credit, place.
  const order = match ? `bm25(${TABLE}, 0, 0, 0, 0, 0, 10.0, 5.0, 2.0, 1.0, 1.0),` : '';
  const page = rows(
    await db.raw(
      `SELECT rowid AS id FROM ${TABLE} ${whereSql} ORDER BY ${order} captured_at IS NULL, captured_at DESC, rowid DESC LIMIT ? OFFSET ?`,
      [...all, query.pageSize, offset]
    )
  );
  const [{ total }] = rows(await db.raw(`SELECT count(*) AS total FROM ${TABLE} ${whereSql}`, all));
  return { ids: page.map((r) => Number(r.id)), total: Number(total) };
}

/**
 * The page of results as a `page` CTE (id, total, and the sort keys `rank`,
 * `captured_at`), best first when sorted by `order`, for a statement to select from.
 */
export function rankedPagePg(query: SearchQuery) {
  const { where, bindings } = filters(query, true);
  const text = query.q?.trim();
  const conditions = [...(text ? ['document @@ q.query'] : []), ...where];
  const sql = `WITH q AS (SELECT websearch_to_tsquery('spanish', archive_fold(?)) AS query),
    page AS (
      SELECT item_id AS id, count(*) OVER () AS total, ${text ? 'ts_rank(document, q.query)' : '0::real'} AS rank, captured_at FROM ${TABLE}, q
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY rank DESC, captured_at DESC NULLS LAST, item_id DESC
      LIMIT ? OFFSET ?)`;
  return {
    sql,
    bindings: [text ?? '', ...bindings, query.pageSize, (query.page - 1) * query.pageSize],
    order: 'page.rank DESC, page.captured_at DESC NULLS LAST, page.id DESC',
  };
}

/**
 * Runs a statement built on `rankedPagePg`: the public's searches use the partial
 * index of public items, which the planner takes on its own; archive staff's go
 * through the whole table's index (see withIndexFriendlyCosts).
 */
export const runRankedPg = (db: Knex, query: SearchQuery, sql: string, bindings: unknown[]) => {
  const run = (conn: Knex) => conn.raw(sql, bindings as any[]);
  return query.onlyPublic || !query.q?.trim() ? run(db) : withIndexFriendlyCosts(db, run);
};

/** The total read with the page (`firstTotal`, the first row's); counted apart only for a page past the end. */
export async function totalOf(db: Knex, query: SearchQuery, rowCount: number, firstTotal: unknown) {
  if (rowCount) return Number(firstTotal);
  if (query.page <= 1) return 0;
  const { where, bindings } = filters(query, true);
  return countPg(db, query.q?.trim(), where, bindings);
}

/**
 * PostgreSQL's default random_page_cost (4, for spinning disks) makes a word that
 * matches one item in ten look cheaper to find by reading the whole table than
 * through the GIN index over all items; with the table in memory or on SSD the
 * index is about twice as fast (EXPLAIN ANALYZE in BENCHMARKS.md). Set for one query only.
 */
const withIndexFriendlyCosts = <T>(db: Knex, run: (conn: Knex) => Promise<T>) =>
  db.transaction(async (trx) => {
    await trx.raw('SET LOCAL random_page_cost = 1.1');
    return run(trx);
  });

async function countPg(db: Knex, text: string | undefined, where: string[], bindings: unknown[]) {
  const conditions = [...(text ? [`document @@ websearch_to_tsquery('spanish', archive_fold(?))`] : []), ...where];
  const result: any = await db.raw(`SELECT count(*) AS total FROM ${TABLE} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`, [
    ...(text ? [text] : []),
    ...bindings,
  ]);
  return Number(result.rows[0].total);
}
