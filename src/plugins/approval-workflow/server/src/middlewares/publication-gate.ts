/**
 * The one rule every path goes through (admin Publish and bulk publish, the
 * Content API with any token, server code, the scheduler): a gated document
 * locale is published only if it is approved and its draft still has the
 * approved hash. Edits that change the hash void the approval. Registered as
 * a document-service middleware in register().
 */
import type { Core } from '@strapi/strapi';
import { STATE_UID } from '../constants';
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

  /** Any locale whose approval the (possibly shared, non-localised) fields just changed is voided. */
  async function revalidateDocument(uid: string, documentId: string) {
    const rows = await strapi.db.query(STATE_UID).findMany({
      where: { targetUid: uid, targetDocumentId: documentId, state: { $in: ['approved', 'published'] } },
      select: ['targetLocale'],
    });
    const actor = currentActor(strapi);
    for (const row of rows) await workflow().revalidate({ uid, documentId, locale: row.targetLocale ?? null }, actor);
  }

  async function thenRevalidate({ uid, params }: Context, next: Next) {
    return strapi.db.transaction(async () => {
      const result = await next();
      if (result) await revalidateDocument(uid, params.documentId);
      return result;
    });
  }

  /** update(..., status: 'published'): save the draft, then publish through this same gate. */
  async function updateThenPublish(context: Context, next: Next) {
    const { status: _status, ...params } = context.params;
    context.params = params;
    return strapi.db.transaction(async () => {
      const draft = await next();
      if (!draft) return draft;
      await revalidateDocument(context.uid, params.documentId);
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
        return context.params?.status === 'published' ? updateThenPublish(context, next) : thenRevalidate(context, next);
      case 'discardDraft':
        return thenRevalidate(context, next);
      case 'unpublish':
        return unpublish(context, next);
      default:
        return next();
    }
  };
};
