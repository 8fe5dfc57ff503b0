/**
 * Where the gated-files rule (../services/gated-files.ts) meets the upload
 * plugin: its service (replace, re-describe, delete: before the provider
 * touches a byte), every database write of a file, and the media library's
 * bulk move and bulk delete, checked whole before anything moves.
 */
import type { Core } from '@strapi/strapi';
import { FILE_UID } from '../services/gated-files';
import { getService } from '../utils';

const FOLDER_UID = 'plugin::upload.folder';

const ids = (values: unknown): number[] => (Array.isArray(values) ? values : [values]).map((v) => Number(v)).filter((v) => Number.isInteger(v) && v > 0);

export function guardUploadService(strapi: Core.Strapi) {
  const files = () => getService(strapi, 'gated-files');
  const service = strapi.plugin('upload').service('upload') as Record<string, (...args: any[]) => Promise<any>>;
  const { replace, updateFileInfo, remove } = service;
  service.replace = (id, args, opts) => files().change(ids(id), () => replace(id, args, opts));
  service.updateFileInfo = (id, info, opts) => files().change(ids(id), () => updateFileInfo(id, info, opts));
  service.remove = (file, ...rest) => files().change(ids(file?.id), () => remove(file, ...rest));
}

/** The files a database query on files touches. */
async function filesWhere(strapi: Core.Strapi, where: unknown): Promise<number[]> {
  if (!where) return [];
  const rows = await strapi.db.query(FILE_UID).findMany({ where: where as any, select: ['id'] });
  return rows.map((r: any) => r.id);
}

export function guardFileWrites(strapi: Core.Strapi) {
  const files = () => getService(strapi, 'gated-files');
  const tracking = () => getService(strapi, 'edit-tracking');
  const before = async (event: any) => {
    if (files().isGuarded()) return;
    const uses = await files().assertMayChange(await filesWhere(strapi, event.params?.where));
    if (uses.length) event.state.gatedFiles = { uses, snapshot: await tracking().snapshot(uses) };
  };
  const after = async (event: any) => {
    const seen = event.state?.gatedFiles;
    if (seen) await tracking().recordChanges(seen.uses, seen.snapshot);
  };
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    beforeUpdate: before,
    afterUpdate: after,
    beforeUpdateMany: before,
    afterUpdateMany: after,
    beforeDelete: before,
    afterDelete: after,
    beforeDeleteMany: before,
    afterDeleteMany: after,
  } as any);
}

/** The media library's bulk actions: every file they move or delete, folders' contents included, checked first. */
const guardBulkAction = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  const body = ctx.request?.body ?? {};
  const fileIds = ids(body.fileIds ?? []);
  const folderIds = ids(body.folderIds ?? []);
  if (folderIds.length) {
    const folders = await strapi.db.query(FOLDER_UID).findMany({ where: { id: { $in: folderIds } }, select: ['path'] });
    const paths = folders.map((f: any) => f.path as string);
    if (paths.length) {
      const inside = await strapi.db.query(FILE_UID).findMany({
        where: { $or: paths.flatMap((path) => [{ folderPath: { $eq: path } }, { folderPath: { $startsWith: `${path}/` } }]) },
        select: ['id'],
      });
      fileIds.push(...inside.map((f: any) => f.id));
    }
  }
  await getService(strapi, 'gated-files').assertMayChange(fileIds);
  return next();
};

export function guardBulkRoutes(strapi: Core.Strapi) {
  const routes: Array<{ method: string; path: string; config?: { middlewares?: unknown[] } }> = (strapi.plugin('upload').routes as any).admin.routes;
  for (const route of routes) {
    if (route.method !== 'POST' || !['/actions/bulk-move', '/actions/bulk-delete'].includes(route.path)) continue;
    route.config = { ...route.config, middlewares: [guardBulkAction(strapi), ...(route.config?.middlewares ?? [])] };
  }
}
