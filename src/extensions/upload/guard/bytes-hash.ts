// Every stored file carries the sha256 of its bytes (`sha256` on the upload
// file): the approval workflow's content hash covers it, so replacing the bytes
// of a file an approved document uses is an edit of that document. Computed
// from the file being written, whoever writes it; never taken from input.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

export const FILE_UID = 'plugin::upload.file';
export const BYTES_HASH_ATTRIBUTE = 'sha256';

export const sha256OfStream = (stream: NodeJS.ReadableStream) =>
  new Promise<string>((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    stream
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });

/** The attribute, added to the upload plugin's file schema (hidden from editors, read-only). */
export const bytesHashAttribute = {
  type: 'string',
  configurable: false,
  writable: false,
  visible: false,
  private: true,
};

async function stamp(event: { params: { data?: Record<string, any> } }) {
  const data = event.params?.data;
  if (!data) return;
  delete data[BYTES_HASH_ATTRIBUTE];
  // The upload service persists the row with the stream of the file it stored (after any optimisation).
  if (typeof data.getStream === 'function') data[BYTES_HASH_ATTRIBUTE] = await sha256OfStream(data.getStream());
}

export function registerBytesHash(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({ models: [FILE_UID], beforeCreate: stamp, beforeUpdate: stamp } as any);
}
