// Thin admin controllers: validate the request, check the transition's permission, call the services.
import type { Core } from '@strapi/strapi';
import { PERMISSIONS, type UserAction } from '../constants';
import { adminActor } from '../actor';
import { forbidden, notFound } from '../errors';
import { getService } from '../utils';
import { validateActionBody, validateActionParams, validateQueueQuery, validateStatusParams, validateTargetQuery } from '../validation/approvals';

/** The permission each user action needs (on top of `read`, checked by the route). */
const PERMISSION_FOR: Record<UserAction, string> = {
  submit: PERMISSIONS.submit,
  withdraw: PERMISSIONS.submit,
  approve: PERMISSIONS.review,
  'request-changes': PERMISSIONS.review,
  unpublish: PERMISSIONS.review,
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => getService(strapi, 'workflow');
  const assertGated = (uid: string) => {
    if (!workflow().isGated(uid)) throw notFound('Este tipo de contenido no está sujeto a aprobación.');
  };

  return {
    /** What the admin panel needs to know: which types are gated, and the four-eyes setting. */
    async config(ctx: any) {
      const { gatedTypes, selfApproval } = strapi.config.get('plugin::approval-workflow') as { gatedTypes: string[]; selfApproval: string };
      ctx.body = { data: { gatedTypes, selfApproval } };
    },

    async status(ctx: any) {
      const { uid, documentId } = (await validateStatusParams(ctx.params)) as { uid: string; documentId: string };
      const { locale } = await validateTargetQuery(strapi, ctx.query);
      assertGated(uid);
      ctx.body = { data: await workflow().status(uid, documentId, locale) };
    },

    async act(ctx: any) {
      const { uid, documentId, action } = (await validateActionParams(ctx.params)) as { uid: string; documentId: string; action: UserAction };
      const { locale } = await validateTargetQuery(strapi, ctx.query);
      assertGated(uid);
      const body = (await validateActionBody(ctx.request.body ?? {})) as { comment?: string; publishAt?: Date; expectedHash?: string };
      if (!ctx.state.userAbility.can(PERMISSION_FOR[action])) throw forbidden('Su rol no permite esta acción del flujo de aprobación.');
      await workflow().act({ uid, documentId, locale, action, actor: adminActor(ctx.state.user), ...body });
      ctx.body = { data: await workflow().status(uid, documentId, locale) };
    },

    async queue(ctx: any) {
      const query = await validateQueueQuery(strapi, ctx.query);
      if (query.uid) assertGated(query.uid);
      ctx.body = { data: await getService(strapi, 'inbox').list(query) };
    },
  };
};
