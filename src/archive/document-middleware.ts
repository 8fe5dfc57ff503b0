// Every write of an archive item, whoever makes it (content manager, REST,
// import, code), goes through here: derived fields are never taken from the
// input but computed from the file, a duplicate is refused, a file chosen in
// the media library is replaced by its public copy (original kept privately),
// the file is where the item's visibility says (public place or private
// store, ./private-files.ts), and the search index and the near-duplicate
// index follow the item.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ARCHIVE_UID } from './constants';
import { missingFile } from './errors';
import { PRE_INSPECTED, assertKind, derivedFields, stripDerivedFields, type ArchiveService } from './service';
import { reindexDocument, unindexItem } from './search';
import { placeItemFile, withPrivateLinks } from './private-files';
import type { InspectedFile } from './inspect';

type Params = Record<string | symbol, any> & { data?: Record<string, any>; documentId?: string };

/** The media id in any shape the document service accepts for a single media field. */
const mediaId = (value: unknown): number | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (Array.isArray(value)) return mediaId(value[0]) ?? null;
  if (typeof value === 'object') return mediaId((value as { id?: unknown }).id);
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
};

async function current(strapi: Core.Strapi, documentId: string | undefined) {
  if (!documentId) return null;
  return strapi.db.query(ARCHIVE_UID).findOne({
    where: { documentId },
    select: ['id', 'documentId', 'kind', 'sha256', 'capturedAt'],
    populate: { file: { select: ['id'] } },
  });
}

/**
 * Fills the derived fields into `params.data` when the file or the kind changed;
 * returns the sha256 the item had before, when its file changed.
 */
async function derive(strapi: Core.Strapi, service: ArchiveService, params: Params, isCreate: boolean): Promise<string | undefined> {
  const data = stripDerivedFields((params.data ??= {}));
  const preInspected = params[PRE_INSPECTED] as InspectedFile | undefined;
  delete params[PRE_INSPECTED];

  const before = isCreate ? null : await current(strapi, params.documentId);
  const fileId = 'file' in data ? mediaId(data.file) : before?.file?.id;
  const kind = data.kind ?? before?.kind;
  const unchanged = before && before.sha256 && fileId === before.file?.id && kind === before.kind;
  if (unchanged) return;
  if (!fileId) {
    if (isCreate || 'file' in data) throw missingFile();
    return;
  }
  const inspected = preInspected ?? (await service.inspectStoredFile(fileId, assertKind(kind)));
  await service.assertNotArchived(inspected.sha256, params.documentId);
  // ingestFile uploaded the public copy already; a media-library file may still carry GPS.
  if (!preInspected) await service.publishStoredFile(fileId, inspected);
  Object.assign(data, derivedFields(inspected, 'capturedAt' in data ? data.capturedAt : before?.capturedAt));
  return before?.sha256 !== inspected.sha256 ? before?.sha256 : undefined;
}

/** The item's file goes where its (written, not yet committed) visibility says; the answer shows where it is now. */
async function placeFile(strapi: Core.Strapi, written: { documentId: string; file?: unknown }, hooks: Parameters<typeof placeItemFile>[3]) {
  const item = await strapi.db.query(ARCHIVE_UID).findOne({ where: { documentId: written.documentId }, select: ['isPublic'], populate: { file: { select: ['id'] } } });
  if (!item?.file?.id) return;
  const placed = await placeItemFile(strapi, item.file.id, item.isPublic === true, hooks);
  const shown = written.file as { id?: number } | undefined;
  if (placed && shown && typeof shown === 'object' && shown.id === item.file.id) Object.assign(shown, withPrivateLinks(strapi, placed));
}

export function registerArchiveDocumentMiddleware(strapi: Core.Strapi) {
  const service = () => strapi.service(ARCHIVE_UID) as unknown as ArchiveService;

  strapi.documents.use(async (context, next): Promise<any> => {
    if (context.uid !== ARCHIVE_UID || !['create', 'update', 'delete'].includes(context.action)) return next();
    const params = context.params as Params;

    if (context.action === 'delete') {
      const rows = await strapi.db.query(ARCHIVE_UID).findMany({ where: { documentId: params.documentId }, select: ['id', 'sha256'] });
      const result = await strapi.db.transaction(async ({ trx }) => {
        const deleted = await next();
        for (const { id } of rows) await unindexItem(strapi, id, trx as Knex.Transaction);
        service().invalidateSimilar();
        return deleted;
      });
      for (const { sha256 } of rows) await service().forgetOriginal(sha256);
      return result;
    }

    // The file is read and checked before the transaction: no write lock is held during image work.
    const replacedSha256 = await derive(strapi, service(), params, context.action === 'create');
    const result = await strapi.db.transaction(async ({ trx, onCommit, onRollback }) => {
      const written = (await next()) as { documentId?: string } | null;
      if (written?.documentId) await placeFile(strapi, written as { documentId: string }, { onCommit, onRollback });
      if (written?.documentId) await reindexDocument(strapi, written.documentId, trx as Knex.Transaction);
      service().invalidateSimilar();
      return written;
    });
    await service().forgetOriginal(replacedSha256);
    return result;
  });
}
