/** Document-service middleware: publishing, unpublishing or deleting a ceremony queues the bodies' notices. */
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService } from '../utils/get-service';

const ACTIONS = ['publish', 'unpublish', 'delete'];

export const ceremonyNotices = (strapi: Core.Strapi) => async (context: any, next: () => Promise<any>) => {
  if (context.uid !== UIDS.ceremony || !ACTIONS.includes(context.action)) return next();
  const result = await next();
  const documentId = context.params?.documentId;
  if (documentId) await getService(strapi, 'notices').enqueueFor(documentId);
  return result;
};
