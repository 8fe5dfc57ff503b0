/**
 * The change log: append-only rows written in the transaction of the change,
 * read by the CIF feed and by every instance's response cache (its head).
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_LOG_LOCK_KEY, CHANGE_UID, type ChangeAction } from '../constants';
import { getConfig, isPostgres } from '../utils';

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
  at: new Date(row.createdAt).toISOString(),
});

type Listener = () => void;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const listeners = new Set<Listener>();

  return {
    /**
     * Appends rows inside the caller's transaction. On PostgreSQL the advisory
     * lock (held until commit) makes cursor order equal commit order, so a
     * reader can never see cursor N+1 before cursor N and skip N.
     */
    async append(changes: ChangeInput[]): Promise<ChangeRow[]> {
      if (!changes.length) return [];
      return strapi.db.transaction(async ({ trx, onCommit }) => {
        if (isPostgres(strapi)) await trx.raw('select pg_advisory_xact_lock(?)', [CHANGE_LOG_LOCK_KEY]);
        const rows: ChangeRow[] = [];
        for (const data of changes) rows.push(await strapi.db.query(CHANGE_UID).create({ data }));
        onCommit(() => listeners.forEach((listener) => listener()));
        return rows;
      });
    },

    /** Called on this instance after a transaction that appended rows commits. */
    onCommitted(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** The last cursor (0 when empty): changes whenever anything public changed. */
    async head(): Promise<number> {
      const row = await strapi.db.query(CHANGE_UID).findOne({ select: ['id'], orderBy: { id: 'desc' } });
      return row ? Number(row.id) : 0;
    },

    /** Rows of the CIF types after `since`, in cursor order, one more than `limit` to tell hasMore. */
    async page({ since, limit, locale }: { since: number; limit: number; locale?: string }) {
      const rows = (await strapi.db.query(CHANGE_UID).findMany({
        select: ['id', 'contentType', 'entryDocumentId', 'entryLocale', 'action', 'createdAt'],
        where: {
          id: { $gt: since },
          contentType: { $in: getConfig(strapi).types },
          ...(locale ? { entryLocale: locale } : {}),
        },
        orderBy: { id: 'asc' },
        limit: limit + 1,
      })) as ChangeRow[];
      return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
    },

    async findByCursors(cursors: number[]) {
      return (await strapi.db.query(CHANGE_UID).findMany({ where: { id: { $in: cursors } }, orderBy: { id: 'asc' } })) as ChangeRow[];
    },
  };
};
