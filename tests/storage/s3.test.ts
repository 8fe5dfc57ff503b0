// Object storage against a real S3 protocol server (s3rver, tests/helpers/s3.ts):
// a Strapi process with UPLOAD_PROVIDER=s3 and nothing on its own disk. Every
// upload lands in the uploads bucket; the originals and the files of private
// items in the private store (on SQLite a `private/` prefix of the uploads
// bucket, on PostgreSQL a bucket of its own: both layouts are covered), which
// the public cannot read. The archive's checks, its public copy without
// metadata and its duplicate rule are the same as on the local disk.
import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import { startS3, type S3Server } from '../helpers/s3';
import { startInstance, type Instance } from '../helpers/instances';
import { separateDatabase } from '../helpers/test-database';
import { photo } from '../archive/files';
import { absolute, adminOfRole, backOffice, bytes, call, fileUrls, ingest, sha256, until } from './support';

const exifReader = require('exif-reader');

let s3: S3Server;
let strapi: Instance;
let database: Awaited<ReturnType<typeof separateDatabase>>;
let fullAccess: string;
let archivist: string;
let normas: string;

const cameraPhoto = async (seed: number) =>
  sharp(await photo(seed, { width: 900, height: 600 }))
    .withExif({ IFD0: { Make: 'Nikon', Model: 'Z6' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '17/1 38/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 15/1 0/1' } })
    .jpeg({ quality: 90 })
    .toBuffer();

const hasGps = async (buffer: Buffer) => {
  const { exif } = await sharp(buffer).metadata();
  return Boolean(exif && Object.keys(exifReader(exif).GPSInfo ?? {}).length);
};

/** Keys of the public uploads (the private prefix excluded when it shares the bucket). */
const publicKeys = async () => (await s3.keys(s3.publicBucket)).filter((key) => !(s3.privatePrefix && key.startsWith(s3.privatePrefix)));
const privateKeys = (area: 'originals' | 'files') => s3.keys(s3.privateBucket, `${s3.privatePrefix}${area}/`);
const nameOf = (url: string) => new URL(url, 'http://x').pathname.split('/').pop()!;

beforeAll(async () => {
  const postgres = process.env.DATABASE_CLIENT === 'postgres';
  [s3, database] = await Promise.all([startS3({ sharedBucket: !postgres }), separateDatabase()]);
  strapi = await startInstance({ name: 's3', env: { ...database.env, ...s3.env(), CRON_ENABLED: 'false' } });
  ({ fullAccess } = await backOffice(strapi.url).then(async (office) => {
    [archivist, normas] = await Promise.all([adminOfRole(strapi.url, office.admin, 'archivo'), adminOfRole(strapi.url, office.admin, 'normas')]);
    return office;
  }));
}, 180_000);

afterAll(async () => {
  await strapi?.stop();
  await Promise.all([s3?.close(), database?.drop()]);
});

