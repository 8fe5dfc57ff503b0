// A private item's files are not under public/ (local provider; the S3 side is
// tests/storage/s3.test.ts), and when `isPublic` changes they move with no
// moment where a private file opens for the public: going private, the public
// copies are gone before the transaction commits (and come back if it rolls
// back); going public, the private copies stay until the commit.
import fs from 'fs';
import path from 'path';
import { adminWithRole, app, http } from '../helpers/app';
import { photo } from './files';
import { ARCHIVE, archiveStaff, fileUrls, ingest, sha256 } from './support';

const { privateFileName } = require('../../dist/src/archive/private-files');
const { createPrivateStore } = require('../../dist/src/archive/private-store');
// The instance's own module (jest loads a copy of its own for require).
const settleFileMoves = () => app().service(ARCHIVE as any).settleFileMoves();

let staff: Record<string, string>;

const publicPath = (url: string) => path.join(app().dirs.static.public, url);
const privatePath = (url: string) => path.resolve(app().dirs.app.root, app().config.get('storage.private.filesDir') as string, privateFileName(url));
const fileRow = async (documentId: string) =>
  (await app().db.query(ARCHIVE).findOne({ where: { documentId }, populate: { file: true } })).file as { id: number; url: string; formats: Record<string, { url: string }> };
const rowUrls = (file: { url: string; formats: Record<string, { url: string }> }) => [file.url, ...Object.values(file.formats ?? {}).map((f) => f.url)];

async function privateItem(seed: number) {
  const picture = await photo(seed, { width: 640, height: 480 });
  const res = await ingest(staff, picture, `privada-${seed}.jpg`, { kind: 'photo', title: `Reservada ${seed}`, rights: 'own', isPublic: false });
  expect(res.status).toBe(201);
  return { picture, documentId: res.body.data.documentId as string, body: res.body.data };
}

beforeAll(async () => {
  staff = await archiveStaff();
});

it('a private item is ingested straight into the private store: nothing under public/ at any time', async () => {
  const before = new Set(fs.readdirSync(path.join(app().dirs.static.public, 'uploads')));
  const { picture, documentId, body } = await privateItem(961);
  const added = fs.readdirSync(path.join(app().dirs.static.public, 'uploads')).filter((name) => !before.has(name));
  expect(added).toEqual([]);
  const urls = rowUrls(await fileRow(documentId));
  for (const url of urls) {
    expect(url.startsWith('/media-archive/files/')).toBe(true);
    expect(fs.existsSync(privatePath(url))).toBe(true);
  }
  expect(sha256(fs.readFileSync(privatePath(urls[0])))).toBe(sha256(picture));
  // The answer to staff carries working links; the Public role does not even see the item.
  expect((await http().get(body.file.url)).status).toBe(200);
  expect((await http().get(`/api/media-archive-items/${documentId}`)).status).toBe(404);
});

it('going private: the public copies are deleted before the commit, and restored when the transaction rolls back', async () => {
  const res = await ingest(staff, await photo(962, { width: 640, height: 480 }), 'publica.jpg', { kind: 'photo', title: 'Pública 962', rights: 'own', isPublic: true });
  const { documentId } = res.body.data;
  const publicUrls = rowUrls(await fileRow(documentId));
  for (const url of publicUrls) expect(fs.existsSync(publicPath(url))).toBe(true);

  // Rolled back: everything public again, at the same URLs.
  await expect(
    app().db.transaction(async () => {
      await app().documents(ARCHIVE as any).update({ documentId, data: { isPublic: false } });
      for (const url of publicUrls) expect(fs.existsSync(publicPath(url))).toBe(false);
      throw new Error('rollback on purpose');
    })
  ).rejects.toThrow('rollback on purpose');
  await settleFileMoves();
  expect(rowUrls(await fileRow(documentId))).toEqual(publicUrls);
  for (const url of publicUrls) expect((await http().get(url)).status).toBe(200);

  // Committed: gone from public/ before the commit, in the private store after it.
  await app().db.transaction(async () => {
    await app().documents(ARCHIVE as any).update({ documentId, data: { isPublic: false } });
    for (const url of publicUrls) expect(fs.existsSync(publicPath(url))).toBe(false);
  });
  for (const url of publicUrls) expect((await http().get(url)).status).toBe(404);
  for (const url of rowUrls(await fileRow(documentId))) expect(fs.existsSync(privatePath(url))).toBe(true);
});

