// The files of private archive items (and their formats) live in the private
// store's `files` area (./private-store.ts), never where the upload provider
// serves the public from. Their `url` is `/media-archive/files/<name>`, which
// opens only with a short-lived signature; staff get signed links in every
// answer that shows them such a file (document service, media library, the
// archive's search), the public never.
//
// - Uploads made inside `uploadPrivately` (a private item's ingest, a replace
//   of a private file) are written to the private store by a thin wrapper
//   around the configured upload provider, so Strapi's own pipeline (formats,
//   checks, the file row) runs unchanged and the bytes never touch public/.
// - When an item's `isPublic` changes, `placeItemFile` moves its file inside
//   the item's transaction. Going private, the public copies are deleted
//   before the transaction commits; going public, the file gets new names
//   (unknown to anyone until the commit) and the private copies are deleted
//   after it. No moment exists where a private item's file opens for the public.
import { AsyncLocalStorage } from 'async_hooks';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { StorageConfig } from '../../config/storage';
import { isArchiveStaff } from './access';
import { ARCHIVE_UID, UPLOAD_FILE_UID } from './constants';
import { isPrivateName, privateStore } from './private-store';

export const PRIVATE_FILES_PATH = '/media-archive/files/';

export const LINK_ERRORS = { invalid: 'PRIVATE_LINK_INVALID', expired: 'PRIVATE_LINK_EXPIRED', missing: 'PRIVATE_FILE_NOT_FOUND' } as const;

interface FileVersion {
  hash: string;
  ext?: string | null;
  mime?: string;
  url: string;
  size?: number;
  path?: string | null;
}

interface FileRow extends FileVersion {
  id: number;
  provider: string;
  formats?: Record<string, FileVersion> | null;
}

/** The private store name behind a file URL (signed or not), or null for any other URL. */
export function privateFileName(url: unknown): string | null {
  if (typeof url !== 'string' || !url.startsWith(PRIVATE_FILES_PATH)) return null;
  const name = url.slice(PRIVATE_FILES_PATH.length).split('?')[0];
  return isPrivateName('files', name) ? name : null;
}

export const isPrivateFile = (file: { url?: unknown } | null | undefined) => privateFileName(file?.url) !== null;

const versionsOf = (file: FileRow): FileVersion[] => [file, ...Object.values(file.formats ?? {})];

// ---------------------------------------------------------------------------
// Signed links

const linkKeys = new WeakMap<Core.Strapi, Buffer>();

/** A key of its own, derived from the app keys every instance shares: a link signed by one opens on all. */
function linkKey(strapi: Core.Strapi) {
  let key = linkKeys.get(strapi);
  if (!key) {
    const [appKey] = strapi.config.get('server.app.keys') as string[];
    key = crypto.createHmac('sha256', appKey).update('media-archive private file links').digest();
    linkKeys.set(strapi, key);
  }
  return key;
}

const signatureOf = (strapi: Core.Strapi, name: string, expires: number) =>
  crypto.createHmac('sha256', linkKey(strapi)).update(`${name}\n${expires}`).digest('base64url');

const linkSeconds = (strapi: Core.Strapi) => (strapi.config.get('storage') as StorageConfig).private.linkSeconds;

export function signedLink(strapi: Core.Strapi, name: string, now = Date.now()) {
  const expires = Math.floor(now / 1000) + linkSeconds(strapi);
  return `${PRIVATE_FILES_PATH}${name}?expires=${expires}&signature=${signatureOf(strapi, name, expires)}`;
}

