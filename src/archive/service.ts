// The archive's one ingest path and its lookups. The REST route, the content
// manager (through ./document-middleware.ts) and the import command all end in
// `deriveFields`: same checks, same derived fields, same duplicate rule.
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARCHIVE_UID, DERIVED_FIELDS, KINDS, type ArchiveKind } from './constants';
import { duplicateFile, isArchiveRefusal } from './errors';
import { inspectFile, sha256OfFile, type ArchiveLimits, type InspectedFile } from './inspect';
import { findStoredFile, withStoredFilePath } from './stored-file';
import { createSimilarIndex } from './similar';
import { searchIds, type SearchQuery } from './search';
import { itemsInOrder, searchPage } from './search-page';
import { uploadInspected } from './upload-check';
import { writePublicCopy } from './public-copy';
import { asArchive } from './file-lock';
import { keepOriginal, openOriginal, removeOriginal } from './originals';
import { privateFileName, settleFileMoves, uploadPrivately } from './private-files';
import { privateStore, type PrivateObject } from './private-store';

export interface ArchiveConfig extends ArchiveLimits {
  similar: { defaultMaxDistance: number; maxMaxDistance: number; limit: number };
  search: { pageSize: number; maxPage: number };
  importConcurrency: number;
}

export interface IncomingFile {
  filepath: string;
  originalFilename: string;
  /** What the client declared; the upload guard checks it against the content. */
  mimetype?: string | null;
}

type ItemData = Record<string, unknown> & { kind?: string; title?: string; capturedAt?: unknown };

/** Set by `ingestFile` on the document-service call: the file was already inspected. */
export const PRE_INSPECTED = Symbol('archive.preInspected');

export const archiveConfig = (strapi: Core.Strapi) => strapi.config.get('archive') as ArchiveConfig;

export const assertKind = (kind: unknown): ArchiveKind => {
  if (KINDS.includes(kind as ArchiveKind)) return kind as ArchiveKind;
  throw new errors.ValidationError(`El tipo de elemento debe ser uno de: ${KINDS.join(', ')}.`, { code: 'VALIDATION_ERROR', field: 'kind' });
};

/** The derived fields for an inspected file; EXIF's taken-at fills an empty capturedAt. */
export const derivedFields = (inspected: InspectedFile, capturedAt: unknown) => ({
  sha256: inspected.sha256,
  perceptualHash: inspected.perceptualHash ?? null,
  width: inspected.width ?? null,
  height: inspected.height ?? null,
  durationSeconds: inspected.durationSeconds ?? null,
  pageCount: inspected.pageCount ?? null,
  exif: inspected.exif ?? null,
  ...(!capturedAt && inspected.exif?.takenAt ? { capturedAt: inspected.exif.takenAt } : {}),
});

export const stripDerivedFields = (data: ItemData) => {
  for (const field of DERIVED_FIELDS) delete data[field];
  return data;
};

