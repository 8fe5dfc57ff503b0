// One ingest, three doors: the REST route, the content manager and the document
// service all derive the same read-only fields, refuse the same files, and a
// refusal leaves neither an item nor an upload behind.
import { app, adminWithRole, contentManager, http, type AdminSession } from '../helpers/app';
import { asPng, decompressionBomb, pdf, photo, truncated, wav } from './files';
import { ARCHIVE, archiveStaff, counts, ingest, sha256 } from './support';

let staff: Record<string, string>;
let archivist: AdminSession;

const EXIF = {
  IFD0: { Make: 'Canon', Model: 'EOS R6' },
  IFD2: { DateTimeOriginal: '2026:07:28 08:25:00', BodySerialNumber: 'SN-998877' },
  IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '17/1 38/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 15/1 0/1' },
};

/** A media-library upload, as the admin's media library makes it. */
async function mediaLibraryFile(buffer: Buffer, name: string, mimetype: string) {
  const fs = require('fs/promises');
  const path = require('path');
  const os = require('os');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-test-'));
  const filepath = path.join(dir, name);
  await fs.writeFile(filepath, buffer);
  try {
    const [file] = await app().plugin('upload').service('upload').upload({ data: {}, files: { filepath, originalFilename: name, mimetype, size: buffer.length } });
    return file as { id: number };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  staff = await archiveStaff();
  archivist = await adminWithRole('archivo');
});

