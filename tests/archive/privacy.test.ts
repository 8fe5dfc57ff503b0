// GPS and camera serials stay in the original: every file a public caller can
// reach (the item's file and all its formats) is a copy without metadata, on
// every ingest path, while archive staff and the admin still get the original.
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { adminWithRole, app, bearer, contentManager, http, projectToken, type AdminSession } from '../helpers/app';
import { fixtures, publishedDocument } from '../helpers/fixtures';
import { photo } from './files';
import { ARCHIVE, archiveStaff, fileUrls, ingest, revealing, sha256 } from './support';

const { runImport } = require('../../dist/src/archive/import');

const SERIAL = 'SN-445566';
const EXIF = {
  IFD0: { Make: 'Nikon', Model: 'Z6' },
  IFD2: { DateTimeOriginal: '2026:07:28 09:00:00', BodySerialNumber: SERIAL, LensSerialNumber: 'LENS-7788' },
  IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '17/1 38/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 15/1 0/1' },
};
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" aux:SerialNumber="${SERIAL}"/></rdf:RDF></x:xmpmeta>`;

/** A camera photo: EXIF with GPS, body and lens serials, and the serial again in XMP. */
const cameraPhoto = async (seed: number, orientation = 1) =>
  sharp(await photo(seed, { width: 1200, height: 800 })).withExif(EXIF).withMetadata({ orientation }).withXmp(XMP).jpeg({ quality: 90 }).toBuffer();

let staff: Record<string, string>;
let archivist: AdminSession;

const download = async (url: string, headers: Record<string, string> = {}) => {
  const res = await http().get(url).set(headers).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: res.status, body: res.body as Buffer, headers: res.headers };
};

/** Every URL of the public responses that show the item, fetched and read. */
async function publicFiles(documentId: string, query: string) {
  const responses = await Promise.all([
    http().get(`/api/media-archive-items/${documentId}`).query({ populate: '*' }),
    http().get('/api/media-archive-items').query({ populate: '*', 'pagination[pageSize]': 100 }),
    http().get('/api/media-archive-items/search').query({ q: query }),
  ]);
  for (const res of responses) expect(res.status).toBe(200);
  expect(responses[2].body.data.map((d: any) => d.documentId)).toContain(documentId);
  const one = responses[0].body.data;
  const urls = [...new Set(fileUrls(responses.map((r) => r.body)))];
  // The item's own file and its four formats are among them.
  expect(urls).toEqual(expect.arrayContaining([one.file.url, ...Object.values(one.file.formats).map((f: any) => f.url)]));
  expect(Object.keys(one.file.formats)).toHaveLength(4);
  return Promise.all(urls.map(async (url) => ({ url, ...(await download(url)) })));
}

async function expectNothingRevealing(documentId: string, query: string) {
  for (const file of await publicFiles(documentId, query)) {
    expect(file.status).toBe(200);
    expect({ url: file.url, ...(await revealing(file.body, SERIAL)) }).toEqual({ url: file.url, gps: false, serial: false, xmp: false, iptc: false });
  }
}

/** Archive staff (Content API) and an Archivo admin get the original, GPS and serial included. */
async function expectOriginalForStaff(documentId: string, original: Buffer) {
  for (const [url, headers] of [
    [`/api/media-archive-items/${documentId}/original`, staff],
    [`/media-archive/items/${documentId}/original`, bearer(archivist.token)],
  ] as const) {
    const res = await download(url, headers);
    expect(res.status).toBe(200);
    expect(sha256(res.body)).toBe(sha256(original));
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(await revealing(res.body, SERIAL)).toMatchObject({ gps: true, serial: true, xmp: true });
  }
}

beforeAll(async () => {
  staff = await archiveStaff();
  archivist = await adminWithRole('archivo');
});

