// The archive's private store: where the originals (an image exactly as it was
// received, when the public file is a copy without its metadata) and the files
// of private archive items live, and how to list, read and write them. Never
// publicly readable: a folder outside public/ (strapi::public does not serve
// it) or a private S3 bucket or prefix (config/storage.ts, docs/storage.md).
// Read only through the authenticated routes (originals) and short-lived
// signed links (private items' files, ./private-files.ts). Backups copy it
// whole with `list` and `read`, and restore it with `write`.
//
// Two areas, each a flat set of names:
//   originals  `<first two hex digits>/<sha256>` (one object per original)
//   files      `<hash><ext>` (a private item's file and its formats, as the upload plugin names them)
import fs from 'fs';
import fsp from 'fs/promises';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type { Core } from '@strapi/strapi';
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { s3ClientOptions, type StorageConfig } from '../../config/storage';

export type PrivateArea = 'originals' | 'files';
export const PRIVATE_AREAS: PrivateArea[] = ['originals', 'files'];

/** What can be written: a file on disk, bytes, or a stream. */
export type PrivateSource = { filepath: string } | { buffer: Buffer } | { stream: Readable };

export interface PrivateObject {
  stream: Readable;
  size?: number;
}

export interface PrivateStore {
  readonly kind: 'local' | 's3';
  /** Where it is, for logs and docs: a folder or `s3://bucket/prefix`. */
  describe(area: PrivateArea): string;
  write(area: PrivateArea, name: string, source: PrivateSource, contentType?: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  read(area: PrivateArea, name: string): Promise<PrivateObject | null>;
  exists(area: PrivateArea, name: string): Promise<boolean>;
  /** Removes the object; no error when it is already gone. */
  remove(area: PrivateArea, name: string): Promise<void>;
  /** Every object of the area with its size, in no particular order. */
  list(area: PrivateArea): AsyncIterable<{ name: string; size: number }>;
  /** Runs `fn` with a local path to the object's bytes (a temporary copy when the store is remote). */
  withLocalPath<T>(area: PrivateArea, name: string, fn: (filepath: string) => Promise<T>): Promise<T>;
  /** Throws when the store cannot be reached (readiness checks). */
  check(): Promise<void>;
  /** Releases its connections (the app's destroy). */
  close(): void;
}

const NAMES: Record<PrivateArea, RegExp> = {
  originals: /^[0-9a-f]{2}\/[0-9a-f]{64}$/,
  files: /^[A-Za-z0-9][A-Za-z0-9_-]{0,200}(\.[A-Za-z0-9]{1,10})?$/,
};

/** A name the area accepts (nothing that could climb out of it). */
export const isPrivateName = (area: PrivateArea, name: unknown): name is string => typeof name === 'string' && NAMES[area].test(name);

const assertName = (area: PrivateArea, name: string) => {
  if (!isPrivateName(area, name)) throw new Error(`private store: invalid ${area} name ${JSON.stringify(name)}`);
};

const sourceStream = (source: PrivateSource) =>
  'filepath' in source ? fs.createReadStream(source.filepath) : 'buffer' in source ? Readable.from([source.buffer]) : source.stream;

function localStore(dirs: Record<PrivateArea, string>): PrivateStore {
  const target = (area: PrivateArea, name: string) => {
    assertName(area, name);
    return path.join(dirs[area], name);
  };
  return {
    kind: 'local',
    describe: (area) => dirs[area],
    async write(area, name, source) {
      const file = target(area, name);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      // Written beside and renamed: a reader never sees half a file.
      const partial = `${file}.${process.pid}.${Date.now()}.partial`;
      try {
        if ('filepath' in source) await fsp.copyFile(source.filepath, partial, fs.constants.COPYFILE_FICLONE);
        else await pipeline(sourceStream(source), fs.createWriteStream(partial));
        await fsp.rename(partial, file);
      } finally {
        await fsp.rm(partial, { force: true });
      }
    },
    async read(area, name) {
      const file = target(area, name);
      const stat = await fsp.stat(file).catch(() => null);
      return stat?.isFile() ? { stream: fs.createReadStream(file), size: stat.size } : null;
    },
    exists: async (area, name) => Boolean((await fsp.stat(target(area, name)).catch(() => null))?.isFile()),
    remove: (area, name) => fsp.rm(target(area, name), { force: true }),
    async *list(area) {
      const walk = async function* (dir: string, prefix: string): AsyncGenerator<{ name: string; size: number }> {
        for (const entry of await fsp.readdir(dir, { withFileTypes: true }).catch(() => [])) {
          const name = prefix + entry.name;
          if (entry.isDirectory()) yield* walk(path.join(dir, entry.name), `${name}/`);
          else if (entry.isFile() && isPrivateName(area, name)) yield { name, size: (await fsp.stat(path.join(dir, entry.name))).size };
        }
      };
      yield* walk(dirs[area], '');
    },
    withLocalPath: (area, name, fn) => fn(target(area, name)),
    async check() {
      for (const dir of Object.values(dirs)) {
        await fsp.mkdir(dir, { recursive: true });
        await fsp.access(dir, fs.constants.R_OK | fs.constants.W_OK);
      }
    },
    close() {},
  };
}

const isMissing = (error: any) => error?.name === 'NoSuchKey' || error?.name === 'NotFound' || error?.$metadata?.httpStatusCode === 404;

function s3Store(client: S3Client, bucket: string, prefix: string): PrivateStore {
  const key = (area: PrivateArea, name: string) => {
    assertName(area, name);
    return `${prefix}${area}/${name}`;
  };
  return {
    kind: 's3',
    describe: (area) => `s3://${bucket}/${prefix}${area}/`,
    async write(area, name, source, contentType) {
      // No ACL: the object inherits the bucket's (private) access; multipart for large files.
      await new Upload({ client, params: { Bucket: bucket, Key: key(area, name), Body: sourceStream(source), ContentType: contentType } }).done();
    },
    async read(area, name) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key(area, name) }));
        return { stream: answer.Body as Readable, size: answer.ContentLength };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async exists(area, name) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key(area, name) }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async remove(area, name) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key(area, name) }));
    },
    async *list(area) {
      const areaPrefix = `${prefix}${area}/`;
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: areaPrefix, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          const name = object.Key!.slice(areaPrefix.length);
          if (isPrivateName(area, name)) yield { name, size: object.Size ?? 0 };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async withLocalPath(area, name, fn) {
      const object = await this.read(area, name);
      if (!object) throw new Error(`private store: no ${area} object ${name}`);
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'archive-private-'));
      try {
        const filepath = path.join(dir, path.basename(name));
        await pipeline(object.stream, fs.createWriteStream(filepath));
        return await fn(filepath);
      } finally {
        await fsp.rm(dir, { recursive: true, force: true });
      }
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
    close: () => client.destroy(),
  };
}