describe('a public item', () => {
  let original: Buffer;
  let item: any;

  beforeAll(async () => {
    original = await cameraPhoto(301);
    const res = await ingest(strapi.url, fullAccess, original, 'plaza.jpg', { kind: 'photo', title: 'Plaza de armas', rights: 'own', isPublic: true });
    expect(res.status).toBe(201);
    item = res.body.data;
  });

  it('is in the uploads bucket, every format too, readable by anyone, without GPS', async () => {
    const urls = fileUrls(item.file);
    expect(urls).toHaveLength(4); // the file and its thumbnail, small and medium formats (900 px wide)
    for (const url of urls) {
      expect(url.startsWith(`${s3.endpoint}/${s3.publicBucket}/`)).toBe(true);
      const file = await bytes(url);
      expect(file.status).toBe(200);
      expect(await hasGps(file.body)).toBe(false);
    }
    expect(await publicKeys()).toEqual(expect.arrayContaining(urls.map(nameOf)));
    // Nothing on the instance's own disk.
    expect(fs.readdirSync(path.join(strapi.workDir, 'public', 'uploads'))).toEqual([]);
    expect(fs.existsSync(path.join(strapi.workDir, 'private'))).toBe(false);
  });

  it('its original is in the private store only: staff download it, the public cannot reach it', async () => {
    const digest = sha256(original);
    expect(await privateKeys('originals')).toEqual([`${s3.privatePrefix}originals/${digest.slice(0, 2)}/${digest}`]);
    for (const key of await publicKeys()) expect(sha256((await s3.object(s3.publicBucket, key))!)).not.toBe(digest);

    const staff = await bytes(`${strapi.url}/api/media-archive-items/${item.documentId}/original`, { Authorization: `Bearer ${fullAccess}` });
    expect([staff.status, sha256(staff.body)]).toEqual([200, digest]);
    const admin = await bytes(`${strapi.url}/media-archive/items/${item.documentId}/original`, { Authorization: `Bearer ${archivist}` });
    expect([admin.status, sha256(admin.body)]).toEqual([200, digest]);
    expect(await hasGps(admin.body)).toBe(true);

    // The object itself, anonymously, as the public would try it.
    const direct = `${s3.endpoint}/${s3.privateBucket}/${s3.privatePrefix}originals/${digest.slice(0, 2)}/${digest}`;
    expect((await bytes(direct)).status).toBe(403);
    expect((await bytes(`${strapi.url}/api/media-archive-items/${item.documentId}/original`)).status).toBe(403);
  });

  it('the same bytes again are refused as a duplicate, and nothing new is stored', async () => {
    const before = [...(await publicKeys()), ...(await privateKeys('files'))].sort();
    const again = await ingest(strapi.url, fullAccess, original, 'otra-vez.jpg', { kind: 'photo', title: 'Otra vez', rights: 'own', isPublic: false });
    expect([again.status, again.body.error.details.code, again.body.error.details.existing.documentId]).toEqual([409, 'DUPLICATE_FILE', item.documentId]);
    expect([...(await publicKeys()), ...(await privateKeys('files'))].sort()).toEqual(before);
  });

  it('a file the archive refuses leaves nothing in either bucket', async () => {
    const before = [...(await publicKeys()), ...(await privateKeys('files')), ...(await privateKeys('originals'))].sort();
    const truncated = (await cameraPhoto(302)).subarray(0, 5000);
    const res = await ingest(strapi.url, fullAccess, truncated, 'rota.jpg', { kind: 'photo', title: 'Foto rota', rights: 'own', isPublic: true });
    expect([res.status, res.body.error.details.code]).toEqual([400, 'CORRUPT_FILE']);
    expect([...(await publicKeys()), ...(await privateKeys('files')), ...(await privateKeys('originals'))].sort()).toEqual(before);
  });
});

