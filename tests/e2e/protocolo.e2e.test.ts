// Protocolo, in the built admin, on the sample directory: filters the directory (level,
// "to verify"), marks contacts verified, checks a CSV with one bad row (the preview names
// the row and the column, nothing is saved), exports vCards, and opens a ceremony's
// seating order, its notices and the printable list.
import fs from 'fs';
import type { Browser } from 'playwright-core';
import { tidy, createOfficeUsers, editView, launchBrowser, loggedIn, navigate, screenshot, startServer, type E2EServer, type OfficeUser } from './support';

const CONTACT = 'api::protocol-contact.protocol-contact';
const CEREMONY = 'api::ceremony.ceremony';

let env: E2EServer;
let browser: Browser;
let protocolo: OfficeUser;

beforeAll(async () => {
  env = await startServer({ seed: true });
  ({ protocolo } = await createOfficeUsers(env.strapi, ['protocolo']));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

const CSV = [
  'contactKey,treatment,givenName,familyName,position,institution,institutionalEmail,active',
  'jefa-oficina-migraciones,Señora,Carmen Rosa,Apaza Choque,Jefa de la Oficina de Migraciones,,migraciones.tacna@example.pe,true',
  'jefe-aduanas-santa-rosa,Señor,Raúl,Flores Ticona,Jefe de la Intendencia de Aduana,,no-es-un-correo,true',
].join('\n');

test('Protocolo filters and verifies the directory, checks an import, exports vCards and prints a seating order', async () => {
  const session = await loggedIn(browser, env.baseUrl, protocolo);
  const { page } = session;
  await page.getByText('Contactos por verificar', { exact: true }).first().waitFor();

  // The directory, in order of precedence.
  await navigate(page, env.baseUrl, '/plugins/protocol');
  await page.getByRole('heading', { name: 'Directorio protocolar', level: 1 }).waitFor();
  const rows = page.getByTestId('directory-row');
  await rows.first().waitFor();
  const total = await rows.count();
  const ranks = (await rows.locator('td:nth-child(2)').allTextContents()).map((r) => (r === '—' ? Infinity : Number(r)));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  await session.settled();
  await tidy(page);
  await screenshot(page, 'protocolo-directory', { docs: 'protocol-directory.png' });

  // Filter by level: the options are the Spanish labels of the stored values.
  await page.getByRole('combobox', { name: 'Nivel' }).click();
  expect(await page.getByRole('option').allTextContents()).toEqual(['Todos', 'Nacional', 'Regional', 'Provincial', 'Distrital', 'Local', 'Internacional']);
  await page.getByRole('option', { name: 'Nacional', exact: true }).click();
  await page.waitForFunction((count) => (globalThis as any).document.querySelectorAll('[data-testid="directory-row"]').length < count, total);
  await rows.filter({ hasText: 'Congreso de la República' }).first().waitFor();
  await page.getByRole('combobox', { name: 'Nivel' }).click();
  await page.getByRole('option', { name: 'Todos', exact: true }).click();

  // "To verify" only, then mark two verified: they leave the list.
  await page.getByRole('checkbox', { name: 'Solo por verificar' }).check();
  await page.waitForFunction((count) => (globalThis as any).document.querySelectorAll('[data-testid="directory-row"]').length < count, total);
  const toVerify = await rows.count();
  expect(toVerify).toBeGreaterThan(2);
  expect(await rows.filter({ hasText: 'Al día' }).count()).toBe(0);
  const names = await rows.locator('td:nth-child(3)').allTextContents();
  for (const name of names.slice(0, 2)) await page.getByRole('checkbox', { name, exact: true }).check();
  await page.getByRole('button', { name: 'Marcar como verificados (2)' }).click();
  await page.getByText('2 contacto(s) marcados como verificados.').waitFor();
  await page.waitForFunction((count) => (globalThis as any).document.querySelectorAll('[data-testid="directory-row"]').length === count - 2, toVerify);
  for (const name of names.slice(0, 2)) expect(await rows.filter({ hasText: name }).count()).toBe(0);

  // A CSV with one bad row: the preview names row 3 and its column; nothing can be saved.
  await page.getByLabel('Archivo CSV').setInputFiles({ name: 'autoridades-frontera.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.getByRole('button', { name: 'Revisar (simulación)' }).click();
  await page.getByText('1 problema(s): corrija el archivo y vuelva a revisarlo.').waitFor();
  const problem = page.getByRole('row').filter({ hasText: 'institutionalEmail' });
  await problem.getByText('3', { exact: true }).waitFor();
  expect(await page.getByRole('button', { name: 'Guardar importación' }).isDisabled()).toBe(true);
  await screenshot(page, 'protocolo-import-preview', { fullPage: true });
  expect(await env.strapi.db.query(CONTACT).count({ where: { contactKey: { $in: ['jefa-oficina-migraciones', 'jefe-aduanas-santa-rosa'] } } })).toBe(0);

  // vCards of the contacts still to verify (the filtered list, nothing selected).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportar vCard' }).click();
  const file = await (await download).path();
  const vcards = fs.readFileSync(file!, 'utf8');
  expect((await download).suggestedFilename()).toBe('directorio-protocolar.vcf');
  expect(vcards.match(/BEGIN:VCARD/g)?.length).toBe(toVerify - 2);

  // A ceremony: seating order and notices in its edit view, then the printable list.
  const ceremony = await env.strapi.documents(CEREMONY).findFirst({ filters: { slug: 'misa-y-te-deum-fiestas-patrias-2026' } } as any);
  await navigate(page, env.baseUrl, editView(env.baseUrl, CEREMONY, ceremony!.documentId, 'es-PE'));
  await page.getByRole('combobox', { name: 'Tipo' }).filter({ hasText: 'Religioso' }).waitFor();
  const seating = page.getByTestId('seating-panel');
  await seating.getByText('Asistieron: 5').waitFor();
  await seating.getByText('No asisten: 2').waitFor();
  await page.getByTestId('notices-panel').waitFor();
  await seating.getByRole('link', { name: 'Lista imprimible' }).click();
  const print = page.getByTestId('seating-print');
  await print.getByRole('heading', { name: ceremony!.title, level: 1 }).waitFor();
  await print.getByText('Lista de invitados').waitFor();
  await print.getByText('Preside').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'protocolo-seating-print', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  expect(session.errors).toEqual([]);
  await session.close();
});
