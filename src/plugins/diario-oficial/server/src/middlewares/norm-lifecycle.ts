// Document-service middleware on norms: a norm registered as promulgated gets the
// requests art. 44 asks for; publishing it on the website is the portal's publication;
// a norm deleted (in the delete's transaction), or taken back from promulgated to
// draft, has its live requests cancelled, with the reason in their audit chains.
import type { Core } from '@strapi/strapi';
import { NORM_UID } from '../constants';
import { getService } from '../utils';
import type { Actor } from '../services/requests';

const WRITES = ['create', 'update', 'publish'];
/** Statuses of a norm that was never (or is no longer) promulgated. */
const NOT_PROMULGATED = ['draft', 'prepublished'];

export const DELETED_REASON = 'La norma fue eliminada; ya no hay nada que publicar.';
export const UNPROMULGATED_REASON = 'La norma volvió a un estado anterior a la promulgación.';

/** The admin user behind the call, when there is one (the audit chain names them). */
const currentUser = (strapi: Core.Strapi): Actor | null => {
  const user = (strapi.requestContext.get() as any)?.state?.user;
  return user && (user.firstname !== undefined || user.email) ? { id: user.id, firstname: user.firstname, lastname: user.lastname, email: user.email } : null;
};

const legalStatusOf = async (strapi: Core.Strapi, documentId: string) =>
  ((await strapi.db.query(NORM_UID).findOne({ where: { documentId }, select: ['legalStatus'] })) as { legalStatus: string } | null)?.legalStatus ?? null;

export const normLifecycle = (strapi: Core.Strapi) => async (context: any, next: () => Promise<any>) => {
  if (context.uid !== NORM_UID) return next();
  const requests = getService('requests', strapi);

  if (context.action === 'delete') {
    // The cancellations commit or roll back with the deletion.
    const documentId = context.params?.documentId;
    return strapi.db.transaction(async () => {
      const result = await next();
      // Deleting one locale leaves the norm; only the last one takes the requests with it.
      if (documentId && !(await strapi.db.query(NORM_UID).count({ where: { documentId } }))) {
        await requests.cancelForNorm(documentId, DELETED_REASON, currentUser(strapi));
      }
      return result;
    });
  }

  if (!WRITES.includes(context.action)) return next();
  const before = context.action === 'update' && context.params?.documentId ? await legalStatusOf(strapi, context.params.documentId) : null;
  const result = await next();
  const documentId = result?.documentId ?? context.params?.documentId;
  if (!documentId) return result;
  const norm = await strapi.db.query(NORM_UID).findOne({
    where: { documentId },
    select: ['documentId', 'slug', 'normType', 'level', 'legalStatus', 'concernsAuthorityPay', 'requiresRatification', 'ratifiedBy'],
  });
  if (!norm) return result;
  if (before && !NOT_PROMULGATED.includes(before) && NOT_PROMULGATED.includes(norm.legalStatus)) {
    await requests.cancelForNorm(documentId, UNPROMULGATED_REASON, currentUser(strapi));
    return result;
  }
  await requests.ensureForNorm(norm);
  const published = context.action === 'publish' || context.params?.status === 'published';
  if (published) await requests.recordPortalPublication(documentId, `/normas/${norm.slug}`);
  return result;
};