/** Why a link does not open, or null when it does. */
export function linkRefusal(strapi: Core.Strapi, name: unknown, expires: unknown, signature: unknown): keyof typeof LINK_ERRORS | null {
  if (!isPrivateName('files', name) || typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof signature !== 'string') return 'invalid';
  const expected = Buffer.from(signatureOf(strapi, name, Number(expires)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'invalid';
  return Number(expires) * 1000 < Date.now() ? 'expired' : null;
}

/** The object behind a signed link, or the refusal (403 invalid or expired, 404 gone). */
export async function privateFileLink(strapi: Core.Strapi, name: unknown, expires: unknown, signature: unknown) {
  const refusal = linkRefusal(strapi, name, expires, signature);
  // PolicyError: Strapi's router turns any other ForbiddenError into a bare 403 without its message and code.
  if (refusal === 'expired') throw new errors.PolicyError('El enlace a este archivo privado ha vencido: vuelva a abrir el elemento.', { code: LINK_ERRORS.expired });
  if (refusal) throw new errors.PolicyError('Enlace no válido a un archivo privado.', { code: LINK_ERRORS.invalid });
  const object = await privateStore(strapi).read('files', name as string);
  if (!object) throw new errors.NotFoundError('Ese archivo privado ya no existe.', { code: LINK_ERRORS.missing });
  return object;
}

/** Archive staff: admins who read archive items, full-access tokens and the archive-staff role. */
function mayReadPrivateFiles(strapi: Core.Strapi) {
  const state = (strapi.requestContext.get() as any)?.state;
  const auth = state?.auth;
  if (!auth?.strategy) return false;
  if (auth.strategy.name === 'admin') return Boolean(state.userAbility?.can('plugin::content-manager.explorer.read', ARCHIVE_UID));
  return isArchiveStaff(auth);
}

/**
 * An admin who may not read archive items: the media library does not show them
 * private items' files at all (their links would not open, and the file is the item's).
 */
function hidesPrivateFilesFromAdmin(strapi: Core.Strapi) {
  const state = (strapi.requestContext.get() as any)?.state;
  return state?.auth?.strategy?.name === 'admin' && !mayReadPrivateFiles(strapi);
}

/** Upload-plugin filters that leave out every private item's file. */
const NOT_PRIVATE_FILE = { $not: { url: { $startsWith: PRIVATE_FILES_PATH } } };

/** Replaces, in place, every private file URL in `value` by a signed link. */
function signInPlace(strapi: Core.Strapi, value: unknown, seen = new WeakSet<object>()) {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) signInPlace(strapi, item, seen);
    return;
  }
  const record = value as Record<string, unknown>;
  const name = privateFileName(record.url);
  if (name) record.url = signedLink(strapi, name);
  for (const child of Object.values(record)) if (child && typeof child === 'object') signInPlace(strapi, child, seen);
}

/** `value` with signed links (in a copy) for the current caller when it is archive staff; as it is otherwise. */
export function withPrivateLinks<T>(strapi: Core.Strapi, value: T): T {
  if (!value || typeof value !== 'object' || !mayReadPrivateFiles(strapi) || !JSON.stringify(value).includes(PRIVATE_FILES_PATH)) return value;
  const copy = structuredClone(value);
  signInPlace(strapi, copy);
  return copy;
}

// ---------------------------------------------------------------------------
// Where uploads go

const destination = new AsyncLocalStorage<'private'>();

/** Runs `fn` with every upload it makes written to the private store. */
export const uploadPrivately = <T>(fn: () => Promise<T>) => destination.run('private', fn);

type Provider = Record<string, (...args: any[]) => any>;
type UploadingFile = FileVersion & { stream?: Readable; buffer?: Buffer };

const nameOf = (file: { hash: string; ext?: string | null }) => `${file.hash}${file.ext ?? ''}`;

/**
 * Wraps the configured upload provider (register phase, after the upload plugin
 * created it): uploads inside `uploadPrivately` and replacements of a private
 * file go to the private store, deletions of a private file remove it there.
 * Everything else is the provider's own.
 */
export function routePrivateUploads(strapi: Core.Strapi) {
  const provider = (strapi.plugin('upload') as unknown as { provider: Provider }).provider;
  const store = () => privateStore(strapi);

  async function writePrivately(file: UploadingFile) {
    const name = nameOf(file);
    if (!isPrivateName('files', name)) throw new Error(`archive: cannot store ${name} privately`);
    const source = file.stream ? { stream: file.stream } : { buffer: Buffer.from(file.buffer ?? '') };
    await store().write('files', name, source, file.mime);
    file.url = PRIVATE_FILES_PATH + name;
  }
  const toPrivate = () => destination.getStore() === 'private';

  const replacing = (replace: (...args: unknown[]) => Promise<unknown>) =>
    async function (newFile: UploadingFile, oldFile: FileVersion, options?: unknown) {
      const oldName = privateFileName(oldFile.url);
      if (!oldName && !toPrivate()) return replace(newFile, oldFile, options);
      await writePrivately(newFile);
      if (oldName && oldName !== nameOf(newFile)) await store().remove('files', oldName);
      if (!oldName) await own.delete(oldFile);
    };

  // The provider's own `extend` (upload plugin): the object stays the one every caller holds.
  const own = {
    uploadStream: provider.uploadStream?.bind(provider),
    upload: provider.upload?.bind(provider),
    replaceStream: provider.replaceStream?.bind(provider),
    replace: provider.replace?.bind(provider),
    delete: provider.delete.bind(provider),
  };
  provider.extend({
    ...(own.uploadStream && { uploadStream: (file: UploadingFile, options?: unknown) => (toPrivate() ? writePrivately(file) : own.uploadStream(file, options)) }),
    ...(own.upload && { upload: (file: UploadingFile, options?: unknown) => (toPrivate() ? writePrivately(file) : own.upload(file, options)) }),
    ...(own.replaceStream && { replaceStream: replacing(own.replaceStream) }),
    ...(own.replace && { replace: replacing(own.replace) }),
    delete(file: FileVersion, options?: unknown) {
      const name = privateFileName(file.url);
      return name ? store().remove('files', name) : own.delete(file, options);
    },
  });
}

