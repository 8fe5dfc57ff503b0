// A local path to the bytes of a file already in the media library: the file
// itself with the local provider, a temporary download with any other provider,
// the private store's copy for a private item's file.
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { UPLOAD_FILE_UID } from './constants';
import { missingFile } from './errors';
import { privateFileName } from './private-files';
import { privateStore } from './private-store';

export interface StoredFile {
  id: number;
  url: string;
  provider: string;
  ext?: string;
  mime?: string;
  name?: string;
  alternativeText?: string | null;
  caption?: string | null;
}

export async function findStoredFile(strapi: Core.Strapi, id: number): Promise<StoredFile> {
  const file = await strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id }, select: ['id', 'url', 'provider', 'ext', 'mime', 'name', 'alternativeText', 'caption'] });
  if (!file) throw missingFile();
  return file as StoredFile;
}

/** Runs `fn` with a readable path to the file's bytes. */
export async function withStoredFilePath<T>(strapi: Core.Strapi, file: StoredFile, fn: (filepath: string) => Promise<T>): Promise<T> {
  const privateName = privateFileName(file.url);
  if (privateName) return privateStore(strapi).withLocalPath('files', privateName, fn);
  if (file.provider === 'local') return fn(path.join(strapi.dirs.static.public, file.url));
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-'));
  try {
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`Cannot download ${file.url}: ${response.status}`);
    const filepath = path.join(dir, `original${file.ext ?? ''}`);
    await fs.writeFile(filepath, Buffer.from(await response.arrayBuffer()));
    return await fn(filepath);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
