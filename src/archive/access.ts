// Archive staff on the Content API: a full-access token (the back office) or a
// user of the users-permissions role `archive-staff`. They search every item
// and may look for near-duplicates; everybody else searches public items only.
import type { Core } from '@strapi/strapi';
import { isRestrictedCaller, visibleRows } from '../access/content-api';
import { ARCHIVE_STAFF_ROLE } from './constants';

type Auth = Parameters<typeof isRestrictedCaller>[0] & { credentials?: { role?: { type?: string } } };

export const isArchiveStaff = (auth: Auth | undefined) =>
  !isRestrictedCaller(auth) || (auth?.strategy?.name === 'users-permissions' && auth.credentials?.role?.type === ARCHIVE_STAFF_ROLE);

const action = (name: string) => `api::media-archive-item.media-archive-item.${name}`;

/**
 * What the archive-staff role may do on the Content API (granted once at bootstrap,
 * editable after). Reading ceremonies lets an ingest link its item to one.
 */
export const ARCHIVE_STAFF_ACTIONS = [
  ...['find', 'findOne', 'search', 'similar', 'ingest', 'original'].map(action),
  'api::ceremony.ceremony.find',
  'api::ceremony.ceremony.findOne',
];

const CEREMONY_UID = 'api::ceremony.ceremony';

/** Whether a restricted caller may see this ceremony (the Content API's rule for its rows). */
export async function isVisibleCeremony(strapi: Core.Strapi, documentId: string) {
  const rules = visibleRows(strapi.getModel(CEREMONY_UID) as any);
  return (await strapi.db.query(CEREMONY_UID).count({ where: { documentId, $and: rules } })) > 0;
}
