// Thin admin controllers of the versions store: what changed, the versions, restoring one.
import type { Core } from '@strapi/strapi';
import { PERMISSIONS } from '../constants';
import { adminActor } from '../actor';
import { forbidden, notFound } from '../errors';
import { getService } from '../utils';
import { validateChangesQuery, validateRestoreBody, validateTargetQuery, validateVersionParams } from '../validation/versions';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService(strapi, 'workflow');
  const versions = () => getService(strapi, 'versions');

  /**
   * The target of the request, once the caller may read its content: the approval `read`
   * permission (route policy) is not enough to see a document's fields.
   */
  async function readableTarget(ctx: any, locale?: string) {
    const { uid, documentId } = ctx.params;
    if (!workflow().isGated(uid)) throw notFound('Este tipo de contenido no está sujeto a aprobación.');
    const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model: uid });
    if (checker.cannot.read()) throw forbidden('Su rol no permite leer este tipo de contenido.');
    return { target: { uid, documentId, locale: await workflow().resolveLocale(uid, locale) }, checker };
  }

  return {
    async list(ctx: any) {
      const { locale } = (await validateTargetQuery(ctx.query)) as { locale?: string };
      const { target } = await readableTarget(ctx, locale);
      if ((await getService(strapi, 'content-hash').draftHash(target.uid, target.documentId, target.locale)) === null) {
        throw notFound('No existe este documento en el idioma indicado.');
      }
      ctx.body = { data: await versions().list(target) };
    },

    async changes(ctx: any) {
      const { locale, against } = (await validateChangesQuery(ctx.query)) as { locale?: string; against?: number };
      const { target, checker } = await readableTarget(ctx, locale);
      // Only fields this role may read in the content manager.
      ctx.body = { data: await versions().changes(target, against ?? null, checker) };
    },

    async restore(ctx: any) {
      const { versionId } = (await validateVersionParams(ctx.params)) as { versionId: number };
      const { locale } = (await validateTargetQuery(ctx.query)) as { locale?: string };
      const { comment } = (await validateRestoreBody(ctx.request.body ?? {})) as { comment?: string | null };
      const { target } = await readableTarget(ctx, locale);
      if (!ctx.state.userAbility.can(PERMISSIONS.review)) throw forbidden('Solo quien revisa (Gerencia) puede restaurar una versión aprobada.');
      const result = await versions().restore({ target, versionId, actor: adminActor(ctx.state.user), userAbility: ctx.state.userAbility, comment });
      ctx.body = { data: { ...result, status: await workflow().status(target.uid, target.documentId, target.locale) } };
    },
  };
};
