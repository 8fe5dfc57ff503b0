/**
 * Reads the published versions a feed page needs straight from the tables, in few
 * queries: one per type and locale for the entries, one for all their media, one per
 * component attribute; the ids of a page are bound as one array on PostgreSQL
 * (`= ANY(?)`) and in chunks on SQLite. Rows are read the way Strapi's query engine
 * reads them (its field converters, the table's column order, media and components
 * filled like `populate: [names]`), so an entry equals what
 * `strapi.documents(uid).findMany({ status: 'published', locale, populate })` returns
 * (proved against the Content API in tests/plugins/cif-sync/changes.test.ts), without
 * the document service's transaction and per-row work.
 */
import type { Core } from '@strapi/strapi';
import { VISIBILITY_FLAG } from '../../../../../access/content-api';
import { isPostgres } from '../utils';

// The query engine's own converters (not exported at the package root): the same code reads every value.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createField } = require('@strapi/database/dist/fields/index.js');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { isScalar } = require('@strapi/database/dist/utils/types.js');

// pg's own parser for `timestamp without time zone` (postgres-date), for the values the fast path leaves to it.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pgTypes = require('pg').types;
const TIMESTAMP_OID = 1114;
const parseTimestamp: (text: string) => unknown = pgTypes.getTypeParser(TIMESTAMP_OID, 'text');
/** Per-query pg types: `timestamp` columns stay text, read by `timestampToISO` (postgres-date cost ≈ 2 µs a value). */
const TEXT_TIMESTAMPS = {
  getTypeParser: (oid: number, format?: string) => (oid === TIMESTAMP_OID ? (text: string) => text : pgTypes.getTypeParser(oid, format)),
};
const LOCAL_ZONE_IS_UTC = ['UTC', 'Etc/UTC'].includes(Intl.DateTimeFormat().resolvedOptions().timeZone);

/**
 * A `timestamp without time zone` as text → what the datetime field returns for it
 * (postgres-date reads it as local time, then `toISOString`). In a UTC process the
 * usual 'YYYY-MM-DD HH:MM:SS[.ffffff]' of years 1000–9999 needs no Date at all.
 */
