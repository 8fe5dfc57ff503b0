/**
 * The one rule for "what counts as an edit of a gated locale": any change to
 * what a locale would publish — its own fields, the shared (non-localised)
 * fields changed through another locale, its files, components and relations —
 * from any locale or path. It is measured, not guessed: the draft hash of every
 * locale of the documents a change may touch, before and after it; each locale
 * whose hash moved is an edit of that locale (workflow.recordEdit: its author
 * becomes an editor for four-eyes, a pending review goes back to draft, an
 * approval is voided). The paths that feed it: the document service on a gated
 * type (publication gate), the upload service and any write of a file a gated
 * document uses (./gated-files.ts), and deletions of documents a gated type
 * relates to (relatedDocuments below).
 */
import type { Core } from '@strapi/strapi';
import { currentActor, type Actor } from '../actor';
import { getService, targetKey } from '../utils';
import type { Target } from './workflow';

export interface DocumentRef {
  uid: string;
  documentId: string;
}

type Attribute = { type: string; target?: string; component?: string };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const hashes = () => getService(strapi, 'content-hash');
  const workflow = () => getService(strapi, 'workflow');
  const gatedTypes = () => (strapi.config.get('plugin::approval-workflow') as { gatedTypes: string[] }).gatedTypes;

  const unique = (documents: DocumentRef[]) => [...new Map(documents.map((d) => [`${d.uid}|${d.documentId}`, d])).values()];

  /** The draft hash of every locale of these documents. */
  async function snapshot(documents: DocumentRef[]) {
    const out = new Map<string, { target: Target; hash: string }>();
    for (const { uid, documentId } of unique(documents)) {
      for (const draft of await hashes().loadDrafts(uid, documentId)) {
        const target: Target = { uid, documentId, locale: workflow().isLocalized(uid) ? (draft.locale as string) : null };
        out.set(targetKey(uid, documentId, target.locale), { target, hash: hashes().hashOf(uid, draft) });
      }
    }
    return out;
  }

  /** Paths (through components) of the attributes of `uid` that satisfy `match`. */
  function pathsOf(uid: string, match: (attribute: Attribute) => boolean, prefix: string[] = [], depth = 0): string[][] {
    if (depth > 5) return [];
    const model: any = strapi.getModel(uid as any);
    return Object.entries((model?.attributes ?? {}) as Record<string, Attribute>).flatMap(([name, attribute]) => {
      if (match(attribute)) return [[...prefix, name]];
      if (attribute.type === 'component') return pathsOf(attribute.component!, match, [...prefix, name], depth + 1);
      return [];
    });
  }

  /** A where clause reaching `leaf` through a path of relations and components. */
  const through = (path: string[], leaf: Record<string, unknown>) => path.reduceRight<Record<string, unknown>>((acc, key) => ({ [key]: acc }), leaf);

  /** Gated documents whose rows (draft or published) satisfy `where` on one of the paths. */
  async function gatedDocumentsWhere(paths: (uid: string) => string[][], leaf: Record<string, unknown>) {
    const found: DocumentRef[] = [];
    for (const uid of gatedTypes()) {
      const list = paths(uid);
      if (!list.length) continue;
      const rows = await strapi.db.query(uid as any).findMany({ where: { $or: list.map((p) => through(p, leaf)) }, select: ['documentId'] });
      for (const row of rows) found.push({ uid, documentId: row.documentId });
    }
    return unique(found);
  }

  return {
    snapshot,
    pathsOf,
    gatedDocumentsWhere,

    /**
     * Runs `change` and records an edit of every locale of `documents` whose
     * content it changed (a locale it created counts too). In the caller's
     * transaction when there is one.
     */
    async track<T>(documents: DocumentRef[], change: () => Promise<T>, actor: Actor = currentActor(strapi)): Promise<T> {
      if (!documents.length) return change();
      const before = await snapshot(documents);
      const result = await change();
      await this.recordChanges(documents, before, actor);
      return result;
    },

    /** The second half of `track`, for hooks that see a change in two steps (database lifecycles). */
    async recordChanges(documents: DocumentRef[], before: Awaited<ReturnType<typeof snapshot>>, actor: Actor = currentActor(strapi)) {
      const after = await snapshot(documents);
      for (const [key, { target, hash }] of after) {
        if (before.get(key)?.hash !== hash) await workflow().recordEdit(target, actor);
        // Unchanged by this write, but changed behind the document service since the approval: void it too.
        else await workflow().revalidate(target, actor);
      }
    },

    /** Gated documents that relate to this document (any relation, through components): deleting it changes them. */
    relatedDocuments(uid: string, documentId: string) {
      return gatedDocumentsWhere(
        (gated) => pathsOf(gated, (a) => a.type === 'relation' && a.target === uid),
        { documentId }
      );
    },

    /** Gated types some relation of which points at `uid`. */
    isRelatedToGated: (uid: string) => gatedTypes().some((gated) => pathsOf(gated, (a) => a.type === 'relation' && a.target === uid).length > 0),
  };
};
