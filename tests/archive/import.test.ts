// The bulk import: the same ingest as the REST route, duplicates skipped before
// upload, bad files reported without stopping the run, an interrupted run
// finished by running it again, and the real command with its progress bar.
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import { spawn } from 'child_process';
import { app } from '../helpers/app';
import { fixtures, publishedDocument } from '../helpers/fixtures';
import { photo, truncated, wav } from './files';
import { ARCHIVE, counts } from './support';

const { runImport } = require('../../dist/src/archive/import');

let folder: string;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-import-'));
  await fs.mkdir(path.join(folder, 'dia-2'));
  const photos = await Promise.all([701, 702, 703, 704, 705].map((seed) => photo(seed, { width: 900, height: 600 })));
  await Promise.all(photos.map((jpeg, i) => fs.writeFile(path.join(folder, `IMG_${1000 + i}.jpg`), jpeg)));
  await fs.writeFile(path.join(folder, 'dia-2', 'IMG_2000.jpg'), await photo(706, { width: 900, height: 600 }));
  await fs.writeFile(path.join(folder, 'dia-2', 'copia-de-IMG_1000.jpg'), photos[0]);
  await fs.writeFile(path.join(folder, 'IMG_1999-cortada.jpg'), truncated(photos[1]));
  await fs.writeFile(path.join(folder, 'notas.txt'), 'Lista de fotos del 28 de julio');
  await fs.writeFile(path.join(folder, '.DS_Store'), 'ignored');
});

afterAll(() => fs.rm(folder, { recursive: true, force: true }));

describe('runImport', () => {
  it('is interrupted, then resumed without importing anything twice', async () => {
    const ceremony = (await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(true))).documentId;
    const options = { folder, kind: 'photo', ceremony, tags: ['fiestas patrias', 'te deum'], credit: 'Gerencia de Comunicaciones', isPublic: true, concurrency: 1 };
    const before = await counts();

    // Interrupted after two files.
    const controller = new AbortController();
    let seen = 0;
    const first = await runImport(app(), options, { signal: controller.signal, onFile: () => ++seen === 2 && controller.abort() });
    expect(first).toMatchObject({ total: 9, imported: 2, duplicates: 0, interrupted: true });

    // The re-run finishes the folder: 6 distinct photos in all, the copy and the bad files reported.
    const outcomes: any[] = [];
    const second = await runImport(app(), options, { onFile: (o: any) => outcomes.push(o) });
    expect(second).toMatchObject({ total: 9, imported: 4, duplicates: 3, interrupted: false });
    expect(second.refused.map((r: any) => [r.file, r.code]).sort()).toEqual([
      ['IMG_1999-cortada.jpg', 'CORRUPT_FILE'],
      ['notas.txt', 'INVALID_FILE_TYPE'],
    ]);
    expect(outcomes).toHaveLength(9);
    const after = await counts();
    expect(after.items - before.items).toBe(6);
    expect(after.uploads - before.uploads).toBe(6);

    // A third run finds everything archived.
    const third = await runImport(app(), options);
    expect(third).toMatchObject({ imported: 0, duplicates: 7 });
    expect(await counts()).toEqual(after);

    const item = await app().db.query(ARCHIVE).findOne({ where: { title: 'IMG 2000' }, populate: ['ceremony', 'file'] });
    expect(item).toMatchObject({ kind: 'photo', isPublic: true, credit: 'Gerencia de Comunicaciones', tags: ['fiestas patrias', 'te deum'], width: 900 });
    expect(item.ceremony.documentId).toBe(ceremony);
    expect(item.file.formats).toHaveProperty('small');
  });

  it('without --kind the kind follows the real type', async () => {
    const mixed = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-mixed-'));
    try {
      await fs.writeFile(path.join(mixed, 'entrevista.wav'), wav(1.5, 8000, 523));
      const summary = await runImport(app(), { folder: mixed });
      expect(summary).toMatchObject({ imported: 1, refused: [] });
      const item = await app().db.query(ARCHIVE).findOne({ where: { title: 'entrevista' } });
      expect(item).toMatchObject({ kind: 'audio', isPublic: false });
      expect(Number(item.durationSeconds)).toBeCloseTo(1.5, 2);
    } finally {
      await fs.rm(mixed, { recursive: true, force: true });
    }
  });
});

describe('npm run archive:import', () => {
  it('imports a folder with a progress bar and prints the summary', async () => {
    const small = await fs.mkdtemp(path.join(os.tmpdir(), 'archive-cli-'));
    try {
      await fs.writeFile(path.join(small, 'plaza-1.jpg'), await photo(801, { width: 600, height: 400 }));
      await fs.writeFile(path.join(small, 'plaza-2.jpg'), await photo(802, { width: 600, height: 400 }));
      await fs.writeFile(path.join(small, 'roto.jpg'), Buffer.from('no es una imagen'));
      const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['scripts/archive-import.js', small, '--kind', 'photo', '--tags', 'plaza', '--public'], {
          cwd: path.resolve(__dirname, '..', '..'),
          env: { ...process.env, FORCE_COLOR: '0' },
        });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('close', (code) => resolve({ code, output }));
      });
      expect({ code, output }).toMatchObject({ code: 0 }); // the output is shown when it fails
      expect(output).toContain('Importados: 2');
      expect(output).toContain('Rechazados: 1');
      expect(output).toMatch(/roto\.jpg: \[INVALID_FILE_TYPE\]/);
      expect(await app().db.query(ARCHIVE).count({ where: { title: { $in: ['plaza-1', 'plaza-2'] }, isPublic: true } })).toBe(2);
    } finally {
      await fs.rm(small, { recursive: true, force: true });
    }
  }, 240_000);
});