/**
 * Bootstrap: the media library's replace of a private file keeps all its new
 * versions private (formats the old file did not have included), the upload
 * plugin's answers (media library, /api/upload) carry signed links for staff,
 * and admins who may not read archive items do not get private items' files.
 */
export function keepPrivateFilesPrivate(strapi: Core.Strapi) {
  const upload = strapi.plugin('upload').service('upload') as Record<string, any>;
  const replace = upload.replace;
  upload.replace = async (id: number, ...rest: unknown[]) => {
    const current = await strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id }, select: ['url'] });
    return isPrivateFile(current) ? uploadPrivately(() => replace(id, ...rest)) : replace(id, ...rest);
  };
  // The media library's list and its one-file routes (details, edit, bulk edit, replace, delete): 404.
  const findPage = upload.findPage;
  upload.findPage = (query: Record<string, any> = {}, ...rest: unknown[]) =>
    hidesPrivateFilesFromAdmin(strapi) ? findPage({ ...query, filters: { $and: [...(query.filters ? [query.filters] : []), NOT_PRIVATE_FILE] } }, ...rest) : findPage(query, ...rest);
  const findOne = upload.findOne;
  upload.findOne = async (...args: unknown[]) => {
    const file = await findOne(...args);
    return file && isPrivateFile(file) && hidesPrivateFilesFromAdmin(strapi) ? null : file;
  };
  const files = strapi.plugin('upload').service('file') as Record<string, any>;
  const deleteByIds = files.deleteByIds;
  files.deleteByIds = async (ids: unknown[] = []) => {
    if (!hidesPrivateFilesFromAdmin(strapi) || !ids.length) return deleteByIds(ids);
    const hidden = await strapi.db.query(UPLOAD_FILE_UID).findMany({ where: { id: { $in: ids }, url: { $startsWith: PRIVATE_FILES_PATH } }, select: ['id'] });
    const skipped = new Set(hidden.map((file: { id: number }) => String(file.id)));
    return deleteByIds(ids.filter((id) => !skipped.has(String(id))));
  };
  const signFileUrls = files.signFileUrls;
  files.signFileUrls = async (file: unknown) => {
    const signed = await signFileUrls(file);
    return withPrivateLinks(strapi, signed);
  };
}

/** Read results of the document service carry signed links for staff (content manager, Content API). */
export function signPrivateLinksOnReads(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    return withPrivateLinks(strapi, result);
  });
}

// ---------------------------------------------------------------------------
// Moving a file between the public and the private place

/** Moves started by transactions whose commit or rollback has not finished them yet. */
const pending = new Set<Promise<unknown>>();
const track = (strapi: Core.Strapi, label: string, work: () => Promise<unknown>) => {
  const task = work()
    .catch((error) => strapi.log.error(`archive: ${label}: ${error.message}`))
    .finally(() => pending.delete(task));
  pending.add(task);
};

/** Resolves when every move's after-commit (or rollback) work is done (shutdown, tests). */
export const settleFileMoves = async () => {
  while (pending.size) await Promise.all([...pending]);
};

/** A new name for a version: same readable part, new random suffix (the old URL does not open again). */
const freshHash = (hash: string) => `${hash.replace(/_[0-9a-f]{10,16}$/, '')}_${crypto.randomBytes(8).toString('hex')}`;