describe('a private item', () => {
  let item: any;
  let picture: Buffer;

  beforeAll(async () => {
    picture = await photo(311, { width: 800, height: 500 });
    const res = await ingest(strapi.url, fullAccess, picture, 'reservada.jpg', { kind: 'photo', title: 'Reunión reservada', rights: 'own', isPublic: false });
    expect(res.status).toBe(201);
    item = res.body.data;
  });

  it('never reaches the uploads bucket: its file and formats are in the private store', async () => {
    const urls = fileUrls(item.file);
    expect(urls).toHaveLength(4);
    const names = urls.map(nameOf);
    expect((await privateKeys('files')).map(nameOf)).toEqual(expect.arrayContaining(names));
    const everyPublic = await publicKeys();
    for (const name of names) expect(everyPublic).not.toContain(name);
    for (const key of everyPublic) expect(sha256((await s3.object(s3.publicBucket, key))!)).not.toBe(sha256(picture));
  });

  it('staff get signed links that open; without the signature, or anonymously at the store, nothing opens', async () => {
    for (const url of fileUrls(item.file)) {
      expect(url).toMatch(/^\/media-archive\/files\/[^?]+\?expires=\d+&signature=[\w-]+$/);
      expect((await bytes(absolute(strapi.url, url))).status).toBe(200);
      expect((await bytes(`${strapi.url}${url.split('?')[0]}`)).status).toBe(403);
      expect((await bytes(`${s3.endpoint}/${s3.privateBucket}/${s3.privatePrefix}files/${nameOf(url)}`)).status).toBe(403);
    }
    const main = await bytes(absolute(strapi.url, item.file.url));
    expect(sha256(main.body)).toBe(sha256(picture));
    expect(main.headers.get('cache-control')).toBe('private, no-store');
    expect(main.headers.get('content-type')).toBe('image/jpeg');
  });

  it('the media library shows it to archive staff with signed links, to other roles with dead ones', async () => {
    const find = async (token: string) =>
      (await call(strapi.url, 'GET', `/upload/files?filters[id][$eq]=${item.file.id}`, { token })).body.results?.[0] as { url: string } | undefined;
    const forArchivist = await find(archivist);
    expect((await bytes(absolute(strapi.url, forArchivist!.url))).status).toBe(200);
    const forNormas = await find(normas);
    if (forNormas) expect((await bytes(absolute(strapi.url, forNormas.url))).status).toBe(403);
  });

  it('made public, it moves to the uploads bucket under new names; made private again, the public URLs stop opening', async () => {
    const privateUrls = fileUrls(item.file);
    const published = await call(strapi.url, 'PUT', `/api/media-archive-items/${item.documentId}?populate=file`, { token: fullAccess, body: { data: { isPublic: true } } });
    expect(published.status).toBe(200);
    const publicUrls = fileUrls(published.body.data.file);
    expect(publicUrls).toHaveLength(4);
    for (const url of publicUrls) {
      expect(url.startsWith(`${s3.endpoint}/${s3.publicBucket}/`)).toBe(true);
      expect((await bytes(url)).status).toBe(200);
    }
    expect(publicUrls.map(nameOf)).not.toEqual(expect.arrayContaining(privateUrls.map(nameOf).slice(0, 1)));
    // The private copies are removed once the change is committed.
    await until(async () => (await privateKeys('files')).every((key) => !privateUrls.map(nameOf).includes(nameOf(key))), 'the private copies to go');
    for (const url of privateUrls) expect((await bytes(absolute(strapi.url, url))).status).toBe(404);

    const hidden = await call(strapi.url, 'PUT', `/api/media-archive-items/${item.documentId}?populate=file`, { token: fullAccess, body: { data: { isPublic: false } } });
    expect(hidden.status).toBe(200);
    // Deleted before the commit: at once, no window.
    for (const url of publicUrls) expect((await bytes(url)).status).toBe(404);
    for (const url of fileUrls(hidden.body.data.file)) expect((await bytes(absolute(strapi.url, url))).status).toBe(200);
    expect(await publicKeys()).not.toEqual(expect.arrayContaining([nameOf(publicUrls[0])]));
  });
});

describe('readiness', () => {
  const ready = async () => {
    const res = await fetch(`${strapi.url}/_ready`);
    return { status: res.status, body: await res.json() };
  };

  it('checks the object store for real: not ready while it does not answer, ready again when it is back', async () => {
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', uploads: 'ok', privateStore: 'ok' } } });
    await s3.pause();
    try {
      // The outcome is kept for a second: wait for a run after the store went away.
      const down = await until(async () => {
        const answer = await ready();
        return answer.status === 503 ? answer : undefined;
      }, 'the instance to report not ready', 10_000, 200);
      expect(down.body).toEqual({ status: 'not-ready', checks: { database: 'ok', uploads: 'error', privateStore: 'error' } });
    } finally {
      await s3.resume();
    }
    const back = await until(async () => {
      const answer = await ready();
      return answer.status === 200 ? answer : undefined;
    }, 'the instance to be ready again', 10_000, 200);
    expect(back.body.checks).toEqual({ database: 'ok', uploads: 'ok', privateStore: 'ok' });
  });
});
