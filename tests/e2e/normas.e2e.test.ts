// Normas, in the built admin: registers an ordinance as promulgated with its signed PDF
// and editable DOCX from the media library, sees its publication requests in the norm's
// panel and on the "Publicaciones oficiales" page, follows the newspaper's request
// (e-mailed with both files by the worker), records the quote, the payment and the
// publication with its gazette ID, and finds the norm in force from the next day.
import type { Browser } from 'playwright-core';
import { tidy, createOfficeUsers, launchBrowser, loggedIn, navigate, screenshot, startServer, waitForValue, type E2EServer, type OfficeUser } from './support';

const { makeDocx, makePdf, uploadBuffer } = require('../helpers/office-files');

const NORM = 'api::norm.norm';
const NUMBER = 'Ordenanza N° 020-2026-MPSRF';
const TITLE = 'Ordenanza que regula el comercio ambulatorio en el entorno del terminal internacional';

let env: E2EServer;
let browser: Browser;
let normas: OfficeUser;

/** A calendar day in Lima as dd/mm/aaaa, `days` after today. */
const limaDay = (days = 0) =>
  new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'America/Lima' }).format(new Date(Date.now() + days * 86400_000));

beforeAll(async () => {
  env = await startServer({ seed: true });
  ({ normas } = await createOfficeUsers(env.strapi, ['normas']));
  // The signed original and the Word file, already in the media library.
  await uploadBuffer(env.strapi, makePdf(TITLE), 'ordenanza-020-2026-firmada.pdf', 'application/pdf');
  await uploadBuffer(env.strapi, makeDocx(TITLE), 'ordenanza-020-2026.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

test('Normas registers an ordinance as promulgated and follows its publication to the gazette ID and effectiveFrom', async () => {
  const session = await loggedIn(browser, env.baseUrl, normas);
  const { page } = session;
  await page.getByText('Publicaciones por vencer', { exact: true }).first().waitFor();

  // 1. The ordinance, in the content manager, with the Spanish labels of its enumerations.
  await navigate(page, env.baseUrl, `/content-manager/collection-types/${NORM}/create?plugins[i18n][locale]=es-PE`);
  await page.getByRole('combobox', { name: 'Tipo de norma' }).click();
  await page.getByRole('option', { name: 'Ordenanza', exact: true }).click();
  await page.getByRole('combobox', { name: 'Nivel' }).filter({ hasText: 'Local' }).waitFor();
  await page.getByRole('textbox', { name: 'Número' }).fill(NUMBER);
  await page.getByRole('textbox', { name: 'Slug (URL)' }).fill('ordenanza-020-2026-mpsrf');
  await page.getByRole('textbox', { name: 'Título' }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Emitida por' }).fill('Concejo Municipal');
  const issuedOn = page.getByRole('combobox', { name: 'Fecha de emisión' });
  await issuedOn.fill(limaDay(-1));
  await issuedOn.press('Enter');
  for (const [field, file] of [
    ['Texto (PDF firmado)', 'ordenanza-020-2026-firmada.pdf'],
    ['Texto editable (DOCX)', 'ordenanza-020-2026.docx'],
  ]) {
    await page.getByRole('region', { name: field }).getByRole('button').first().click();
    const dialog = page.getByRole('dialog', { name: 'Agregar Archivos' });
    await dialog.getByRole('checkbox', { name: file }).check();
    await dialog.getByRole('button', { name: 'Terminar' }).click();
    await page.getByRole('region', { name: field }).getByRole('img', { name: file }).waitFor();
  }
  await page.getByRole('combobox', { name: 'Estado' }).click();
  // The stored values (draft, prepublished, promulgated, in-force, …) shown by their Spanish labels.
  const statuses = (await page.getByRole('option').allTextContents()).filter((label) => label !== 'Elige aquí');
  expect(statuses).toEqual(['Proyecto', 'Prepublicada', 'Promulgada', 'Vigente', 'Modificada', 'Derogada']);
  await page.getByRole('option', { name: 'Promulgada', exact: true }).click();
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.waitForURL(/api::norm\.norm\/(?!create)[a-z0-9]+/, { timeout: 60000 });
  const documentId = new URL(page.url()).pathname.split('/').pop()!;

  // 2. Art. 44: the panel lists one request per channel, queued.
  const panel = page.getByTestId('norm-publication-panel');
  await panel.waitFor();
  await panel.getByText('Diario de avisos judiciales').waitFor();
  await panel.getByText('Portal institucional').waitFor();
  expect(await panel.getByTestId('norm-publication-request').count()).toBe(2);
  expect(await panel.getByTestId('request-state').filter({ hasText: 'En cola' }).count()).toBe(2);

  // 3. The worker e-mails the newspaper both files; the portal's request waits for staff.
  const requests = (await env.strapi.db.query('plugin::diario-oficial.request').findMany({ where: { normDocumentId: documentId } })) as any[];
  const newspaper = requests.find((r) => r.channel === 'diario-judicial')!;
  await env.strapi.db.query('plugin::diario-oficial.request').update({ where: { id: newspaper.id }, data: { priority: 9 } });
  for (let i = 0; i < 10; i += 1) {
    await env.strapi.plugin('diario-oficial').service('worker').tick();
    const states = ((await env.strapi.db.query('plugin::diario-oficial.request').findMany({ where: { normDocumentId: documentId } })) as any[]).map((r) => r.state);
    if (!states.includes('queued')) break;
  }
  const mail = await env.mailbox.waitFor((m) => String(m.subject).includes(newspaper.reference));
  expect(mail.attachments.map((a) => a.contentType).sort()).toEqual(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

  // 4. The queue: overdue first, states in Spanish; its picture for the README.
  await navigate(page, env.baseUrl, '/plugins/diario-oficial');
  await page.getByRole('heading', { name: 'Publicaciones oficiales', level: 1 }).waitFor();
  const row = page.getByTestId('request-row').filter({ hasText: newspaper.reference });
  await row.getByText('Presentada').waitFor();
  await row.getByText(NUMBER).waitFor();
  await page.getByTestId('request-row').filter({ hasText: 'Portal institucional' }).filter({ hasText: NUMBER }).getByText('Por presentar a mano').waitFor();
  await session.settled();
  await tidy(page);
  await screenshot(page, 'normas-diario-oficial-queue', { docs: 'diario-oficial-queue.png' });

  // 5. The request: its timeline, and the quote, the payment and the publication as its states allow.
  await row.getByRole('link', { name: newspaper.reference }).click();
  await page.getByRole('heading', { name: newspaper.reference, level: 1 }).waitFor();
  const timeline = page.getByTestId('request-timeline');
  await timeline.getByText('Solicitud creada').waitFor();
  await timeline.getByText('Enviada por correo al medio').waitFor();
  await page.getByTestId('action-record-quote').waitFor();
  expect(await page.getByTestId('action-record-payment').count()).toBe(0);

  const record = async (action: string, fields: Record<string, string>, state: string) => {
    const form = page.getByTestId(`action-${action}`);
    for (const [label, value] of Object.entries(fields)) await form.getByRole('textbox', { name: label }).fill(value);
    await form.getByRole('button').last().click();
    await page.getByText(`Guardado: ${state}.`).first().waitFor();
    await page.getByTestId('request-state').first().getByText(state, { exact: true }).waitFor();
  };
  await record('record-quote', { 'Monto cotizado (S/)': '350.50', 'Referencia de la cotización': 'COT-2026-117' }, 'Cotizada');
  await record('record-payment', { 'Orden o factura': 'O/S 2026-0458', 'Fecha de pago (dd/mm/aaaa)': limaDay(0) }, 'Pagada');
  // A date Peruvian staff would write wrong is refused in Spanish before anything is sent.
  const publication = page.getByTestId('action-record-publication');
  await publication.getByRole('textbox', { name: 'Fecha de edición (dd/mm/aaaa)' }).fill('31/02/2026');
  await publication.getByRole('button').last().click();
  await publication.getByRole('alert').filter({ hasText: 'Escriba la fecha como dd/mm/aaaa' }).waitFor();
  await record('record-publication', { 'Fecha de edición (dd/mm/aaaa)': limaDay(0), Página: '12', 'ID de la publicación (p. ej. 1835431-1)': '1835431-1' }, 'Publicada');
  await timeline.getByText('Publicación registrada').waitFor();
  await page.getByTestId('request-data').getByText('1835431-1').waitFor();
  await screenshot(page, 'normas-request-published');

  // 6. The norm: in force from the day after the edition, with its proof of publication.
  // A fresh load: the content manager keeps the document it loaded at step 1 in its client cache.
  await session.settled();
  await page.goto(`${env.baseUrl}/admin/content-manager/collection-types/${NORM}/${documentId}?plugins[i18n][locale]=es-PE`);
  await page.getByTestId('norm-publication-panel').getByText('Publicada').waitFor();
  await page.getByTestId('norm-publication-panel').getByText(`${limaDay(0)} · 1835431-1 · p. 12`).waitFor();
  await waitForValue(page.getByRole('combobox', { name: 'Vigente desde' }), limaDay(1));
  const norm = await env.strapi.documents(NORM).findOne({ documentId, locale: 'es-PE', populate: ['gazettePublication'] } as any);
  expect(norm).toEqual(expect.objectContaining({ legalStatus: 'promulgated', gazettePublication: expect.objectContaining({ gazetteId: '1835431-1' }) }));
  await screenshot(page, 'normas-norm-in-force');

  expect(session.errors).toEqual([]);
  await session.close();
});
