// Every stored file carries the sha256 of its bytes (`sha256` on the upload
// file): the approval workflow's content hash covers it, so replacing the bytes
// of a file an approved document uses is an edit of that document. And their
// exact count (`sizeInBytes`, as Strapi's formats have it; the file's `size` is
// in KB, rounded): what a feed's enclosure says its URL serves. Both computed
// from the file being written, whoever writes it; never taken from input.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

export const FILE_UID = 'plugin::upload.file';
export const BYTES_HASH_ATTRIBUTE = 'sha256';
export const BYTE_COUNT_ATTRIBUTE = 'sizeInBytes';

/** The sha256 and the length of a stream's bytes, in one read. */
export const digestOfStream = (stream: NodeJS.ReadableStream) =>
  new Promise<{ sha256: string; bytes: number }>((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    stream
      .on('error', reject)
      .on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      })
      .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });

export const sha256OfStream = async (stream: NodeJS.ReadableStream) => (await digestOfStream(stream)).sha256;

/** The attribute, added to the upload plugin's file schema (hidden from editors, read-only). */
export const bytesHashAttribute = {
  type: 'string',
  configurable: false,
  writable: false,
  visible: false,
  private: true,
};

/** The exact byte count (hidden, read-only, out of the API's output like the hash). */
export const byteCountAttribute = { ...bytesHashAttribute, type: 'integer' };

async function stamp(event: { params: { data?: Record<string, any> } }) {
  const data = event.params?.data;
  if (!data) return;
  delete data[BYTES_HASH_ATTRIBUTE];
  delete data[BYTE_COUNT_ATTRIBUTE];
  // The upload service persists the row with the stream of the file it stored (after any optimisation).
  if (typeof data.getStream === 'function') {
    const { sha256, bytes } = await digestOfStream(data.getStream());
    data[BYTES_HASH_ATTRIBUTE] = sha256;
    data[BYTE_COUNT_ATTRIBUTE] = bytes;
  }
}

export function registerBytesHash(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({ models: [FILE_UID], beforeCreate: stamp, beforeUpdate: stamp } as any);
}