/**
 * The private store for this configuration (`strapi.config.get('storage')`),
 * with local folders relative to `appRoot`. Scripts (backup, restore) call it
 * without a running Strapi.
 */
export function createPrivateStore(storage: StorageConfig, appRoot: string, publicDir = path.join(appRoot, 'public')): PrivateStore {
  const settings = storage.private;
  if (settings.store === 's3') {
    if (!storage.s3 || !settings.bucket) throw new Error('private store: S3 settings missing (config/storage.ts)');
    return s3Store(new S3Client(s3ClientOptions(storage.s3)), settings.bucket, settings.prefix);
  }
  const dirs = { originals: path.resolve(appRoot, settings.originalsDir), files: path.resolve(appRoot, settings.filesDir) };
  // strapi::public serves everything under public/: a private folder there would be public.
  const served = path.resolve(publicDir);
  for (const [area, dir] of Object.entries(dirs)) {
    const relative = path.relative(served, dir);
    if (!relative || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      throw new Error(`Storage configuration: the private ${area} folder ${dir} lies inside ${served}, which Strapi serves to anyone (docs/storage.md).`);
    }
  }
  return localStore(dirs);
}

const stores = new WeakMap<Core.Strapi, PrivateStore>();

/** This instance's private store. */
export function privateStore(strapi: Core.Strapi): PrivateStore {
  let store = stores.get(strapi);
  if (!store) {
    store = createPrivateStore(strapi.config.get('storage') as StorageConfig, strapi.dirs.app.root, strapi.dirs.static.public);
    stores.set(strapi, store);
  }
  return store;
}

/** Closes this instance's private store, if it was opened (the app's destroy). */
export function closePrivateStore(strapi: Core.Strapi) {
  stores.get(strapi)?.close();
  stores.delete(strapi);
}
