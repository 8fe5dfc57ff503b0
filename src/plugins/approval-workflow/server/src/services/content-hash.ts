/**
 * The fingerprint an approval binds to: sha256 of the canonical JSON of a
 * draft's content fields. Ids, timestamps, authorship, locale and workflow
 * data are left out; relations count by documentId, components recursively
 * without their ids, and files by what the public gets of them: id, stored
 * name, the sha256 of their bytes (kept on each file by the upload guard,
 * src/extensions/upload), name, caption and alternative text. Replacing or
 * re-describing a file therefore changes the hash of every draft that uses it.
 *
 * Format 1 (before files counted by bytes and description) counted a file by
 * id and stored name only; `legacyHashOf` still computes it, so that approvals
 * of unchanged content carry over to format 2 (./hash-format.ts).
 */
import type { Core } from '@strapi/strapi';
import { NON_CONTENT_FIELDS } from '../constants';
import { canonicalJson, sha256 } from '../utils';

type Attribute = { type: string; relation?: string; multiple?: boolean; repeatable?: boolean; component?: string; components?: string[] };
type Model = { attributes: Record<string, Attribute> };
type Row = Record<string, any>;

export const HASH_FORMAT = 2;

/** What a file contributes to the hash (format 2). */
const FILE_FIELDS = ['id', 'hash', 'sha256', 'name', 'caption', 'alternativeText'];
const LEGACY_FILE_FIELDS = ['id', 'hash'];

const isContentField = (name: string) => !(NON_CONTENT_FIELDS as readonly string[]).includes(name);

const normalizeDate = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => strapi.getModel(uid as any) as unknown as Model;
  /** The bytes hash exists where the upload guard is installed; without it a file counts by the rest. */
  const fileSelect = () => FILE_FIELDS.filter((f) => f === 'id' || (strapi.getModel('plugin::upload.file') as any)?.attributes?.[f]);

  /** Database populate that loads exactly what the hash needs. */
  function populateFor(uid: string): Record<string, unknown> {
    const populate: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (!isContentField(name)) continue;
      if (attribute.type === 'relation') populate[name] = { select: ['id', 'documentId'] };
      else if (attribute.type === 'media') populate[name] = { select: fileSelect() };
      else if (attribute.type === 'component') populate[name] = { populate: populateFor(attribute.component!) };
      else if (attribute.type === 'dynamiczone') {
        populate[name] = { on: Object.fromEntries(attribute.components!.map((c) => [c, { populate: populateFor(c) }])) };
      }
    }
    return populate;
  }

  function canonicalValue(attribute: Attribute, value: any, fileFields: string[]): unknown {
    const many = (fn: (v: any) => unknown) => (Array.isArray(value) ? value.map(fn) : value ? fn(value) : null);
    switch (attribute.type) {
      case 'relation':
        return many((r) => r.documentId ?? r.id);
      case 'media':
        return many((f) => Object.fromEntries(fileFields.map((field) => [field, f[field] ?? null])));
      case 'component':
        return many((c) => contentOf(attribute.component!, c, fileFields));
      case 'dynamiczone':
        return (value ?? []).map((c: Row) => ({ __component: c.__component, ...contentOf(c.__component, c, fileFields) }));
      case 'datetime':
        return normalizeDate(value);
      case 'boolean':
        return value === null || value === undefined ? null : Boolean(value);
      default:
        return value ?? null;
    }
  }

  function contentOf(uid: string, entry: Row, fileFields: string[]): Row {
    const content: Row = {};
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (!isContentField(name)) continue;
      content[name] = canonicalValue(attribute, entry[name], fileFields);
    }
    return content;
  }

  /** The content of an entry (draft row or component) as a plain, ordered object. */
  function canonicalContent(uid: string, entry: Row): Row {
    return contentOf(uid, entry, FILE_FIELDS);
  }

  const localeWhere = (uid: string, locale: string | null) => (locale && model(uid).attributes.locale ? { locale } : {});

  return {
    canonicalContent,

    hashOf(uid: string, entry: Row) {
      return sha256(canonicalJson(canonicalContent(uid, entry)));
    },

    /** The format-1 hash of the same entry (files by id and stored name only), for carrying approvals over. */
    legacyHashOf(uid: string, entry: Row) {
      return sha256(canonicalJson(contentOf(uid, entry, LEGACY_FILE_FIELDS)));
    },

    /** Every locale's draft of a document, loaded at once, with what the hash needs. */
    async loadDrafts(uid: string, documentId: string): Promise<Row[]> {
      return strapi.db.query(uid as any).findMany({
        where: { documentId, publishedAt: null },
        populate: { ...populateFor(uid), updatedBy: { select: ['id'] } },
      });
    },

    /** The draft row of one locale with what the hash and the four-eyes rule need. */
    async loadDraft(uid: string, documentId: string, locale: string | null): Promise<Row | null> {
      return strapi.db.query(uid as any).findOne({
        where: { documentId, publishedAt: null, ...localeWhere(uid, locale) },
        populate: { ...populateFor(uid), updatedBy: { select: ['id'] } },
      });
    },

    /** The published row of one locale, loaded like a draft (the versions store's baseline when it has none kept). */
    async loadPublished(uid: string, documentId: string, locale: string | null): Promise<Row | null> {
      return strapi.db.query(uid as any).findOne({ where: { documentId, publishedAt: { $notNull: true }, ...localeWhere(uid, locale) }, populate: populateFor(uid) });
    },

    /** Hash of the current draft of one locale, or null when that locale has no draft. */
    async draftHash(uid: string, documentId: string, locale: string | null) {
      const draft = await this.loadDraft(uid, documentId, locale);
      return draft ? this.hashOf(uid, draft) : null;
    },
  };
};