/** The bytes of a version where the upload provider keeps it. */
async function readPublic(strapi: Core.Strapi, file: FileRow, version: FileVersion): Promise<Readable> {
  if (file.provider === 'local') return fs.createReadStream(path.join(strapi.dirs.static.public, version.url.split('?')[0]));
  const response = await fetch(version.url);
  if (!response.ok || !response.body) throw new Error(`cannot read ${version.url}: ${response.status}`);
  return Readable.fromWeb(response.body as any);
}

export interface TransactionHooks {
  onCommit: (callback: () => void) => void;
  onRollback: (callback: () => void) => void;
}

/**
 * Puts the file where the item's visibility says, inside the caller's
 * transaction (the file row is updated in it; `hooks` are that transaction's).
 * Returns the file's new hash, url and formats, or null when it was already there.
 */
export const placeItemFile = (strapi: Core.Strapi, fileId: number, isPublic: boolean, hooks: TransactionHooks) =>
  destination.exit(() => place(strapi, fileId, isPublic, hooks));

type Placed = Pick<FileRow, 'hash' | 'url' | 'formats'>;

async function place(strapi: Core.Strapi, fileId: number, isPublic: boolean, { onCommit, onRollback }: TransactionHooks): Promise<Placed | null> {
  const file = (await strapi.db.query(UPLOAD_FILE_UID).findOne({
    where: { id: fileId },
    select: ['id', 'hash', 'ext', 'mime', 'url', 'size', 'provider', 'formats'],
  })) as FileRow | null;
  if (!file || isPrivateFile(file) === !isPublic) return null;
  const store = privateStore(strapi);
  const provider = (strapi.plugin('upload') as unknown as { provider: Provider }).provider;
  const hash = freshHash(file.hash);
  const renamed = (version: FileVersion, key?: string): FileVersion => ({ ...version, hash: key ? `${key}_${hash}` : hash });
  const formatKeys = Object.keys(file.formats ?? {});

  if (!isPublic) {
    // To the private store, then away from the public place, all before the commit.
    const moved: Record<string, FileVersion> = {};
    const main = renamed(file);
    await store.write('files', nameOf(main), { stream: await readPublic(strapi, file, file) }, file.mime);
    for (const key of formatKeys) {
      moved[key] = renamed(file.formats![key], key);
      await store.write('files', nameOf(moved[key]), { stream: await readPublic(strapi, file, file.formats![key]) }, file.formats![key].mime);
    }
    const urls = (version: FileVersion) => ({ ...version, url: PRIVATE_FILES_PATH + nameOf(version) });
    for (const version of versionsOf(file)) await provider.delete(version);
    onRollback(() =>
      track(strapi, 'restoring a public file after a rollback', async () => {
        for (const [version, copy] of [[file, main], ...formatKeys.map((key) => [file.formats![key], moved[key]])] as const) {
          const object = await store.read('files', nameOf(copy));
          if (object) await provider.uploadStream({ ...version, stream: object.stream });
          await store.remove('files', nameOf(copy));
        }
      })
    );
    const placed = { hash, url: urls(main).url, formats: file.formats ? Object.fromEntries(formatKeys.map((key) => [key, urls(moved[key])])) : file.formats };
    await strapi.db.query(UPLOAD_FILE_UID).update({ where: { id: file.id }, data: placed });
    return placed;
  }

  // Out of the private store under names nobody knows before the commit; the private copies go after it.
  const published: Array<[string | null, FileVersion]> = [];
  for (const [key, version] of [[null, file] as const, ...formatKeys.map((key) => [key, file.formats![key]] as const)]) {
    const object = await store.read('files', privateFileName(version.url)!);
    if (!object) throw new Error(`archive: the private copy of ${version.url} is missing`);
    const target = { ...renamed(version, key ?? undefined), stream: object.stream } as UploadingFile;
    await provider.uploadStream(target);
    delete target.stream;
    published.push([key, target]);
  }
  onCommit(() =>
    track(strapi, 'removing private copies', async () => {
      for (const version of versionsOf(file)) await store.remove('files', privateFileName(version.url)!);
    })
  );
  onRollback(() =>
    track(strapi, 'removing public copies after a rollback', async () => {
      for (const [, version] of published) await provider.delete(version);
    })
  );
  const [, main] = published[0];
  const placed = { hash, url: main.url, formats: file.formats ? Object.fromEntries(published.slice(1).map(([key, version]) => [key!, version])) : file.formats };
  await strapi.db.query(UPLOAD_FILE_UID).update({ where: { id: file.id }, data: placed });
  return placed;
}