describe('what the public can reach has no GPS and no camera serials', () => {
  it('REST ingest: the public file and every format are clean; staff get the original', async () => {
    const original = await cameraPhoto(901);
    expect(await revealing(original, SERIAL)).toMatchObject({ gps: true, serial: true, xmp: true });
    const res = await ingest(staff, original, 'frontera.jpg', { kind: 'photo', title: 'Paso de frontera Santa Rosa', rights: 'own', isPublic: true });
    expect(res.status).toBe(201);
    expect(res.body.data.sha256).toBe(sha256(original));

    await expectNothingRevealing(res.body.data.documentId, 'paso frontera santa rosa');
    await expectOriginalForStaff(res.body.data.documentId, original);

    // The public copy is the same picture, cut without re-encoding: the same compressed pixels.
    const { body: publicCopy } = await download(res.body.data.file.url);
    expect(publicCopy.length).toBeLessThan(original.length);
    const [a, b] = await Promise.all([sharp(original).raw().toBuffer(), sharp(publicCopy).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
  });

  it('the import command stores the same public copy', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-privacy-'));
    try {
      const original = await cameraPhoto(902);
      await fs.writeFile(path.join(folder, 'Aduana_Santa_Rosa.jpg'), original);
      const summary = await runImport(app(), { folder, kind: 'photo', isPublic: true });
      expect(summary).toMatchObject({ imported: 1, refused: [] });
      const item = await app().db.query(ARCHIVE).findOne({ where: { sha256: sha256(original) } });
      await expectNothingRevealing(item.documentId, 'aduana');
      await expectOriginalForStaff(item.documentId, original);
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('admin path: a media-library file chosen for an item is replaced by its public copy', async () => {
    const original = await cameraPhoto(903);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-privacy-'));
    const filepath = path.join(dir, 'bofedal.jpg');
    await fs.writeFile(filepath, original);
    const [file] = await app()
      .plugin('upload')
      .service('upload')
      .upload({ data: {}, files: { filepath, originalFilename: 'bofedal.jpg', mimetype: 'image/jpeg', size: original.length } });
    await fs.rm(dir, { recursive: true, force: true });

    const created = await contentManager(archivist, ARCHIVE).create({ kind: 'photo', title: 'Bofedal de Chiluyo', rights: 'own', isPublic: true, file: file.id });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const stored = await app().db.query(ARCHIVE).findOne({ where: { documentId }, populate: ['file'] });
    expect(stored.sha256).toBe(sha256(original));
    expect(stored.file.url).toBe(file.url); // same media-library file, same URL

    await expectNothingRevealing(documentId, 'bofedal');
    await expectOriginalForStaff(documentId, original);

    // An edit that keeps the file changes nothing of it.
    expect((await contentManager(archivist, ARCHIVE).update(documentId, { title: 'Bofedal de Chiluyo (2026)' })).status).toBe(200);
    await expectOriginalForStaff(documentId, original);
  });

  it('a rotated photo keeps only its orientation', async () => {
    const original = await cameraPhoto(904, 6);
    const res = await ingest(staff, original, 'girada.jpg', { kind: 'photo', title: 'Foto girada', rights: 'own', isPublic: true });
    expect(res.status).toBe(201);
    expect([res.body.data.width, res.body.data.height]).toEqual([800, 1200]);
    const { body } = await download(res.body.data.file.url);
    const meta = await sharp(body).metadata();
    expect(meta.orientation).toBe(6);
    expect(require('exif-reader')(meta.exif)).toEqual({ bigEndian: true, Image: { Orientation: 6 } });
    expect(await revealing(body, SERIAL)).toMatchObject({ gps: false, serial: false, xmp: false });
  });

  it('a PNG with EXIF is published without it', async () => {
    const png = await sharp(await photo(905, { width: 600, height: 400 })).withExif(EXIF).png().toBuffer();
    expect(await revealing(png, SERIAL)).toMatchObject({ gps: true });
    const res = await ingest(staff, png, 'mapa.png', { kind: 'photo', title: 'Plano con coordenadas', rights: 'own', isPublic: true });
    expect(res.status).toBe(201);
    const { body } = await download(res.body.data.file.url);
    expect(await revealing(body, SERIAL)).toMatchObject({ gps: false, serial: false });
    expect((await download(`/api/media-archive-items/${res.body.data.documentId}/original`, staff)).body.equals(png)).toBe(true);
  });

  it('a file without metadata is served as it is, and it is its own original', async () => {
    const plain = await photo(906, { width: 600, height: 400 });
    const res = await ingest(staff, plain, 'sin-exif.jpg', { kind: 'photo', title: 'Sin metadatos', rights: 'own' });
    expect(res.status).toBe(201);
    expect(sha256((await download(res.body.data.file.url)).body)).toBe(sha256(plain));
    const original = await http().get(`/api/media-archive-items/${res.body.data.documentId}/original`).set(staff).redirects(1);
    expect(sha256(original.body)).toBe(sha256(plain));
  });
});

describe('the original is for archive staff only', () => {
  let documentId: string;
  let original: Buffer;

  beforeAll(async () => {
    original = await cameraPhoto(911);
    const res = await ingest(staff, original, 'reservada.jpg', { kind: 'photo', title: 'Original solo para archivo', rights: 'own', isPublic: true });
    documentId = res.body.data.documentId;
  });

  it('the public, the website token and other admin roles are refused', async () => {
    const website = bearer(await projectToken('website'));
    expect((await http().get(`/api/media-archive-items/${documentId}/original`)).status).toBe(403);
    expect((await http().get(`/api/media-archive-items/${documentId}/original`).set(website)).status).toBe(403);
    const normas = await adminWithRole('normas');
    expect((await http().get(`/media-archive/items/${documentId}/original`).set(bearer(normas.token))).status).toBe(403);
    expect((await http().get(`/media-archive/items/${documentId}/original`)).status).toBe(401);
  });

  it('nothing under public/ holds the original', async () => {
    const digest = sha256(original);
    const uploads = path.join(app().dirs.static.public, 'uploads');
    for (const name of await fs.readdir(uploads)) {
      const stat = await fs.stat(path.join(uploads, name));
      if (stat.isFile() && stat.size === original.length) expect(sha256(await fs.readFile(path.join(uploads, name)))).not.toBe(digest);
    }
  });

  it('deleting the item deletes its original', async () => {
    const stored = await download(`/api/media-archive-items/${documentId}/original`, staff);
    expect(stored.status).toBe(200);
    await app().documents(ARCHIVE as any).delete({ documentId });
    const dir = path.resolve(app().dirs.app.root, app().config.get('storage.private.originalsDir') as string);
    await expect(fs.stat(path.join(dir, sha256(original).slice(0, 2), sha256(original)))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('private items', () => {
  it('their files appear in no public response, not even through a public ceremony', async () => {
    const ceremony = (await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(true))).documentId;
    const secret = await ingest(staff, await photo(921, { width: 600, height: 400 }), 'reservada.jpg', {
      kind: 'photo', title: 'Reunión reservada', rights: 'own', isPublic: false, ceremony,
    });
    const shown = await ingest(staff, await photo(922, { width: 600, height: 400 }), 'publica.jpg', {
      kind: 'photo', title: 'Reunión pública', rights: 'own', isPublic: true, ceremony,
    });
    expect([secret.status, shown.status]).toEqual([201, 201]);
    const hidden = fileUrls(secret.body.data.file);
    expect(hidden.length).toBeGreaterThan(1);

    const responses = await Promise.all([
      http().get('/api/media-archive-items').query({ populate: '*', 'pagination[pageSize]': 100 }),
      http().get('/api/media-archive-items/search').query({ q: 'reunion' }),
      http().get(`/api/ceremonies/${ceremony}`).query({ 'populate[archiveItems][populate]': 'file' }),
      http().get('/api/ceremonies').query({ 'populate[archiveItems][populate]': '*' }),
      http().get('/api/upload/files'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 403]);
    const reachable = new Set(fileUrls(responses.map((r) => r.body)));
    expect(reachable).toContain(shown.body.data.file.url); // the public one is there: the check can see files
    for (const url of hidden) expect(reachable).not.toContain(url);
  });
});
