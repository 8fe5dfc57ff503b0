// The private store of originals: an image exactly as it was received, when the
// file the website serves is a copy without its metadata (./public-copy.ts).
// A folder outside public/ (strapi::public never serves it), one file per
// sha256; read only through the archive-staff and admin `original` routes.
// With several instances the folder must be shared storage, like the uploads.
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';

const SHA256 = /^[0-9a-f]{64}$/;

export const originalsDir = (strapi: Core.Strapi) => path.resolve(strapi.dirs.app.root, strapi.config.get('archive.originalsDir') as string);

const originalPath = (strapi: Core.Strapi, sha256: string) => {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(originalsDir(strapi), sha256.slice(0, 2), sha256);
};

/** Copies the original into the store (an existing copy is the same bytes: same sha256). */
export async function keepOriginal(strapi: Core.Strapi, sha256: string, filepath: string) {
  const target = originalPath(strapi, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.copyFile(filepath, target, fs.constants.COPYFILE_FICLONE);
}

/** The stored original's path, or null when the public file is the original itself. */
export async function findOriginal(strapi: Core.Strapi, sha256: string | null | undefined) {
  if (!sha256 || !SHA256.test(sha256)) return null;
  const target = originalPath(strapi, sha256);
  return (await fs.stat(target).catch(() => null)) ? target : null;
}

export async function removeOriginal(strapi: Core.Strapi, sha256: string | null | undefined) {
  if (sha256 && SHA256.test(sha256)) await fs.rm(originalPath(strapi, sha256), { force: true });
}