describe('REST ingest', () => {
  it('stores a photo with its formats and derives sha256, size, perceptual hash and EXIF', async () => {
    const jpeg = await photo(101, { exif: EXIF });
    const res = await ingest(staff, jpeg, 'te-deum.jpg', { kind: 'photo', title: 'Te Deum con cámara', rights: 'own', isPublic: true, sha256: 'f'.repeat(64), width: 1 });
    expect(res.status).toBe(201);
    const item = res.body.data;
    expect(item.sha256).toBe(sha256(jpeg));
    expect([item.width, item.height]).toEqual([1200, 800]);
    expect(item.perceptualHash).toMatch(/^[0-9a-f]{16}$/);
    // 08:25 in Peru (UTC−5)
    expect(item.capturedAt).toBe('2026-07-28T13:25:00.000Z');
    expect(item).not.toHaveProperty('exif');

    const stored = await app().db.query(ARCHIVE).findOne({ where: { documentId: item.documentId }, populate: ['file'] });
    expect(stored.exif).toMatchObject({ make: 'Canon', model: 'EOS R6', orientation: 1, takenAt: '2026-07-28T13:25:00.000Z', hasGps: true });
    // GPS coordinates and the serial number are not copied out of the original.
    expect(JSON.stringify(stored.exif)).not.toMatch(/SN-998877|GPSLatitude|17,38/);
    expect(Object.keys(stored.file.formats)).toEqual(expect.arrayContaining(['thumbnail', 'small', 'medium', 'large']));
  });

  it('measures a WAV’s duration and counts a PDF’s pages', async () => {
    const audio = await ingest(staff, wav(2.5), 'entrevista.wav', { kind: 'audio', title: 'Entrevista radial', rights: 'own' });
    expect(audio.status).toBe(201);
    expect(Number(audio.body.data.durationSeconds)).toBeCloseTo(2.5, 2);

    const clipping = await ingest(staff, pdf(3), 'recorte.pdf', { kind: 'press-clipping', title: 'Recorte del diario', rights: 'all-rights-reserved' });
    expect(clipping.status).toBe(201);
    expect(clipping.body.data.pageCount).toBe(3);
    expect(clipping.body.data.perceptualHash).toBeNull();
  });

  it('refuses the same bytes again with 409 DUPLICATE_FILE naming the archived item', async () => {
    const jpeg = await photo(102);
    const first = await ingest(staff, jpeg, 'a.jpg', { kind: 'photo', title: 'Primera copia', rights: 'own' });
    expect(first.status).toBe(201);
    const before = await counts();
    const again = await ingest(staff, jpeg, 'otra-copia.jpg', { kind: 'photo', title: 'Segunda copia', rights: 'own' });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ code: 'DUPLICATE_FILE', existing: { documentId: first.body.data.documentId, title: 'Primera copia' } });
    expect(again.body.error.message).toContain('Primera copia');
    expect(await counts()).toEqual(before);
  });

  describe('refusals leave nothing behind', () => {
    const cases: Array<[string, () => Promise<[Buffer, string, object]>, number, string]> = [
      ['a decompression bomb', async () => [decompressionBomb(), 'bomba.png', { kind: 'photo' }], 413, 'FILE_TOO_LARGE'],
      ['a truncated JPEG', async () => [truncated(await photo(103)), 'cortada.jpg', { kind: 'photo' }], 400, 'CORRUPT_FILE'],
      ['a PNG renamed .pdf', async () => [await asPng(await photo(104)), 'documento.pdf', { kind: 'document' }], 400, 'INVALID_FILE_TYPE'],
      ['a PDF as a photo', async () => [pdf(1), 'foto.jpg', { kind: 'photo' }], 400, 'INVALID_FILE_TYPE'],
      ['a truncated PDF', async () => [pdf(2).subarray(0, 300), 'recorte.pdf', { kind: 'press-clipping' }], 400, 'CORRUPT_FILE'],
      ['a WAV cut after its header', async () => [wav(1).subarray(0, 30), 'audio.wav', { kind: 'audio' }], 400, 'CORRUPT_FILE'],
      ['text posing as audio', async () => [Buffer.from('no soy audio'), 'audio.mp3', { kind: 'audio' }], 400, 'INVALID_FILE_TYPE'],
    ];

    it.each(cases)('%s', async (_name, make, status, code) => {
      const [buffer, filename, data] = await make();
      const before = await counts();
      const res = await ingest(staff, buffer, filename, { title: 'Archivo rechazado', rights: 'own', ...data });
      expect(res.status).toBe(status);
      expect(res.body.error.details.code).toBe(code);
      expect(res.body.error.message).toMatch(/[áéíóúñ]|archivo|imagen/i);
      expect(await counts()).toEqual(before);
    });

    it('a file over the size limit of its kind', async () => {
      const limits = app().config.get('archive.maxBytes') as Record<string, number>;
      const original = limits.audio;
      app().config.set('archive.maxBytes.audio', 10_000);
      try {
        const before = await counts();
        const res = await ingest(staff, wav(3), 'larga.wav', { kind: 'audio', title: 'Demasiado larga', rights: 'own' });
        expect(res.status).toBe(413);
        expect(res.body.error.details).toMatchObject({ code: 'FILE_TOO_LARGE', limit: 10_000 });
        expect(await counts()).toEqual(before);
      } finally {
        app().config.set('archive.maxBytes.audio', original);
      }
    });

    it('an item the schema refuses (title too short) also removes its upload', async () => {
      const before = await counts();
      const res = await ingest(staff, await photo(105), 'x.jpg', { kind: 'photo', title: 'x', rights: 'own' });
      expect(res.status).toBe(400);
      expect(await counts()).toEqual(before);
    });
  });

  it('is for archive staff only', async () => {
    const res = await ingest({}, await photo(106), 'anon.jpg', { kind: 'photo', title: 'Anónimo', rights: 'own' });
    expect(res.status).toBe(403);
  });
});

