// Document-service middleware on norms: a norm registered as promulgated gets the
// requests art. 44 asks for; publishing it on the website is the portal's publication.
import type { Core } from '@strapi/strapi';
import { NORM_UID } from '../constants';
import { getService } from '../utils';

const WRITES = ['create', 'update', 'publish'];

export const normLifecycle = (strapi: Core.Strapi) => async (context: any, next: () => Promise<any>) => {
  if (context.uid !== NORM_UID || !WRITES.includes(context.action)) return next();
  const result = await next();
  const documentId = result?.documentId ?? context.params?.documentId;
  if (!documentId) return result;
  const norm = await strapi.db.query(NORM_UID).findOne({
    where: { documentId },
    select: ['documentId', 'slug', 'normType', 'level', 'legalStatus', 'concernsAuthorityPay', 'requiresRatification', 'ratifiedBy'],
  });
  if (!norm) return result;
  const requests = getService('requests', strapi);
  await requests.ensureForNorm(norm);
  const published = context.action === 'publish' || context.params?.status === 'published';
  if (published) await requests.recordPortalPublication(documentId, `/normas/${norm.slug}`);
  return result;
};
