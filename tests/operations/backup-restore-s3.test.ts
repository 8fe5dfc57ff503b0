// `npm run backup` and `npm run restore` with UPLOAD_PROVIDER=s3 (s3rver, tests/helpers/s3.ts):
// a Strapi process on one object store is backed up, and the backup is restored into an
// empty database and a second, empty object store. Both areas of the private store (the
// originals and the files of private items) come back in the second store's private bucket or
// prefix, the public uploads in its uploads bucket, and a server on them gives staff every
// original and private file byte for byte. On SQLite the private store is a prefix of the
// uploads bucket, on PostgreSQL a bucket of its own (as in tests/storage/s3.test.ts).
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { startS3, type S3Server } from '../helpers/s3';
import { startInstance, type Instance } from '../helpers/instances';
import { separateDatabase } from '../helpers/test-database';
import { npmRun } from '../helpers/npm-run';
import { photo } from '../archive/files';
import { absolute, backOffice, bytes, call, fileUrls, ingest, sha256 } from '../storage/support';

const postgres = process.env.DATABASE_CLIENT === 'postgres';

let work: string;
let source: S3Server;
let target: S3Server;
let sourceDb: Awaited<ReturnType<typeof separateDatabase>>;
let targetDb: Awaited<ReturnType<typeof separateDatabase>>;
let origin: Instance | undefined;
let restored: Instance | undefined;
let fullAccess: string;
let restoreOutput: string;
/** Per item: the sha256 of its original, and the path and sha256 of each of its files. */
const items = new Map<string, { isPublic: boolean; original: string; files: Array<{ name: string; hash: string }> }>();

const privateKeys = (s3: S3Server) => s3.keys(s3.privateBucket, s3.privatePrefix);
const nameOf = (url: string) => new URL(url, 'http://x').pathname.split('/').pop()!;

/** Every file version of an item, as the instance gives it to staff: the name and the sha256 of the bytes. */
async function filesOf(instance: Instance, file: unknown) {
  const files = [];
  for (const url of fileUrls(file)) {
    const answer = await bytes(absolute(instance.url, url));
    expect({ url, status: answer.status }).toEqual({ url, status: 200 });
    files.push({ name: nameOf(url), hash: sha256(answer.body) });
  }
  return files;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'respaldo-s3-'));
  [source, target, sourceDb, targetDb] = await Promise.all([startS3({ sharedBucket: !postgres }), startS3({ sharedBucket: !postgres }), separateDatabase(), separateDatabase()]);
  origin = await startInstance({ name: 'respaldo-s3', env: { ...sourceDb.env, ...source.env(), CRON_ENABLED: 'false' } });
  ({ fullAccess } = await backOffice(origin.url));
  const exif = { IFD0: { Make: 'Canon', Model: 'EOS R6' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '18/1 0/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 15/1 0/1' } };
  for (const [seed, isPublic] of [
    [5101, true],
    [5102, false],
  ] as const) {
    const original = await sharp(await photo(seed, { width: 700, height: 500 })).withExif(exif).jpeg({ quality: 90 }).toBuffer();
    const res = await ingest(origin.url, fullAccess, original, `respaldo-s3-${seed}.jpg`, { kind: 'photo', title: `Foto S3 ${seed}`, rights: 'own', isPublic });
    expect(res.status).toBe(201);
    items.set(res.body.data.documentId, { isPublic, original: sha256(original), files: await filesOf(origin, res.body.data.file) });
  }

  // The backup, on the origin's database and object store, while it serves.
  const backupDir = path.join(work, 'respaldo');
  const backup = await npmRun('backup', ['--out', backupDir], origin.env);
  expect({ code: backup.code, output: backup.output }).toMatchObject({ code: 0 });
  await origin.stop();
  origin = undefined;

  // Restored into an empty database and the second (empty) object store.
  expect(await privateKeys(target)).toEqual([]);
  fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
  const targetEnv = {
    ...targetDb.env,
    ...target.env(),
    DATABASE_FILENAME: postgres ? undefined : path.join(work, 'restaurada.db'),
    PUBLIC_DIR: path.join(work, 'public'),
  };
  const restore = await npmRun('restore', ['--from', backupDir], targetEnv);
  expect({ code: restore.code, output: restore.output }).toMatchObject({ code: 0 });
  restoreOutput = restore.output;
  restored = await startInstance({ name: 'restaurada-s3', env: { ...targetEnv, PUBLIC_DIR: undefined, CRON_ENABLED: 'false' } });
}, 600_000);

afterAll(async () => {
  await origin?.stop('SIGKILL');
  await restored?.stop('SIGKILL');
  await Promise.all([source?.close(), target?.close(), sourceDb?.drop(), targetDb?.drop()]);
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore with the S3 provider, into another object store', () => {
  it('puts both areas of the private store into the new private bucket or prefix, as the backup had them', async () => {
    expect(restoreOutput).toMatch(/íntegro/);
    const restoredKeys = (await privateKeys(target)).sort();
    expect(restoredKeys).toEqual((await privateKeys(source)).sort());
    for (const [, item] of items) {
      const digest = item.original;
      expect(restoredKeys).toContain(`${target.privatePrefix}originals/${digest.slice(0, 2)}/${digest}`);
      if (!item.isPublic) for (const file of item.files) expect(restoredKeys).toContain(`${target.privatePrefix}files/${file.name}`);
    }
  });

  it('gives archive staff every original byte for byte', async () => {
    for (const [documentId, item] of items) {
      const res = await bytes(`${restored!.url}/api/media-archive-items/${documentId}/original`, { Authorization: `Bearer ${fullAccess}` });
      expect({ documentId, status: res.status, hash: sha256(res.body) }).toEqual({ documentId, status: 200, hash: item.original });
    }
  });

  it("opens a private item's file and formats through signed links from the new store, and the public item's from the new uploads bucket", async () => {
    for (const [documentId, item] of items) {
      const res = await call(restored!.url, 'GET', `/api/media-archive-items/${documentId}?populate=file`, { token: fullAccess });
      expect(res.status).toBe(200);
      const urls = fileUrls(res.body.data.file);
      if (item.isPublic) for (const url of urls) expect(url.startsWith(`${target.endpoint}/${target.publicBucket}/`)).toBe(true);
      else for (const url of urls) expect(url).toMatch(/^\/media-archive\/files\/[^?]+\?expires=\d+&signature=/);
      expect(await filesOf(restored!, res.body.data.file)).toEqual(item.files);
    }
  });

  it('stops on SIGTERM with exit code 0 (the object store clients closed)', async () => {
    const { code } = await restored!.stop('SIGTERM');
    restored = undefined;
    expect(code).toBe(0);
  });
});
