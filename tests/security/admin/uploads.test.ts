// One upload guard for every door: each door that stores bytes (the admin media
// library's four upload routes, /api/upload and its replace with a full-access
// token, the upload service called by server code, the archive's ingest) gets
// every file of a corpus of lies generated here (HTML as .jpg, SVG with a
// script as .png, a truncated JPEG, a 30000×30000 PNG bomb, polyglots, wrong
// MIME, wrong extension, PDF actions, programs, empty files). Each is refused
// with a coded Spanish 4xx and leaves nothing stored; good files still pass.
import { badFiles, goodFiles, jpeg, type CorpusFile } from './corpus';
import { adminAuth, app, asResponse, expectCodedRefusal, fileCount, fileRow, fullAccessToken, http, tempFile } from './support';

type Door = { name: string; replaces: boolean; send: (file: Omit<CorpusFile, 'codes'>, targetId: number) => Promise<{ status: number; body: any }> };

let token: Record<string, string>;
let admin: Record<string, string>;
let target: { id: number };

/** The archive answers with its own codes for what it inspects first (kind-specific checks). */
const ARCHIVE_EQUIVALENTS: Record<string, string[]> = {
  TOO_MANY_PIXELS: ['FILE_TOO_LARGE'],
  ACTIVE_CONTENT_REFUSED: ['INVALID_FILE_TYPE', 'CORRUPT_FILE'],
  FILE_EXTENSION_MISMATCH: ['INVALID_FILE_TYPE'],
  FILE_MIME_MISMATCH: ['INVALID_FILE_TYPE'],
  EMPTY_FILE: ['INVALID_FILE_TYPE', 'CORRUPT_FILE'],
};

const serverUpload = async (file: Omit<CorpusFile, 'codes'>) => {
  const tmp = await tempFile(file.filename, file.buffer);
  try {
    const [stored] = await app()
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { name: file.filename } }, files: { filepath: tmp.filepath, originalFilename: file.filename, mimetype: file.contentType, size: file.buffer.length } });
    return { status: 201, body: stored };
  } catch (error) {
    return asResponse(error);
  } finally {
    await tmp.dispose();
  }
};

const doors: Door[] = [
  { name: 'admin POST /upload', replaces: false, send: (f) => http().post('/upload').set(admin).attach('files', f.buffer, { filename: f.filename, contentType: f.contentType }) },
  { name: 'admin POST /upload/files', replaces: false, send: (f) => http().post('/upload/files').set(admin).attach('files', f.buffer, { filename: f.filename, contentType: f.contentType }) },
  { name: 'admin POST /upload?id= (replace)', replaces: true, send: (f, id) => http().post('/upload').query({ id }).set(admin).attach('files', f.buffer, { filename: f.filename, contentType: f.contentType }) },
  { name: 'admin POST /upload/files/:id/replace', replaces: true, send: (f, id) => http().post(`/upload/files/${id}/replace`).set(admin).attach('files', f.buffer, { filename: f.filename, contentType: f.contentType }) },
  { name: 'POST /api/upload (full-access token)', replaces: false, send: (f) => http().post('/api/upload').set(token).attach('files', f.buffer, { filename: f.filename, contentType: f.contentType }) },
  { name: 'POST /api/upload?id= (full-access token)', replaces: true, send: (f, id) => http().post('/api/upload').query({ id }).set(token).attach('files', f.buffer, { filename: f.filename, contentType: f.contentType }) },
  { name: 'upload service (server code)', replaces: false, send: (f) => serverUpload(f) },
  {
    name: 'archive ingest POST /api/media-archive-items/ingest',
    replaces: false,
    send: (f) =>
      http()
        .post('/api/media-archive-items/ingest')
        .set(token)
        .attach('file', f.buffer, { filename: f.filename, contentType: f.contentType })
        .field('data', JSON.stringify({ kind: /\.pdf$/.test(f.filename) ? 'document' : 'photo', title: `Prueba ${f.name}`, rights: 'own' })),
  },
];

let corpus: CorpusFile[];
beforeAll(async () => {
  token = await fullAccessToken();
  admin = await adminAuth('gerente-comunicaciones');
  corpus = await badFiles();
  const res = await http().post('/upload').set(admin).attach('files', await jpeg('#117744'), { filename: 'destino.jpg', contentType: 'image/jpeg' });
  expect(res.status).toBe(201);
  target = res.body[0];
});

describe.each(doors)('$name', (door) => {
  it('refuses every file of the corpus with a code, storing nothing', async () => {
    const before = { count: await fileCount(), target: await fileRow(target.id) };
    const failures: string[] = [];
    for (const file of corpus) {
      const res = await door.send(file, target.id);
      const codes = door.name.startsWith('archive') ? [...file.codes, ...file.codes.flatMap((c) => ARCHIVE_EQUIVALENTS[c] ?? [])] : file.codes;
      try {
        expectCodedRefusal(res, codes);
      } catch (error: any) {
        failures.push(`${file.name}: ${error.message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await fileCount()).toBe(before.count);
    const after = await fileRow(target.id);
    expect({ sha256: after.sha256, hash: after.hash, size: after.size, mime: after.mime }).toEqual({
      sha256: before.target.sha256,
      hash: before.target.hash,
      size: before.target.size,
      mime: before.target.mime,
    });
  });

  it('still takes good files, stored with their real type and the sha256 of their bytes', async () => {
    for (const file of await goodFiles()) {
      if (door.name.startsWith('archive') && file.filename.endsWith('.csv')) continue; // not an archive kind
      const res = await door.send(file, target.id);
      expect([200, 201]).toContain(res.status);
      const stored = Array.isArray(res.body) ? res.body[0] : (res.body.file ?? res.body.data?.file ?? res.body);
      const row = await fileRow(stored.id);
      expect(row.mime).toBe(file.contentType);
      expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