export function timestampToISO(text: string): string | null {
  const length = text.length;
  if (LOCAL_ZONE_IS_UTC && length >= 19 && length <= 26 && text.charCodeAt(10) === 32 && text.charCodeAt(0) !== 48 && (length === 19 || text.charCodeAt(19) === 46)) {
    // postgres-date's milliseconds, truncated as the Date constructor truncates them.
    const ms = length > 20 ? Math.trunc(1000 * parseFloat(text.slice(19))) : 0;
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
  }
  const date = parseTimestamp(text);
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** On PostgreSQL, makes `query` hand `timestamp` columns back as text, for `readRows(…, { textTimestamps: true })`. */
export function withTextTimestamps(strapi: Core.Strapi, query: any) {
  return isPostgres(strapi) ? query.options({ types: TEXT_TIMESTAMPS }) : query;
}

type Row = Record<string, any>;
type Entry = Record<string, unknown>;
type Meta = { uid: string; tableName: string; attributes: Record<string, any>; columnToAttribute: Record<string, string> };

const FILE_UID = 'plugin::upload.file';
// Pivot columns selected under names no table has, so that the reader skips them.
const OWNER = '__cif_owner';
const FIELD = '__cif_field';
const SQLITE_CHUNK = 500;

type Reader = (value: any) => unknown;

/** How the query engine reads a column of this attribute; `textTimestamps`: timestamps come as pg text. */
function readerOf(attribute: any, textTimestamps: boolean): Reader | null {
  if (attribute.type === 'relation') return null;
  const field = createField(attribute);
  if (!textTimestamps || (attribute.type !== 'datetime' && attribute.type !== 'timestamp')) return (value) => field.fromDB(value);
  if (attribute.type === 'datetime') return (value) => (typeof value === 'string' ? timestampToISO(value) : field.fromDB(value));
  return (value) => field.fromDB(typeof value === 'string' ? parseTimestamp(value) : value);
}

/** The query engine's `fromRow`, with the per-column decisions taken once per result set. */
export function readRows(meta: Meta, rows: Row[], { textTimestamps = false } = {}): Entry[] {
  if (!rows.length) return [];
  const plan: Array<[string, string, Reader | null]> = [];
  for (const column in rows[0]) {
    if (!Object.prototype.hasOwnProperty.call(meta.columnToAttribute, column)) continue;
    const name = meta.columnToAttribute[column];
    const attribute = meta.attributes[name];
    if (isScalar(attribute.type) || attribute.type === 'relation') plan.push([column, name, readerOf(attribute, textTimestamps)]);
  }
  return rows.map((row) => {
    const entry: Entry = {};
    for (const [column, name, field] of plan) {
      const value = row[column];
      entry[name] = field && value !== null ? field(value) : value;
    }
    return entry;
  });
}

/** Groups rows by a key, keeping their order. */
function groupBy(rows: Row[], keyOf: (row: Row) => string) {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export default (strapi: Core.Strapi) => {
  const db = strapi.db as any;
  const meta = (uid: string): Meta => db.metadata.get(uid);
  const column = (m: Meta, name: string) => m.attributes[name]?.columnName ?? name;
  const textTimestamps = isPostgres(strapi);
  const table = (m: Meta | string, alias: string) =>
    withTextTimestamps(strapi, db.getConnection(`${typeof m === 'string' ? m : m.tableName} as ${alias}`));

  /** Runs `query(ids)` with `column` restricted to `values`: one array parameter on PostgreSQL, chunks elsewhere. */
  async function whereAny(query: () => any, columnRef: string, values: unknown[]): Promise<Row[]> {
    if (!values.length) return [];
    if (isPostgres(strapi)) return query().whereRaw('?? = ANY(?)', [columnRef, values]);
    const rows: Row[] = [];
    for (let start = 0; start < values.length; start += SQLITE_CHUNK) {
      rows.push(...(await query().whereIn(columnRef, values.slice(start, start + SQLITE_CHUNK))));
    }
    return rows;
  }

  const orderColumn = (joinTable: any) => Object.keys(joinTable.orderBy ?? {})[0];

  /** The files of every media attribute in `names`, per owner id and attribute, in the join table's order. */
  async function loadMedia(uid: string, names: string[], ids: number[]) {
    const files = meta(FILE_UID);
    const { joinTable } = files.attributes.related;
    const { idColumn, typeColumn } = joinTable.morphColumn;
    const order = orderColumn(joinTable);
    const rows = await whereAny(
      () => {
        const query = table(files, 't0')
          .distinct(...(order ? [`t1.${order}`] : []), 't0.*', `t1.${idColumn.name} as ${OWNER}`, `t1.field as ${FIELD}`)
          .join(`${joinTable.name} as t1`, 't0.id', `t1.${joinTable.joinColumn.name}`)
          .where(`t1.${typeColumn.name}`, uid)
          .whereIn('t1.field', names);
        return order ? query.orderBy(`t1.${order}`, 'asc') : query;
      },
      `t1.${idColumn.name}`,
      ids
    );
    const read = readRows(files, rows, { textTimestamps });
    return groupBy(
      rows.map((row, index) => ({ row, entry: read[index] })),
      ({ row }) => `${row[OWNER]}|${row[FIELD]}`
    );
  }

  /** The rows of one component attribute, per owner id, in the join table's order. */
  async function loadComponent(attribute: any, ids: number[]) {
    const component = meta(attribute.target);
    const { joinTable } = attribute;
    const order = orderColumn(joinTable);
    const rows = await whereAny(
      () => {
        const query = table(component, 't0')
          .distinct(...(order ? [`t1.${order}`] : []), 't0.*', `t1.${joinTable.joinColumn.name} as ${OWNER}`)
          .join(`${joinTable.name} as t1`, function (this: any) {
            this.on('t0.id', '=', `t1.${joinTable.inverseJoinColumn.name}`);
            for (const [key, value] of Object.entries(joinTable.on ?? {})) this.andOnVal(`t1.${key}`, '=', value);
          });
        return order ? query.orderBy(`t1.${order}`, 'asc') : query;
      },
      `t1.${joinTable.joinColumn.name}`,
      ids
    );
    const read = readRows(component, rows, { textTimestamps });
    return groupBy(
      rows.map((row, index) => ({ row, entry: read[index] })),
      ({ row }) => String(row[OWNER])
    );
  }

  /**
   * The published versions of `documentIds` in `locale` (null: a type without locales)
   * that the Content API lists (public flag), with `populate` (media and components
   * without relations) filled; keyed by documentId.
   */
  async function load(uid: string, locale: string | null, documentIds: string[], populate: string[]) {
    const m = meta(uid);
    const rows = await whereAny(
      () => {
        const query = table(m, 't0').select('t0.*').whereNotNull(`t0.${column(m, 'publishedAt')}`);
        if (locale && m.attributes.locale) query.where(`t0.${column(m, 'locale')}`, locale);
        if (m.attributes[VISIBILITY_FLAG]) query.where(`t0.${column(m, VISIBILITY_FLAG)}`, true);
        return query;
      },
      `t0.${column(m, 'documentId')}`,
      documentIds
    );
    const entries = readRows(m, rows, { textTimestamps });
    const ids = rows.map((row) => row.id);
    const mediaNames = populate.filter((name) => m.attributes[name].relation?.startsWith('morph'));
    const [media, ...components] = await Promise.all([
      mediaNames.length && ids.length ? loadMedia(uid, mediaNames, ids) : new Map(),
      ...populate.filter((name) => !mediaNames.includes(name)).map((name) => (ids.length ? loadComponent(m.attributes[name], ids) : new Map())),
    ]);
    const found = new Map<string, Entry>();
    entries.forEach((entry, index) => {
      const id = ids[index];
      let component = 0;
      // In `populate`'s order, as the query engine assigns them.
      for (const name of populate) {
        const attribute = m.attributes[name];
        const single = attribute.relation === 'morphOne' || attribute.relation === 'oneToOne';
        const group = mediaNames.includes(name) ? media.get(`${id}|${name}`) : components[component++].get(String(id));
        const values = (group ?? []).map(({ entry: value }: { entry: Entry }) => value);
        entry[name] = single ? values[0] ?? null : values;
      }
      found.set(entry.documentId as string, entry);
    });
    return found;
  }

  return { load };
};
