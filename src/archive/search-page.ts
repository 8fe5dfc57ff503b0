// One page of search results with its items loaded: each item with its file and
// its ceremony, as `strapi.db.query(ARCHIVE_UID).findMany({ populate: { file, ceremony } })`
// returns them. On PostgreSQL the ranking and the loading are one statement (the
// ranked page as a CTE, the file and the ceremony through lateral joins), read with
// the query engine's own field converters; on SQLite the ids, then the query engine.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { readRows } from '../plugins/cif-sync/server/src/services/published-entries';
import { ARCHIVE_UID, UPLOAD_FILE_UID } from './constants';
import { rankedPagePg, runRankedPg, searchIds, totalOf, type SearchQuery } from './search';

const CEREMONY_ATTRIBUTE = 'ceremony';
const FILE_ATTRIBUTE = 'file';

type Row = Record<string, any>;
type Item = Record<string, unknown>;

/**
 * Which version of the ceremony an item shows: for the public (`restricted`) the
 * published one, and only a public one; archive staff see the draft, as in the
 * content manager.
 */
const ceremonyWhere = (restricted: boolean) => (restricted ? { publishedAt: { $notNull: true }, isPublic: true } : { publishedAt: { $null: true } });

/** Items by id in the given order, with their file and ceremony, through the query engine (three queries). */
export async function itemsInOrder(strapi: Core.Strapi, ids: number[], restricted: boolean): Promise<Item[]> {
  if (!ids.length) return [];
  const found = await strapi.db
    .query(ARCHIVE_UID)
    .findMany({ where: { id: { $in: ids } }, populate: { [FILE_ATTRIBUTE]: true, [CEREMONY_ATTRIBUTE]: { where: ceremonyWhere(restricted) } } });
  const byId = new Map(found.map((item: any) => [item.id, item]));
  return ids.map((id) => byId.get(id)).filter(Boolean) as Item[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * `alias.column AS "prefix.column"` for every column of the table that maps to an
 * attribute, in the table's order (the order of `SELECT *`, which the query engine reads).
 */
async function columnsOf(knex: Knex, meta: any, alias: string, prefix: string) {
  const { fields } = (await knex.raw(`SELECT * FROM ${quote(meta.tableName)} LIMIT 0`)) as { fields: Array<{ name: string }> };
  return fields
    .filter(({ name }) => Object.prototype.hasOwnProperty.call(meta.columnToAttribute, name))
    .map(({ name }) => `${alias}.${quote(name)} AS ${quote(`${prefix}${name}`)}`)
    .join(', ');
}

/** The statement's fixed parts (names from the model's metadata), built once per process. */
async function statementParts(strapi: Core.Strapi) {
  const db = strapi.db as any;
  const knex = db.connection as Knex;
  const item = db.metadata.get(ARCHIVE_UID);
  const file = db.metadata.get(UPLOAD_FILE_UID);
  const fileAttribute = item.attributes[FILE_ATTRIBUTE];
  const related = db.metadata.get(fileAttribute.target).attributes[fileAttribute.morphBy];
  const media = related.joinTable;
  const ceremonyAttribute = item.attributes[CEREMONY_ATTRIBUTE];
  const ceremony = db.metadata.get(ceremonyAttribute.target);
  const link = ceremonyAttribute.joinTable;
  const ceremonyColumn = (name: string) => quote(ceremony.attributes[name].columnName ?? name);
  // The join table's own order, as the query engine's populate uses it; no tie-breaker on
  // the link's id, which would have the planner walk the primary key instead of the index on the item.
  const orderBy = (joinTable: any, alias: string) => {
    const order = Object.entries(joinTable.orderBy ?? {}).map(([column, direction]) => `${alias}.${quote(column)} ${direction}`);
    return order.length ? `ORDER BY ${order.join(', ')}` : '';
  };
  const on = (joinTable: any, alias: string) => Object.keys(joinTable.on ?? {}).map((column) => ` AND ${alias}.${quote(column)} = ?`).join('');

  const [fileColumns, ceremonyColumns] = [await columnsOf(knex, file, 'f', 'f.'), await columnsOf(knex, ceremony, 'c', 'c.')];
  const select = (restricted: boolean) => `
    SELECT page.total AS "__total", i.*, ${fileColumns}, ${ceremonyColumns}
    FROM page JOIN ${quote(item.tableName)} i ON i.id = page.id
    LEFT JOIN LATERAL (
      SELECT f.* FROM ${quote(media.name)} m JOIN ${quote(file.tableName)} f ON f.id = m.${quote(media.joinColumn.name)}
      WHERE m.${quote(media.morphColumn.idColumn.name)} = i.id AND m.${quote(media.morphColumn.typeColumn.name)} = ? AND m.field = ?${on(media, 'm')}
      ${orderBy(media, 'm')} LIMIT 1) f ON true
    LEFT JOIN LATERAL (
      SELECT c.* FROM ${quote(link.name)} l JOIN ${quote(ceremony.tableName)} c ON c.id = l.${quote(link.inverseJoinColumn.name)}
      WHERE l.${quote(link.joinColumn.name)} = i.id${on(link, 'l')}
        AND ${restricted ? `c.${ceremonyColumn('publishedAt')} IS NOT NULL AND c.${ceremonyColumn('isPublic')}` : `c.${ceremonyColumn('publishedAt')} IS NULL`}
      ${orderBy(link, 'l')} LIMIT 1) c ON true`;
  const bindings = [ARCHIVE_UID, FILE_ATTRIBUTE, ...Object.values(media.on ?? {}), ...Object.values(link.on ?? {})];
  return { item, file, ceremony, select: { true: select(true), false: select(false) }, bindings };
}

let parts: { strapi: Core.Strapi; value: ReturnType<typeof statementParts> } | null = null;
const partsFor = (strapi: Core.Strapi) => {
  if (parts?.strapi !== strapi) parts = { strapi, value: statementParts(strapi) };
  const { value } = parts;
  // A failed first build (database not ready) is retried on the next search.
  value.catch(() => parts?.value === value && (parts = null));
  return value;
};

/** The columns of `prefix` of each row, unprefixed (null where the lateral join found nothing). */
const unprefixed = (rows: Row[], prefix: string) =>
  rows.map((row) => {
    if (row[`${prefix}id`] === null) return null;
    const out: Row = {};
    for (const key in row) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = row[key];
    return out;
  });

/** Converts nested rows with the query engine's converters, keeping the nulls. */
function readNested(meta: any, rows: Array<Row | null>) {
  const present = rows.filter((row): row is Row => row !== null);
  const read = readRows(meta, present);
  let next = 0;
  return rows.map((row) => (row === null ? null : read[next++]));
}

/** One page of results, best first, with the items loaded, and the total. */
export async function searchPage(strapi: Core.Strapi, query: SearchQuery): Promise<{ items: Item[]; total: number }> {
  if (strapi.db.dialect.client !== 'postgres') {
    const { ids, total } = await searchIds(strapi, query);
    return { items: await itemsInOrder(strapi, ids, query.onlyPublic), total };
  }
  const { item, file, ceremony, select, bindings } = await partsFor(strapi);
  const ranked = rankedPagePg(query);
  const db = strapi.db.connection as unknown as Knex;
  const result: any = await runRankedPg(db, query, `${ranked.sql} ${select[String(query.onlyPublic) as 'true' | 'false']} ORDER BY ${ranked.order}`, [
    ...ranked.bindings,
    ...bindings,
  ]);
  const rows: Row[] = result.rows;
  const items = readRows(item, rows);
  const files = readNested(file, unprefixed(rows, 'f.'));
  const ceremonies = readNested(ceremony, unprefixed(rows, 'c.'));
  // The query engine assigns populated relations as their queries finish (Promise.all),
  // usually the ceremony first: that order here.
  items.forEach((entry, index) => {
    entry[CEREMONY_ATTRIBUTE] = ceremonies[index];
    entry[FILE_ATTRIBUTE] = files[index];
  });
  return { items, total: await totalOf(db, query, rows.length, rows[0]?.__total) };
}
