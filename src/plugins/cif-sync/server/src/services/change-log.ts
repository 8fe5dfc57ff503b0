/**
 * The change log: append-only rows written in the transaction of the change,
 * read by the CIF feed and by every instance's response cache (its head).
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_LOG_LOCK_KEY, CHANGE_UID, type ChangeAction } from '../constants';
import { getConfig, getService, isPostgres } from '../utils';
import { readRows, withTextTimestamps } from './published-entries';

export interface ChangeInput {
  contentType: string;
  entryDocumentId: string;
  entryLocale: string | null;
  action: ChangeAction;
}

export interface ChangeRow extends ChangeInput {
  id: number;
  createdAt: string;
}

/** How the feed and the webhooks describe a change row. */
export const describeChange = (row: ChangeRow) => ({
  cursor: Number(row.id),
  action: row.action,
  uid: row.contentType,
  documentId: row.entryDocumentId,
  locale: row.entryLocale ?? null,
  // Rows come from the query engine or readRows: createdAt is already the datetime field's ISO string.
  at: typeof row.createdAt === 'string' ? row.createdAt : new Date(row.createdAt).toISOString(),
});

type Listener = () => void;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const listeners = new Set<Listener>();
  const signal = () => getService(strapi, 'change-signal');
  let subscribed = false;

  return {
    /**
     * Appends rows inside the caller's transaction. On PostgreSQL the advisory
     * lock (held until commit) makes cursor order equal commit order, so a
     * reader can never see cursor N+1 before cursor N and skip N; the
     * notification (./change-signal.ts) reaches the other instances on commit.
     */
    async append(changes: ChangeInput[]): Promise<ChangeRow[]> {
      if (!changes.length) return [];
      return strapi.db.transaction(async ({ trx, onCommit }) => {
        if (isPostgres(strapi)) await trx.raw('select pg_advisory_xact_lock(?)', [CHANGE_LOG_LOCK_KEY]);
        const rows: ChangeRow[] = [];
        for (const data of changes) rows.push(await strapi.db.query(CHANGE_UID).create({ data }));
        if (signal().enabled()) await signal().notify(trx, Number(rows[rows.length - 1].id));
        onCommit(() => listeners.forEach((listener) => listener()));
        return rows;
      });
    },

    /**
     * Called after a transaction that appended rows commits: on this instance
     * at once, and on PostgreSQL for every other instance's commits too
     * (LISTEN/NOTIFY, ./change-signal.ts), or after the listener reconnected.
     */
    onCommitted(listener: Listener) {
      if (!subscribed) {
        subscribed = true;
        signal().onSignal(() => listeners.forEach((one) => one()));
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** The last cursor (0 when empty): changes whenever anything public changed. */
    async head(): Promise<number> {
      const row = await strapi.db.query(CHANGE_UID).findOne({ select: ['id'], orderBy: { id: 'desc' } });
      return row ? Number(row.id) : 0;
    },

    /**
     * Rows of the CIF types after `since`, in cursor order, one more than `limit` to tell
     * hasMore; `seen` is the highest cursor read, so every change up to it had committed.
     * Read straight from the table (timestamps as text on PostgreSQL): a feed page is 1,000 rows.
     */
    async page({ since, limit, locale }: { since: number; limit: number; locale?: string }) {
      const meta = (strapi.db as any).metadata.get(CHANGE_UID);
      const column = (name: string) => meta.attributes[name].columnName ?? name;
      const query = strapi.db
        .getConnection(meta.tableName)
        .select(['id', 'contentType', 'entryDocumentId', 'entryLocale', 'action', 'createdAt'].map(column))
        .where(column('id'), '>', since)
        .whereIn(column('contentType'), getConfig(strapi).types)
        .orderBy(column('id'), 'asc')
        .limit(limit + 1);
      if (locale) query.where(column('entryLocale'), locale);
      const rows = readRows(meta, await withTextTimestamps(strapi, query), { textTimestamps: isPostgres(strapi) }) as unknown as ChangeRow[];
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit, seen: rows.length ? Number(rows[rows.length - 1].id) : since };
    },

    /** The documents (type, id, locale) of the synced types changed after cursor `after` up to `through`, at most `limit` rows. */
    async changedBetween(after: number, through: number, limit: number) {
      const meta = (strapi.db as any).metadata.get(CHANGE_UID);
      const column = (name: string) => meta.attributes[name].columnName ?? name;
      const rows = await strapi.db
        .getConnection(meta.tableName)
        .select(['contentType', 'entryDocumentId', 'entryLocale'].map((name) => `${column(name)} as ${name}`))
        .where(column('id'), '>', after)
        .andWhere(column('id'), '<=', through)
        .whereIn(column('contentType'), getConfig(strapi).types)
        .limit(limit);
      return rows as Array<Pick<ChangeRow, 'contentType' | 'entryDocumentId' | 'entryLocale'>>;
    },

    async findByCursors(cursors: number[]) {
      return (await strapi.db.query(CHANGE_UID).findMany({ where: { id: { $in: cursors } }, orderBy: { id: 'asc' } })) as ChangeRow[];
    },
  };
};
