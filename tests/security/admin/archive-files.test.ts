// An archive item's file changes through its item, never through the media library
// (src/archive/file-lock.ts). Every door that replaces or deletes a stored file — the
// media library's replace, delete, bulk delete by file and by folder, /api/upload's
// replace and delete — × every office role, a super admin and a full-access token, for a
// public and a private item: a coded 403, the file's bytes and row unchanged, and a bulk
// delete that also names a free file deletes nothing. The same doors delete a free file
// (control), and the item's file once the item is gone.
import crypto from 'crypto';
import { fullAccess, ingest } from '../../archive/support';
import { photo } from '../../archive/files';
import { app, fileRow, http, roleCodes, sessionOf, tempFile } from './support';

const ARCHIVE = 'api::media-archive-item.media-archive-item';

type Auth = Record<string, string>;
interface Door {
  name: string;
  api: boolean;
  /** Changes or deletes the file; `free` is another, unheld file for the bulk doors. */
  run: (fileId: number, auth: Auth, free: number) => Promise<{ status: number; body: any }>;
}

let seed = 9100;
const newBytes = async () => photo((seed += 1), { width: 320, height: 200 });
const replaceVia = async (path: string, query: object, auth: Auth) =>
  http().post(path).query(query).set(auth).attach('files', await newBytes(), { filename: 'otra.jpg', contentType: 'image/jpeg' });

let folderId: number;
const DOORS: Door[] = [
  { name: 'admin POST /upload?id=', api: false, run: (id, auth) => replaceVia('/upload', { id }, auth) },
  { name: 'admin POST /upload/files/:id/replace', api: false, run: (id, auth) => replaceVia(`/upload/files/${id}/replace`, {}, auth) },
  { name: 'admin DELETE /upload/files/:id', api: false, run: (id, auth) => http().delete(`/upload/files/${id}`).set(auth) },
  { name: 'admin bulk delete by file', api: false, run: (id, auth, free) => http().post('/upload/actions/bulk-delete').set(auth).send({ fileIds: [free, id] }) },
  {
    name: 'admin bulk delete by folder',
    api: false,
    run: async (id, auth, free) => {
      const folder = await app().plugin('upload').service('folder').create({ name: `Carpeta ${crypto.randomBytes(3).toString('hex')}`, parent: folderId });
      await app().db.query('plugin::upload.file').updateMany({ where: { id: { $in: [id, free] } }, data: { folder: folder.id, folderPath: folder.path } });
      return http().post('/upload/actions/bulk-delete').set(auth).send({ folderIds: [folder.id] });
    },
  },
  { name: 'POST /api/upload?id=', api: true, run: (id, auth) => replaceVia('/api/upload', { id }, auth) },
  { name: 'DELETE /api/upload/files/:id', api: true, run: (id, auth) => http().delete(`/api/upload/files/${id}`).set(auth) },
];

/** A free file in the media library (held by nothing). */
async function freeFile() {
  const buffer = await newBytes();
  const tmp = await tempFile('libre.jpg', buffer);
  try {
    const [file] = await app()
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { name: 'libre.jpg' } }, files: { filepath: tmp.filepath, originalFilename: 'libre.jpg', mimetype: 'image/jpeg', size: buffer.length } });
    return file.id as number;
  } finally {
    await tmp.dispose();
  }
}

let staff: Auth;
async function archivedItem(isPublic: boolean) {
  const res = await ingest(staff, await newBytes(), `foto-${seed}.jpg`, { kind: 'photo', title: `Foto ${seed}`, rights: 'own', isPublic });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  const item = await app().db.query(ARCHIVE).findOne({ where: { documentId: res.body.data.documentId }, populate: ['file'] });
  return { documentId: item.documentId as string, fileId: item.file.id as number };
}

const state = async (fileId: number) => {
  const row = await fileRow(fileId);
  return row && { hash: row.hash, url: row.url, sha256: row.sha256, folderPath: row.folderPath };
};

const admins = () => [...roleCodes(), 'strapi-super-admin'];
const authOf = async (role: string): Promise<Auth> => ({ Authorization: `Bearer ${(await sessionOf(role)).token}` });

beforeAll(async () => {
  staff = await fullAccess();
  folderId = (await app().plugin('upload').service('folder').create({ name: 'Pruebas del archivo' })).id;
}, 60_000);

describe.each([true, false].map((isPublic) => [isPublic ? 'public item' : 'private item', isPublic] as const))('%s', (_label, isPublic) => {
  it('no door of the media library or /api/upload replaces or deletes its file, for any caller; a bulk delete deletes nothing', async () => {
    const { fileId } = await archivedItem(isPublic);
    const before = await state(fileId);
    const failures: string[] = [];
    for (const door of DOORS) {
      const callers: Array<[string, Auth]> = door.api ? [['full-access token', staff]] : await Promise.all(admins().map(async (r) => [r, await authOf(r)] as [string, Auth]));
      for (const [name, auth] of callers) {
        const free = await freeFile();
        const res = await door.run(fileId, auth, free);
        const code = res.body?.error?.details?.code;
        // Admins who may not read archive items do not see a private item's file at all (404 or FORBIDDEN there).
        const accepted = res.status === 403 && code === 'ARCHIVE_FILE_LOCKED';
        const hidden = !isPublic && [403, 404].includes(res.status) && code !== undefined;
        if (!accepted && !hidden) failures.push(`${door.name} as ${name}: ${res.status} ${code ?? JSON.stringify(res.body).slice(0, 160)}`);
        if (door.name.startsWith('admin bulk') && !(await fileRow(free))) failures.push(`${door.name} as ${name}: deleted the free file of the same request`);
        if (accepted && typeof res.body.error.message === 'string') expect(res.body.error.message).toMatch(/archivo de prensa/);
      }
    }
    expect(failures).toEqual([]);
    // Folders may have moved it (bulk delete by folder set its folder first); bytes and names stay.
    const after = await state(fileId);
    expect({ ...after, folderPath: null }).toEqual({ ...before, folderPath: null });
  }, 240_000);
});

it('the same doors delete and replace a free file (control)', async () => {
  const auth = await authOf('strapi-super-admin');
  for (const door of DOORS) {
    const free = await freeFile();
    const other = await freeFile();
    const res = await door.run(free, door.api ? staff : auth, other);
    expect([door.name, [200, 201, 204].includes(res.status) ? 'ok' : `${res.status} ${JSON.stringify(res.body).slice(0, 160)}`]).toEqual([door.name, 'ok']);
  }
}, 240_000);

it("once the item is deleted, its file may go", async () => {
  const { documentId, fileId } = await archivedItem(true);
  await app().documents(ARCHIVE as any).delete({ documentId } as any);
  const res = await http().delete(`/upload/files/${fileId}`).set(await authOf('strapi-super-admin'));
  expect(res.status).toBe(200);
  expect(await fileRow(fileId)).toBeNull();
});

