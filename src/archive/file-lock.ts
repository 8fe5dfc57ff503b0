/**
 * An archive item's file changes through its item, never through the media library:
 * new bytes would leave the item's sha256, perceptual hash, EXIF and kept original
 * describing another file, and a deleted file would leave an item without the file
 * it archives. Every door of the media library and of /api/upload ends in the upload
 * service's `replace` or `remove` (bulk and folder deletes call `remove` file by file),
 * so both refuse a file an item holds, unless the archive itself is the caller. The
 * media library's bulk delete is checked whole first, so that it deletes all or nothing.
 * Delete the item first, and its file may go.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARCHIVE_UID, ERROR_CODES } from './constants';

const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';

const archiveOwned = new AsyncLocalStorage<true>();

/** Runs the archive's own change of an item's file (the lock does not apply). */
export const asArchive = <T>(work: () => Promise<T>) => archiveOwned.run(true, work);

const ids = (values: unknown): number[] =>
  (Array.isArray(values) ? values : [values]).map((v) => Number(v)).filter((v) => Number.isInteger(v) && v > 0);

const archiveFileLocked = (count: number) =>
  Object.assign(
    new errors.PolicyError(
      count === 1
        ? 'Este archivo pertenece a un elemento del archivo de prensa: se cambia o se elimina desde su ficha del archivo, no desde la biblioteca de medios.'
        : `${count} de estos archivos pertenecen a elementos del archivo de prensa: se cambian o se eliminan desde sus fichas del archivo, no desde la biblioteca de medios. No se eliminó nada.`,
      { code: ERROR_CODES.fileLocked }
    ),
    { name: 'ForbiddenError' }
  );

/** Throws when an archive item holds one of these files (server code and the archive itself pass). */
async function assertNotArchived(strapi: Core.Strapi, fileIds: number[]) {
  if (!fileIds.length || archiveOwned.getStore() || !strapi.requestContext.get()) return;
  const held = await strapi.db.query(ARCHIVE_UID).count({ where: { file: { id: { $in: fileIds } } } });
  if (held) throw archiveFileLocked(held);
}

/** The files inside these folders and their subfolders. */
async function filesInFolders(strapi: Core.Strapi, folderIds: number[]): Promise<number[]> {
  if (!folderIds.length) return [];
  const folders = await strapi.db.query(FOLDER_UID).findMany({ where: { id: { $in: folderIds } }, select: ['path'] });
  if (!folders.length) return [];
  const inside = await strapi.db.query(FILE_UID).findMany({
    where: { $or: folders.flatMap(({ path }: { path: string }) => [{ folderPath: { $eq: path } }, { folderPath: { $startsWith: `${path}/` } }]) },
    select: ['id'],
  });
  return inside.map((file: { id: number }) => file.id);
}

/** Register: the media library's bulk delete, checked whole before anything is deleted. */
export function lockArchiveFilesInBulkDelete(strapi: Core.Strapi) {
  const routes: Array<{ method: string; path: string; config?: { middlewares?: unknown[] } }> = (strapi.plugin('upload').routes as any).admin.routes;
  const route = routes.find((r) => r.method === 'POST' && r.path === '/actions/bulk-delete');
  if (!route) throw new Error('archive: the upload plugin has no bulk-delete route to guard');
  const check = async (ctx: any, next: () => Promise<unknown>) => {
    const body = ctx.request?.body ?? {};
    await assertNotArchived(strapi, [...ids(body.fileIds ?? []), ...(await filesInFolders(strapi, ids(body.folderIds ?? [])))]);
    return next();
  };
  route.config = { ...route.config, middlewares: [check, ...(route.config?.middlewares ?? [])] };
}

/** Bootstrap: the upload service's replace and remove refuse an archive item's file. */
export function lockArchiveFiles(strapi: Core.Strapi) {
  const upload = strapi.plugin('upload').service('upload') as Record<string, (...args: any[]) => Promise<any>>;
  const { replace, remove } = upload;
  upload.replace = async (id, ...rest) => {
    await assertNotArchived(strapi, ids(id));
    return replace(id, ...rest);
  };
  upload.remove = async (file, ...rest) => {
    await assertNotArchived(strapi, ids(file?.id));
    return remove(file, ...rest);
  };
}