it('going public: new public names, the private copies removed only after the commit', async () => {
  const { documentId, picture } = await privateItem(963);
  const privateUrls = rowUrls(await fileRow(documentId));
  await app().db.transaction(async () => {
    await app().documents(ARCHIVE as any).update({ documentId, data: { isPublic: true } });
    for (const url of privateUrls) expect(fs.existsSync(privatePath(url))).toBe(true);
  });
  await settleFileMoves();
  for (const url of privateUrls) expect(fs.existsSync(privatePath(url))).toBe(false);
  const publicUrls = rowUrls(await fileRow(documentId));
  for (const url of publicUrls) expect(url.startsWith('/uploads/')).toBe(true);
  const shown = await http().get(`/api/media-archive-items/${documentId}`).query({ populate: 'file' });
  expect(shown.body.data.file.url).toBe(publicUrls[0]);
  const main = await http().get(publicUrls[0]).buffer(true);
  expect(sha256(main.body)).toBe(sha256(picture));
});

it('a private file replaced by server code stays in the private store, with signed links to the Archivo role only; the media library may not replace it', async () => {
  const { documentId } = await privateItem(964);
  const file = await fileRow(documentId);
  const archivist = await adminWithRole('archivo');
  // The media library refuses: an item's file changes through its item (src/archive/file-lock.ts).
  const refused = await http()
    .post(`/upload?id=${file.id}`)
    .set('Authorization', `Bearer ${archivist.token}`)
    .attach('files', await photo(966, { width: 640, height: 480 }), 'otra.jpg');
  expect([refused.status, refused.body.error?.details?.code]).toEqual([403, 'ARCHIVE_FILE_LOCKED']);
  expect(await fileRow(documentId)).toEqual(file);
  // Server code (the archive making a stored file an item's file replaces it so): every new version private.
  const bytes = await photo(965, { width: 640, height: 480 });
  const tmp = path.join(app().dirs.app.root, '.tmp', `nueva-${Date.now()}.jpg`);
  fs.writeFileSync(tmp, bytes);
  try {
    await app().plugin('upload').service('upload').replace(file.id, {
      data: { fileInfo: { name: 'nueva.jpg' } },
      file: { filepath: tmp, originalFilename: 'nueva.jpg', mimetype: 'image/jpeg', size: bytes.length },
    });
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const after = await fileRow(documentId);
  expect(sha256(fs.readFileSync(privatePath(after.url)))).toBe(sha256(bytes));
  for (const url of rowUrls(after)) {
    expect(url.startsWith('/media-archive/files/')).toBe(true);
    expect(fs.existsSync(privatePath(url))).toBe(true);
  }
  const listed = await http().get('/upload/files').query({ 'filters[id][$eq]': file.id }).set('Authorization', `Bearer ${archivist.token}`);
  const links = fileUrls(listed.body.results);
  expect(links.length).toBeGreaterThan(0);
  for (const url of links) expect((await http().get(url)).status).toBe(200);
});

it('a private folder that Strapi would serve (under public/) is refused at start-up', () => {
  const storage = app().config.get('storage') as any;
  const root = app().dirs.app.root;
  const at = (dirs: object) => () => createPrivateStore({ ...storage, private: { ...storage.private, ...dirs } }, root, app().dirs.static.public);
  for (const dir of ['public/private-files', 'public', './public/uploads/../archive']) {
    expect(at({ filesDir: dir })).toThrow(/inside .* which Strapi serves to anyone/);
    expect(at({ originalsDir: dir })).toThrow(/private originals folder/);
  }
  expect(at({ filesDir: 'private/archive-files', originalsDir: 'public-not/originals' })).not.toThrow();
});