export function createArchiveService(strapi: Core.Strapi) {
  const similarIndex = createSimilarIndex(strapi);
  const items = () => strapi.db.query(ARCHIVE_UID);
  const uploads = () => strapi.plugin('upload').service('upload');

  async function findBySha256(sha256: string, exceptDocumentId?: string) {
    return items().findOne({
      where: { sha256, ...(exceptDocumentId ? { documentId: { $ne: exceptDocumentId } } : {}) },
      select: ['documentId', 'title'],
    }) as Promise<{ documentId: string; title: string } | null>;
  }

  async function assertNotArchived(sha256: string, exceptDocumentId?: string) {
    const existing = await findBySha256(sha256, exceptDocumentId);
    if (existing) throw duplicateFile(existing);
  }

  return {
    findBySha256,
    sha256OfFile,
    /** An item was written on this instance: the next lookup looks at the database again. */
    invalidateSimilar: () => similarIndex.invalidate(),

    /** Checks a file already in the media library against the item's kind and derives its fields. */
    async inspectStoredFile(fileId: number, kind: ArchiveKind) {
      const file = await findStoredFile(strapi, fileId);
      return withStoredFilePath(strapi, file, (filepath) => inspectFile(filepath, kind, archiveConfig(strapi)));
    },

    assertNotArchived,

    /**
     * REST and import: check the file before anything is stored, refuse a
     * duplicate, store it through the upload plugin (its formats), create the
     * item. The upload is the public copy (no GPS, no camera serials); the
     * original, when it differs, goes to the private store. A private item's
     * file is written to the private store from the start (./private-files.ts).
     * A refusal leaves neither an item nor an upload nor an original behind.
     */
    async ingestFile(file: IncomingFile, input: ItemData) {
      const data = stripDerivedFields({ ...input });
      const kind = assertKind(data.kind);
      const inspected = await inspectFile(file.filepath, kind, archiveConfig(strapi));
      await assertNotArchived(inspected.sha256);

      const name = path.basename(file.originalFilename || `archivo.${inspected.ext}`);
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-public-'));
      let uploaded: { id: number } | undefined;
      try {
        const copy = await writePublicCopy(file.filepath, inspected.mime, tmp);
        if (copy) await keepOriginal(strapi, inspected.sha256, file.filepath);
        const { filepath: publicPath, size } = copy ?? { filepath: file.filepath, size: inspected.size };
        const upload = () =>
          uploadInspected<Array<{ id: number }>>(publicPath, () =>
            uploads().upload({
              data: { fileInfo: { name, alternativeText: data.title ?? null, caption: data.title ?? null } },
              files: { filepath: publicPath, originalFilename: name, mimetype: file.mimetype || inspected.mime, size },
            })
          );
        [uploaded] = data.isPublic === true ? await upload() : await uploadPrivately(upload);
        return await strapi.documents(ARCHIVE_UID).create({
          data: { ...data, file: uploaded!.id },
          populate: ['file'],
          [PRE_INSPECTED]: inspected,
        } as any);
      } catch (error) {
        if (uploaded) await asArchive(() => uploads().remove(uploaded!));
        // Two concurrent ingests of the same bytes: the loser learns which item won (and keeps its original).
        const winner = await findBySha256(inspected.sha256);
        if (!winner) await removeOriginal(strapi, inspected.sha256);
        if (winner && !isArchiveRefusal(error)) throw duplicateFile(winner);
        throw error;
      } finally {
        await fs.rm(tmp, { recursive: true, force: true });
      }
    },

    /**
     * Admin path: a file already in the media library becomes an item's file.
     * When it carries metadata, its original goes to the private store and the
     * library file is replaced (same URL, formats made again) by the public copy.
     */
    async publishStoredFile(fileId: number, inspected: InspectedFile) {
      const file = await findStoredFile(strapi, fileId);
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-public-'));
      try {
        await withStoredFilePath(strapi, file, async (filepath) => {
          const copy = await writePublicCopy(filepath, inspected.mime, tmp);
          if (!copy) return;
          await keepOriginal(strapi, inspected.sha256, filepath);
          const { name, alternativeText, caption } = file;
          await uploadInspected(copy.filepath, () =>
            asArchive(() => uploads().replace(fileId, {
              data: { fileInfo: { name, alternativeText, caption } },
              file: { filepath: copy.filepath, originalFilename: name, mimetype: inspected.mime, size: copy.size },
            }))
          );
        });
      } finally {
        await fs.rm(tmp, { recursive: true, force: true });
      }
    },

    /**
     * What archive staff get as an item's original: the private copy, or the
     * file itself when it is the original (its bytes from the private store for
     * a private item, a redirect to its public URL otherwise).
     */
    async originalOf(documentId: string): Promise<{ name: string; mime: string; object?: PrivateObject; redirect?: string }> {
      const item = await items().findOne({
        where: { documentId },
        select: ['sha256'],
        populate: { file: { select: ['name', 'mime', 'url'] } },
      });
      if (!item?.file) throw new errors.NotFoundError('No existe ese elemento del archivo.');
      const { name, mime, url } = item.file as { name: string; mime: string; url: string };
      const original = await openOriginal(strapi, item.sha256);
      if (original) return { name, mime, object: original };
      const privateName = privateFileName(url);
      if (!privateName) return { name, mime, redirect: url };
      const object = await privateStore(strapi).read('files', privateName);
      if (!object) throw new errors.NotFoundError('El archivo de este elemento no está en el almacén privado.');
      return { name, mime, object };
    },

    /** Resolves when the file moves of committed or rolled-back transactions are finished (shutdown, tests). */
    settleFileMoves,

    /** The item that kept this original is gone (or has another file now). */
    forgetOriginal: (sha256: string | null | undefined) => removeOriginal(strapi, sha256),

    /** Items whose perceptual hash is within `maxDistance` of the item's, closest first. */
    async similarTo(documentId: string, maxDistance: number) {
      const item = await items().findOne({ where: { documentId }, select: ['id', 'perceptualHash'] });
      if (!item) throw new errors.NotFoundError('No existe ese elemento del archivo.');
      if (!item.perceptualHash) return [];
      const { limit } = archiveConfig(strapi).similar;
      const matches = await similarIndex.lookup(item.perceptualHash, maxDistance, limit + 1);
      return matches.filter((match) => match.documentId !== documentId).slice(0, limit);
    },

    search: (query: SearchQuery) => searchIds(strapi, query),

    /** One page of results with each item's file and ceremony (src/archive/search-page.ts), and the total. */
    searchPage: (query: SearchQuery) => searchPage(strapi, query),

    /** Items by id in this order, with their file and ceremony (the published, public one for `restricted` callers). */
    itemsInOrder: (ids: number[], restricted: boolean) => itemsInOrder(strapi, ids, restricted),

    /**
     * What the Content API's output sanitizer leaves of loaded items (with file and
     * ceremony) for this caller, through the sanitizer projection of the CIF feed.
     */
    sanitizeItems: (items: Array<Record<string, unknown>>, auth: unknown) =>
      strapi.plugin('cif-sync').service('feed').sanitizeOutput(ARCHIVE_UID, items, auth, ['ceremony']) as Promise<Array<Record<string, unknown>>>,
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
