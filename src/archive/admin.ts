// What the admin's archive pages call (src/admin/archive): ingest a file as staff do
// with `npm run archive:import`, and the near-duplicates of an item. Admin routes
// (JWT of an admin user) behind the content manager's own permissions on archive
// items, so a role that cannot create or read them in the content manager cannot here.
import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { ARCHIVE_UID, KINDS } from './constants';
import { missingFile } from './errors';
import { parseIngestData, parseMaxDistance } from './validation';
import { withPrivateLinks } from './private-files';
import { archiveConfig, type ArchiveService } from './service';

const CM_READ = 'plugin::content-manager.explorer.read';
const CM_CREATE = 'plugin::content-manager.explorer.create';
const RIGHTS = ['own', 'ceded', 'cc-by', 'cc-by-sa', 'cc0', 'public-domain', 'all-rights-reserved'];

const guarded = (method: string, path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [[action, ARCHIVE_UID]] } }],
  },
});

/** The archive's admin routes, beside the original's (src/archive/bootstrap.ts). */
export const ADMIN_ROUTES = [
  guarded('POST', '/media-archive/items/ingest', `${ARCHIVE_UID}.adminIngest`, CM_CREATE),
  guarded('GET', '/media-archive/items/:documentId/similar', `${ARCHIVE_UID}.adminSimilar`, CM_READ),
];

/** The fields an admin import sets for every file (the rest is derived from the file). */
const validateIngestFields = validateYupSchema(
  yup
    .object({
      kind: yup.string().oneOf(KINDS).required(),
      title: yup.string().trim().max(255),
      description: yup.string().max(10000),
      credit: yup.string().max(255),
      place: yup.string().max(255),
      rights: yup.string().oneOf(RIGHTS),
      tags: yup.array().of(yup.string().required()).max(20),
      isPublic: yup.boolean(),
    })
    .noUnknown()
);

const validDocumentId = validateYupSchema(yup.string().required().matches(/^[a-z0-9]{1,64}$/, 'identificador de documento no válido'));

const service = (strapi: Core.Strapi) => strapi.service(ARCHIVE_UID) as unknown as ArchiveService;

type Item = Record<string, any>;

/** Small picture of an item for the admin's lists: the thumbnail when there is one. */
const thumbnailOf = (file: Item | null | undefined) => (file ? (file.formats?.thumbnail?.url ?? (String(file.mime ?? '').startsWith('image/') ? file.url : null)) : null);

const summary = (item: Item) => ({
  id: item.id,
  documentId: item.documentId,
  title: item.title ?? null,
  kind: item.kind,
  isPublic: Boolean(item.isPublic),
  sha256: item.sha256 ?? null,
  width: item.width ?? null,
  height: item.height ?? null,
  fileName: item.file?.name ?? null,
  thumbnailUrl: thumbnailOf(item.file),
});

export async function similarView(strapi: Core.Strapi, documentId: string, maxDistanceParam: unknown) {
  const maxDistance = parseMaxDistance(maxDistanceParam, archiveConfig(strapi).similar);
  const matches = await service(strapi).similarTo(await validDocumentId(documentId), maxDistance);
  const items = (await service(strapi).itemsInOrder(
    matches.map((m) => m.id),
    false
  )) as Item[];
  const distance = new Map(matches.map((m) => [m.documentId, m.distance]));
  // Loaded through the query engine (no document middleware): the private items' thumbnails are signed here.
  return { data: withPrivateLinks(strapi, items).map((item) => ({ ...summary(item), distance: distance.get(item.documentId) })), meta: { maxDistance } };
}

/** One file of an admin import: the archive's one ingest (checks, derived fields, public copy), then its near-duplicates. */
export async function adminIngest(strapi: Core.Strapi, files: Record<string, unknown> | undefined, body: Record<string, unknown> | undefined) {
  const file = [files?.file ?? files?.files].flat()[0] as { filepath: string; originalFilename?: string | null } | undefined;
  if (!file) throw missingFile();
  const raw = parseIngestData(body?.data);
  if (typeof raw.tags === 'string') raw.tags = raw.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
  const fields = (await validateIngestFields(raw)) as Item;
  if (!fields.title) fields.title = String(file.originalFilename ?? '').replace(/\.[^.]+$/, '') || 'Sin título';
  const created = (await service(strapi).ingestFile({ filepath: file.filepath, originalFilename: file.originalFilename ?? '' }, fields)) as Item;
  const item = (await strapi.documents(ARCHIVE_UID).findOne({ documentId: created.documentId, populate: ['file'] } as any)) as Item | null;
  if (!item) throw new errors.ApplicationError('El elemento se creó pero no se pudo leer.');
  const { data: similar } = await similarView(strapi, item.documentId, undefined);
  return { data: summary(withPrivateLinks(strapi, item)), meta: { similar } };
}