describe('content manager and document service', () => {
  it('the admin path derives the fields from the chosen file and ignores typed-in values', async () => {
    const jpeg = await photo(201);
    const file = await mediaLibraryFile(jpeg, 'admin.jpg', 'image/jpeg');
    const created = await contentManager(archivist, ARCHIVE).create({
      kind: 'photo', title: 'Subida desde el panel', rights: 'own', file: file.id, sha256: '0'.repeat(64), width: 5, perceptualHash: 'ffffffffffffffff',
    });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    let stored = await app().db.query(ARCHIVE).findOne({ where: { documentId } });
    expect(stored.sha256).toBe(sha256(jpeg));
    expect(stored.width).toBe(1200);
    expect(stored.perceptualHash).not.toBe('ffffffffffffffff');

    const edited = await contentManager(archivist, ARCHIVE).update(documentId, { title: 'Título corregido', sha256: '1'.repeat(64), height: 3 });
    expect(edited.status).toBe(200);
    stored = await app().db.query(ARCHIVE).findOne({ where: { documentId } });
    expect(stored.title).toBe('Título corregido');
    expect([stored.sha256, stored.height]).toEqual([sha256(jpeg), 800]);
  });

  it('the admin path refuses a duplicate and a file of the wrong type', async () => {
    const jpeg = await photo(202);
    const first = await contentManager(archivist, ARCHIVE).create({ kind: 'photo', title: 'Original', rights: 'own', file: (await mediaLibraryFile(jpeg, 'o.jpg', 'image/jpeg')).id });
    expect(first.status).toBe(201);
    const items = (await counts()).items;
    const copy = await mediaLibraryFile(jpeg, 'copia.jpg', 'image/jpeg');
    const dup = await contentManager(archivist, ARCHIVE).create({ kind: 'photo', title: 'Copia', rights: 'own', file: copy.id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toMatchObject({ code: 'DUPLICATE_FILE', existing: { documentId: first.body.data.documentId } });

    const sheet = await mediaLibraryFile(pdf(1), 'hoja.pdf', 'application/pdf');
    const wrong = await contentManager(archivist, ARCHIVE).create({ kind: 'photo', title: 'No es foto', rights: 'own', file: sheet.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.code).toBe('INVALID_FILE_TYPE');
    expect((await counts()).items).toBe(items);
  });

  it('changing the file re-derives the fields; changing the kind re-checks the type', async () => {
    const first = await app().documents(ARCHIVE as any).create({ data: { kind: 'photo', title: 'Cambio de archivo', rights: 'own', file: (await mediaLibraryFile(await photo(203), 'a.jpg', 'image/jpeg')).id } } as any);
    const replacement = await photo(204, { width: 900, height: 600 });
    await app().documents(ARCHIVE as any).update({ documentId: first.documentId, data: { file: (await mediaLibraryFile(replacement, 'b.jpg', 'image/jpeg')).id } } as any);
    const stored = await app().db.query(ARCHIVE).findOne({ where: { documentId: first.documentId } });
    expect([stored.sha256, stored.width, stored.height]).toEqual([sha256(replacement), 900, 600]);

    await expect(app().documents(ARCHIVE as any).update({ documentId: first.documentId, data: { kind: 'audio' } } as any)).rejects.toMatchObject({
      details: { code: 'INVALID_FILE_TYPE' },
    });
  });
});

describe('public API', () => {
  it('shows public items with formats, credit and rights, and nothing of EXIF', async () => {
    const jpeg = await photo(301, { exif: EXIF });
    const pub = await ingest(staff, jpeg, 'publica.jpg', { kind: 'photo', title: 'Foto pública con coordenadas', credit: 'Rosa Quispe', rights: 'cc-by', isPublic: true });
    const priv = await ingest(staff, await photo(302), 'reservada.jpg', { kind: 'photo', title: 'Foto reservada', rights: 'own', isPublic: false });
    expect([pub.status, priv.status]).toEqual([201, 201]);

    const one = await http().get(`/api/media-archive-items/${pub.body.data.documentId}`).query({ populate: '*' });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ credit: 'Rosa Quispe', rights: 'cc-by' });
    expect(Object.keys(one.body.data.file.formats)).toContain('small');
    const list = await http().get('/api/media-archive-items').query({ populate: '*', 'pagination[pageSize]': 100 });
    const body = JSON.stringify([one.body, list.body]);
    // Keys, not free text: a random documentId or file hash may well contain "gps".
    expect(body).not.toMatch(/SN-998877|EOS R6|"(gps\w*|exif)"\s*:/i);
    expect(list.body.data.map((d: any) => d.documentId)).not.toContain(priv.body.data.documentId);
    expect((await http().get(`/api/media-archive-items/${priv.body.data.documentId}`)).status).toBe(404);
  });
});
