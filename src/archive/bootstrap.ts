// Start-up of the archive: the document-service middleware (register), and at
// bootstrap the archive-staff role, a database-level guard against duplicate
// files, and a search index matching the items.
import type { Core } from '@strapi/strapi';
import { grantRoleActions } from '../bootstrap/public-permissions';
import { createGrantsLedger } from '../bootstrap/grants-ledger';
import { ARCHIVE_STAFF_ACTIONS } from './access';
import { ADMIN_ROUTES } from './admin';
import { ARCHIVE_STAFF_ROLE, ARCHIVE_UID } from './constants';
import { registerArchiveDocumentMiddleware } from './document-middleware';
import { ensureSearchIndex } from './search';
import { skipRepeatedImageCheck } from './upload-check';
import { lockArchiveFiles, lockArchiveFilesInBulkDelete } from './file-lock';
import { keepPrivateFilesPrivate, PRIVATE_FILES_PATH, routePrivateUploads, signPrivateLinksOnReads } from './private-files';
import { privateStore } from './private-store';

/**
 * Admin users who read archive items in the content manager (the Archivo role,
 * the Gerente) download an item's original, EXIF and GPS included, here; the
 * admin's import page and near-duplicates panel call the routes of ./admin.ts.
 */
const registerArchiveAdminRoutes = (strapi: Core.Strapi) =>
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/media-archive/items/:documentId/original',
        handler: `${ARCHIVE_UID}.original`,
        config: {
          policies: [
            'admin::isAuthenticatedAdmin',
            { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.read', ARCHIVE_UID]] } },
          ],
        },
      },
      {
        // A private item's file through a short-lived signed link (src/archive/private-files.ts).
        method: 'GET',
        path: `${PRIVATE_FILES_PATH}:name`,
        handler: `${ARCHIVE_UID}.privateFile`,
        config: { auth: false },
      },
      ...ADMIN_ROUTES,
    ],
  } as any);

export function registerArchive(strapi: Core.Strapi) {
  routePrivateUploads(strapi);
  registerArchiveDocumentMiddleware(strapi);
  signPrivateLinksOnReads(strapi);
  registerArchiveAdminRoutes(strapi);
  lockArchiveFilesInBulkDelete(strapi);
}

async function ensureArchiveStaffRole(strapi: Core.Strapi) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  if (!(await roles.findOne({ where: { type: ARCHIVE_STAFF_ROLE } }))) {
    await roles.create({
      data: {
        type: ARCHIVE_STAFF_ROLE,
        name: 'Personal de archivo',
        description: 'Archivo de prensa, audio y fotografía: busca en todo el archivo, encuentra fotos parecidas e ingresa archivos por la API.',
      },
    });
  }
  await grantRoleActions(strapi, ARCHIVE_STAFF_ROLE, ARCHIVE_STAFF_ACTIONS, 'archive-staff-grants');
}

/** Two concurrent ingests of the same bytes cannot both win (the service checks first). */
async function ensureUniqueSha256(strapi: Core.Strapi) {
  const { tableName, attributes } = strapi.db.metadata.get(ARCHIVE_UID);
  const column = (attributes.sha256 as { columnName?: string }).columnName ?? 'sha256';
  try {
    await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${tableName}_sha256_unique ON ${tableName} (${column})`);
  } catch (error: any) {
    strapi.log.warn(`Archive: duplicate files already stored, no unique index on sha256 (${error.message}).`);
  }
}

/**
 * An archive keeps originals byte for byte (their sha256 is the duplicate key):
 * the media library's "size optimization" would re-encode every JPEG. Turned
 * off once; the responsive formats are still made. An admin may turn it back on.
 */
async function keepOriginals(strapi: Core.Strapi) {
  const ledger = await createGrantsLedger(strapi, 'archive-upload-settings');
  if (!ledger.isNew('size-optimization-off')) return;
  const upload = strapi.plugin('upload').service('upload');
  await upload.setSettings({ ...((await upload.getSettings()) ?? {}), sizeOptimization: false });
  await ledger.save();
}

export async function bootstrapArchive(strapi: Core.Strapi) {
  // A private store that would be public (a folder under public/) stops the start, not the first upload.
  strapi.log.info(`Archive: private store ${privateStore(strapi).describe('files')}`);
  skipRepeatedImageCheck(strapi);
  keepPrivateFilesPrivate(strapi);
  lockArchiveFiles(strapi);
  await keepOriginals(strapi);
  await ensureArchiveStaffRole(strapi);
  await ensureUniqueSha256(strapi);
  if (await ensureSearchIndex(strapi)) strapi.log.info('Archive: search index rebuilt.');
}
