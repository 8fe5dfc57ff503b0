/**
 * The one rule every path goes through (admin Publish and bulk publish, the
 * Content API with any token, server code, the scheduler): a gated document
 * locale is published only if it is approved and its draft still has the
 * approved hash. Every write of a gated document goes through the edit
 * tracking (../services/edit-tracking.ts): a locale whose content it changed,
 * whichever locale was written, is an edit of that locale (approval voided,
 * review reset, its author an editor for four-eyes). Registered as a
 * document-service middleware in register().
 */
import type { Core } from '@strapi/strapi';
import { currentActor, inHttpRequest, isRetracting } from '../actor';
import { approvalRequired, commentRequired } from '../errors';
import { getService } from '../utils';

type Context = { uid: string; action: string; params: Record<string, any> };
type Next = () => Promise<any>;

export const createPublicationGate = (strapi: Core.Strapi) => {
  const workflow = () => getService(strapi, 'workflow');

  /** The locales a publish call touches: one, several (bulk), all drafts ('*') or none for non-localised types. */
  async function localesOf(uid: string, documentId: string, locale: unknown): Promise<Array<string | null>> {
    if (!workflow().isLocalized(uid)) return [null];
    if (locale === '*') return workflow().draftLocales(uid, documentId);
    if (Array.isArray(locale)) return locale;
    return [await workflow().resolveLocale(uid, locale as string | undefined)];
  }

  async function publish({ uid, params }: Context, next: Next) {
    return strapi.db.transaction(async () => {
      const checked = [];
      for (const locale of await localesOf(uid, params.documentId, params.locale)) {
        const publishable = await workflow().assertPublishable({ uid, documentId: params.documentId, locale });
        if (publishable) checked.push(publishable);
      }
      const result = await next();
      const actor = currentActor(strapi);
      for (const publishable of checked) await workflow().recordPublication(publishable, actor);
      return result;
    });
  }

  const tracking = () => getService(strapi, 'edit-tracking');

  /** A write of the document: every locale whose content it changed (shared fields too) is an edit of that locale. */
  async function tracked({ uid, params }: Context, next: Next) {
    if (!params?.documentId) return next();
    return strapi.db.transaction(() => tracking().track([{ uid, documentId: params.documentId }], next));
  }

  /** update(..., status: 'published'): save the draft, then publish through this same gate. */
  async function updateThenPublish(context: Context, next: Next) {
    const { status: _status, ...params } = context.params;
    context.params = params;
    return strapi.db.transaction(async () => {
      const draft = await tracking().track([{ uid: context.uid, documentId: params.documentId }], next);
      if (!draft) return draft;
      const { entries } = await strapi.documents(context.uid as any).publish({ ...params, documentId: params.documentId } as any);
      return entries[0];
    });
  }

  async function unpublish({ uid, params }: Context, next: Next) {
    if (isRetracting()) return next();
    if (inHttpRequest(strapi)) {
      throw commentRequired('retirar la publicación de un contenido sujeto a aprobación (use «Retirar publicación» en el panel de aprobación)');
    }
    return strapi.db.transaction(async () => {
      const result = await next();
      const actor = currentActor(strapi);
      const locales = new Set<string | null>((result?.entries ?? []).map((entry: any) => entry.locale ?? null));
      for (const locale of locales) await workflow().recordExternalUnpublish({ uid, documentId: params.documentId, locale }, actor);
      return result;
    });
  }

  return async (context: Context, next: Next) => {
    if (!workflow().isGated(context.uid)) return next();
    switch (context.action) {
      case 'publish':
        return publish(context, next);
      case 'create':
        // A new document has no approval yet: it can only be created as a draft.
        if (context.params?.status === 'published') throw approvalRequired(context.params.locale ?? null, 'draft', { reason: 'new-document' });
        return next();
      case 'update':
        return context.params?.status === 'published' ? updateThenPublish(context, next) : tracked(context, next);
      case 'discardDraft':
        return tracked(context, next);
      case 'unpublish':
        return unpublish(context, next);
      default:
        return next();
    }
  };
};

/**
 * Deleting a document a gated type relates to takes it out of the gated
 * documents that linked it: an edit of each of their locales.
 */
export const createRelatedDocumentsTracker = (strapi: Core.Strapi) => {
  const tracking = () => getService(strapi, 'edit-tracking');
  const gated = () => (strapi.config.get('plugin::approval-workflow') as { gatedTypes: string[] }).gatedTypes;
  return async (context: Context, next: Next) => {
    if (context.action !== 'delete' || gated().includes(context.uid) || !context.params?.documentId) return next();
    if (!tracking().isRelatedToGated(context.uid)) return next();
    const related = await tracking().relatedDocuments(context.uid, context.params.documentId);
    if (!related.length) return next();
    return strapi.db.transaction(() => tracking().track(related, next));
  };
};
