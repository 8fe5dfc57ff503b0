// Archivo, in the built admin: imports a photo (with GPS in its EXIF) on "Importar al
// archivo", imports a brighter copy of it and is warned it is a near-duplicate, tries the
// same file again and is told it is already archived, opens the copy's record (its panel
// lists the original photo as very similar) and downloads its original, byte for byte.
import crypto from 'crypto';
import fs from 'fs';
import type { Browser } from 'playwright-core';
import { brighter, photo } from '../archive/files';
import { createOfficeUsers, launchBrowser, loggedIn, navigate, screenshot, startServer, waitForValue, type E2EServer, type OfficeUser } from './support';

const ARCHIVE = 'api::media-archive-item.media-archive-item';
const EXIF = {
  IFD0: { Make: 'Nikon', Model: 'D7500', DateTime: '2026:07:28 09:15:00' },
  IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '17/1 38/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 15/1 0/1' },
};

let env: E2EServer;
let browser: Browser;
let archivo: OfficeUser;
const sha256 = (buffer: Buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

beforeAll(async () => {
  env = await startServer();
  ({ archivo } = await createOfficeUsers(env.strapi, ['archivo']));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

test('Archivo imports a photo, is warned of a near-duplicate and of the same file, and downloads the original', async () => {
  const original = await photo(4201, { exif: EXIF });
  const copy = await brighter(original);
  const session = await loggedIn(browser, env.baseUrl, archivo);
  const { page } = session;
  await page.getByText('Últimos ingresos al archivo', { exact: true }).first().waitFor();

  await navigate(page, env.baseUrl, '/plugins/media-archive');
  await page.getByRole('heading', { name: 'Importar al archivo', level: 1 }).waitFor();
  const input = page.getByTestId('archive-import-input');
  const importFiles = async (files: Array<{ name: string; buffer: Buffer }>) => {
    await input.setInputFiles(files.map((f) => ({ ...f, mimeType: 'image/jpeg' })));
    await page.getByRole('button', { name: `Importar ${files.length === 1 ? '1 archivo' : `${files.length} archivos`}` }).click();
    await page.getByTestId('archive-import-summary').waitFor();
  };

  // The first photo: imported, nothing like it in the archive yet.
  await page.getByRole('combobox', { name: 'Tipo' }).click();
  await page.getByRole('option', { name: 'Fotografía', exact: true }).click();
  await page.getByRole('textbox', { name: 'Crédito' }).fill('Oficina de Imagen Institucional');
  await page.getByRole('textbox', { name: 'Etiquetas (separadas por comas)' }).fill('fiestas patrias, te deum');
  await importFiles([{ name: 'te-deum-2026-001.jpg', buffer: original }]);
  const first = page.getByTestId('archive-import-row').first();
  await first.getByText('Importado').waitFor();
  await first.getByText('Ninguna').waitFor();
  await page.getByText('1 importado(s), 0 ya estaban, 0 rechazado(s).').waitFor();

  // A brighter copy and the same file again, in one import (the server refuses the second: 409).
  session.expectRefusal(/\/media-archive\/items\/ingest$/, 409);
  await importFiles([
    { name: 'te-deum-2026-001-editada.jpg', buffer: copy },
    { name: 'te-deum-2026-001 (1).jpg', buffer: original },
  ]);
  const [copyRow, againRow] = [page.getByTestId('archive-import-row').nth(0), page.getByTestId('archive-import-row').nth(1)];
  await copyRow.getByText('Importado').waitFor();
  await copyRow.getByTestId('archive-near-duplicate').filter({ hasText: 'Posible duplicado' }).waitFor();
  await copyRow.getByRole('link', { name: 'te-deum-2026-001' }).waitFor();
  await againRow.getByText('Ya estaba en el archivo').waitFor();
  await againRow.getByText(/Este archivo ya está en el archivo: «te-deum-2026-001»/).waitFor();
  await page.getByText('1 importado(s), 1 ya estaban, 0 rechazado(s).').waitFor();
  await screenshot(page, 'archivo-import');
  expect(await env.strapi.db.query(ARCHIVE).count()).toBe(2);

  // The copy's record: the Spanish kind, and its panel naming the first photo as very similar.
  await copyRow.getByRole('link', { name: 'Abrir la ficha' }).click();
  await page.waitForURL(/media-archive-item\.media-archive-item\/[a-z0-9]+/);
  await page.getByRole('combobox', { name: 'Tipo' }).filter({ hasText: 'Fotografía' }).waitFor();
  const panel = page.getByTestId('archive-panel');
  await panel.getByTestId('archive-near-duplicate').waitFor();
  await session.settled();
  await screenshot(page, 'archivo-item-panel');

  // The first photo's record, from there: its original is the file as received, GPS included.
  await panel.getByRole('link', { name: 'te-deum-2026-001' }).click();
  await waitForValue(page.getByRole('textbox', { name: 'Título' }), 'te-deum-2026-001');
  await panel.getByRole('link', { name: 'te-deum-2026-001-editada' }).waitFor();
  const download = page.waitForEvent('download');
  await panel.getByTestId('archive-download-original').click();
  const saved = await (await download).path();
  expect(sha256(fs.readFileSync(saved!))).toBe(sha256(original));
  expect((await download).suggestedFilename()).toBe('te-deum-2026-001.jpg');
  // What the website gets is the copy without metadata (src/archive): not these bytes.
  const item = await env.strapi.db.query(ARCHIVE).findOne({ where: { title: 'te-deum-2026-001' }, populate: ['file'] });
  const publicFile = await fetch(`${env.baseUrl}${item.file.url}`).then(async (res) => Buffer.from(await res.arrayBuffer()));
  expect(sha256(publicFile)).not.toBe(sha256(original));

  expect(session.errors).toEqual([]);
  await session.close();
});
