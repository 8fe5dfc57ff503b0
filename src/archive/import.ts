// Bulk import of a folder (npm run archive:import): every file goes through the
// same ingest as the REST route, a few at a time. A duplicate is skipped before
// anything is uploaded, one bad file never stops the run, and a second run on
// the same folder imports only what the first one did not (sha256 decides).
import fs from 'fs/promises';
import path from 'path';
import FileType from 'file-type';
import type { Core } from '@strapi/strapi';
import { ARCHIVE_UID, ERROR_CODES, type ArchiveKind } from './constants';
import { invalidFileType } from './errors';
import type { ArchiveService } from './service';

export interface ImportOptions {
  folder: string;
  kind?: ArchiveKind;
  ceremony?: string;
  tags?: string[];
  credit?: string;
  isPublic?: boolean;
  concurrency?: number;
}

export type ImportOutcome =
  | { file: string; status: 'imported'; documentId: string }
  | { file: string; status: 'duplicate'; existing: string }
  | { file: string; status: 'refused'; code: string; message: string };

export interface ImportSummary {
  total: number;
  imported: number;
  duplicates: number;
  refused: Array<{ file: string; code: string; message: string }>;
  interrupted: boolean;
}

export interface ImportHooks {
  onStart?: (total: number) => void;
  onFile?: (outcome: ImportOutcome) => void;
  /** Stops taking new files (files in progress finish). */
  signal?: AbortSignal;
}

/** Every regular file under the folder, hidden ones aside, in a stable order. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join((entry as any).parentPath ?? (entry as any).path, entry.name))
    .sort();
}

const KIND_BY_TYPE: Array<[RegExp, ArchiveKind]> = [
  [/^image\//, 'photo'],
  [/^audio\//, 'audio'],
  [/^video\//, 'video'],
  [/^application\/pdf$/, 'document'],
];

/** Without --kind, the kind follows the file's real type. */
async function kindOf(filepath: string): Promise<ArchiveKind> {
  const type = await FileType.fromFile(filepath);
  const kind = KIND_BY_TYPE.find(([pattern]) => type && pattern.test(type.mime))?.[1];
  if (!kind) throw invalidFileType('photo | audio | video | document', type?.mime);
  return kind;
}

/** "IMG_2034.jpg" → "IMG_2034"; the file name is the title until an archivist writes one. */
const titleOf = (filepath: string) => {
  const stem = path.basename(filepath, path.extname(filepath)).replace(/[_]+/g, ' ').trim();
  return (stem.length >= 3 ? stem : path.basename(filepath)).slice(0, 250);
};

export async function runImport(strapi: Core.Strapi, options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportSummary> {
  const service = strapi.service(ARCHIVE_UID) as unknown as ArchiveService;
  const files = await listFiles(options.folder);
  const summary: ImportSummary = { total: files.length, imported: 0, duplicates: 0, refused: [], interrupted: false };
  const seen = new Map<string, string>(); // sha256 → file, for copies inside the folder itself
  hooks.onStart?.(files.length);

  async function importOne(filepath: string): Promise<ImportOutcome> {
    const file = path.relative(options.folder, filepath);
    try {
      const sha256 = await service.sha256OfFile(filepath);
      const existing = (await service.findBySha256(sha256))?.documentId ?? seen.get(sha256);
      if (existing) return { file, status: 'duplicate', existing };
      seen.set(sha256, file);
      const item = await service.ingestFile(
        { filepath, originalFilename: path.basename(filepath) },
        {
          kind: options.kind ?? (await kindOf(filepath)),
          title: titleOf(filepath),
          ceremony: options.ceremony,
          tags: options.tags,
          credit: options.credit,
          isPublic: Boolean(options.isPublic),
          rights: 'own',
        }
      );
      return { file, status: 'imported', documentId: item.documentId };
    } catch (error: any) {
      const code = error?.details?.code ?? 'ERROR';
      if (code === ERROR_CODES.duplicate) return { file, status: 'duplicate', existing: error.details.existing?.documentId };
      return { file, status: 'refused', code, message: error?.message ?? String(error) };
    }
  }

  let next = 0;
  async function worker() {
    while (next < files.length) {
      if (hooks.signal?.aborted) {
        summary.interrupted = true;
        return;
      }
      const outcome = await importOne(files[next++]);
      if (outcome.status === 'imported') summary.imported++;
      else if (outcome.status === 'duplicate') summary.duplicates++;
      else summary.refused.push({ file: outcome.file, code: outcome.code, message: outcome.message });
      hooks.onFile?.(outcome);
    }
  }
  const concurrency = Math.max(1, options.concurrency ?? 2);
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length || 1) }, worker));
  return summary;
}
