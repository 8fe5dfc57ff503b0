/**
 * Turns change rows into feed items: `entry` is the published version of the
 * locale as the caller's token may read it through the Content API (same
 * sanitizer), or null for tombstones and for anything the caller may not see.
 */
import type { Core } from '@strapi/strapi';
import { VISIBILITY_FLAG } from '../../../../../access/content-api';
import { CHANGE_ACTIONS } from '../constants';
import { describeChange, type ChangeRow } from './change-log';

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

  /** The current visible versions for the upserts of a page, a query per type and locale. */
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
      const schema = model(uid);
      const found = await strapi.documents(uid as any).findMany({
        filters: {
          documentId: { $in: [...documentIds] },
          ...(schema.attributes[VISIBILITY_FLAG] ? { [VISIBILITY_FLAG]: true } : {}),
        },
        ...(locale ? { locale } : {}),
        status: 'published',
        populate: populateFor(uid),
        limit: documentIds.size,
      } as any);
      // One sanitizer run for the whole group: same result as per entry, set up once.
      const sanitized = (await strapi.contentAPI.sanitize.output(found, schema, { auth } as any)) as Array<Record<string, unknown>>;
      sanitized.forEach((entry, index) => entries.set(key(uid, locale, found[index].documentId), entry));
    }
    return entries;
  }

  return {
    populateFor,

    async toItems(rows: ChangeRow[], auth: unknown): Promise<FeedItem[]> {
      const entries = await loadEntries(rows, auth);
      return rows.map((row) => ({
        ...describeChange(row),
        entry: row.action === CHANGE_ACTIONS.upsert ? entries.get(key(row.contentType, row.entryLocale, row.entryDocumentId)) ?? null : null,
      }));
    },
  };
};
