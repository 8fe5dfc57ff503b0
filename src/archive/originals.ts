// The originals: an image exactly as it was received, when the file the
// website serves is a copy without its metadata (./public-copy.ts). One object
// per sha256 in the private store's `originals` area (./private-store.ts),
// read only through the archive-staff and admin `original` routes.
import type { Core } from '@strapi/strapi';
import { privateStore } from './private-store';

const SHA256 = /^[0-9a-f]{64}$/;

/** The original's name in the private store, or null for anything that is not a sha256. */
export const originalName = (sha256: string | null | undefined) => (sha256 && SHA256.test(sha256) ? `${sha256.slice(0, 2)}/${sha256}` : null);

/** Copies the original into the store (an existing copy is the same bytes: same sha256). */
export async function keepOriginal(strapi: Core.Strapi, sha256: string, filepath: string) {
  const name = originalName(sha256);
  if (!name) throw new Error(`not a sha256: ${sha256}`);
  await privateStore(strapi).write('originals', name, { filepath });
}

/** The stored original's bytes, or null when the item's file is the original itself. */
export async function openOriginal(strapi: Core.Strapi, sha256: string | null | undefined) {
  const name = originalName(sha256);
  return name ? privateStore(strapi).read('originals', name) : null;
}

export async function removeOriginal(strapi: Core.Strapi, sha256: string | null | undefined) {
  const name = originalName(sha256);
  if (name) await privateStore(strapi).remove('originals', name);
}
