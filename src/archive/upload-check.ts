// The upload plugin checks every image by decoding all of it (sharp `stats()`).
// A file the archive's inspection has just decoded and accepted is not decoded a
// second time: for a 12-megapixel photo that is most of the import's own cost.
// Every other upload keeps the plugin's check. The same files get their
// formats from one decode (./formats.ts).
import type { Core } from '@strapi/strapi';
import { deriveFormatsFromOneDecode, releaseDerivation } from './formats';

const inspected = new Set<string>();

export function skipRepeatedImageCheck(strapi: Core.Strapi) {
  const manipulation = strapi.plugin('upload').service('image-manipulation');
  const isFaultyImage = manipulation.isFaultyImage;
  manipulation.isFaultyImage = (file: { filepath?: string }) =>
    file.filepath && inspected.has(file.filepath) ? Promise.resolve(false) : isFaultyImage(file);
  deriveFormatsFromOneDecode(strapi, (filepath) => inspected.has(filepath));
}

/** Runs the upload of a file the archive has inspected. */
export async function uploadInspected<T>(filepath: string, upload: () => Promise<T>): Promise<T> {
  inspected.add(filepath);
  try {
    return await upload();
  } finally {
    inspected.delete(filepath);
    releaseDerivation(filepath);
  }
}
