/**
 * The fingerprint an approval binds to: sha256 of the canonical JSON of a
 * draft's content fields. Ids, timestamps, authorship, locale and workflow
 * data are left out; relations count by documentId, media by file id and
 * hash, components recursively without their ids.
 */
import type { Core } from '@strapi/strapi';
import { NON_CONTENT_FIELDS } from '../constants';
import { canonicalJson, sha256 } from '../utils';

type Attribute = { type: string; relation?: string; multiple?: boolean; repeatable?: boolean; component?: string; components?: string[] };
type Model = { attributes: Record<string, Attribute> };
type Row = Record<string, any>;

const isContentField = (name: string) => !(NON_CONTENT_FIELDS as readonly string[]).includes(name);

const normalizeDate = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => strapi.getModel(uid as any) as unknown as Model;

  /** Database populate that loads exactly what the hash needs. */
  function populateFor(uid: string): Record<string, unknown> {
    const populate: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (!isContentField(name)) continue;
      if (attribute.type === 'relation') populate[name] = { select: ['id', 'documentId'] };
      else if (attribute.type === 'media') populate[name] = { select: ['id', 'hash'] };
      else if (attribute.type === 'component') populate[name] = { populate: populateFor(attribute.component!) };
      else if (attribute.type === 'dynamiczone') {
        populate[name] = { on: Object.fromEntries(attribute.components!.map((c) => [c, { populate: populateFor(c) }])) };
      }
    }
    return populate;
  }

  function canonicalValue(attribute: Attribute, value: any): unknown {
    const many = (fn: (v: any) => unknown) => (Array.isArray(value) ? value.map(fn) : value ? fn(value) : null);
    switch (attribute.type) {
      case 'relation':
        return many((r) => r.documentId ?? r.id);
      case 'media':
        return many((f) => ({ id: f.id, hash: f.hash }));
      case 'component':
        return many((c) => canonicalContent(attribute.component!, c));
      case 'dynamiczone':
        return (value ?? []).map((c: Row) => ({ __component: c.__component, ...canonicalContent(c.__component, c) }));
      case 'datetime':
        return normalizeDate(value);
      case 'boolean':
        return value === null || value === undefined ? null : Boolean(value);
      default:
        return value ?? null;
    }
  }

  /** The content of an entry (draft row or component) as a plain, ordered object. */
  function canonicalContent(uid: string, entry: Row): Row {
    const content: Row = {};
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (!isContentField(name)) continue;
      content[name] = canonicalValue(attribute, entry[name]);
    }
    return content;
  }

  const localeWhere = (uid: string, locale: string | null) => (locale && model(uid).attributes.locale ? { locale } : {});

  return {
    canonicalContent,

    hashOf(uid: string, entry: Row) {
      return sha256(canonicalJson(canonicalContent(uid, entry)));
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
