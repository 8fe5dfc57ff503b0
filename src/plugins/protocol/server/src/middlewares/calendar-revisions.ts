/**
 * Document-service middleware: after any write of a ceremony, the iCalendar feed's
 * revision of it follows what is published (SEQUENCE and DTSTAMP move only when the
 * published event changed). Every path goes through here: admin, Content API, scripts.
 */
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService } from '../utils/get-service';

const WRITES = ['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'];

export const calendarRevisions = (strapi: Core.Strapi) => async (context: any, next: () => Promise<any>) => {
  if (context.uid !== UIDS.ceremony || !WRITES.includes(context.action)) return next();
  const result = await next();
  const documentId: string | undefined = context.params?.documentId ?? result?.documentId;
  if (!documentId) return result;
  const calendar = getService(strapi, 'calendar');
  try {
    if (context.action === 'delete') await calendar.forgetRevision(documentId);
    else await calendar.recordRevision(documentId);
  } catch (error) {
    // The save itself succeeded; the feed keeps the previous revision until the next write.
    strapi.log.error(`protocol: could not record the calendar revision of ceremony ${documentId}: ${(error as Error).message}`);
  }
  return result;
};
