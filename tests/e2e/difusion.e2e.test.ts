// The Gerente, in the built admin: from a national law's side panel ("Difusión" →
// "Difundir") composes a circular to the bodies that follow its subject, previews the
// e-mail and sends it; a body's recipient opens the personal link from the e-mail in a
// browser without an admin account and confirms receipt and application; the circular's
// page shows the body as "Aplicado" and the norm's panel its dissemination history.
import type { Browser } from 'playwright-core';
import { createOfficeUsers, launchBrowser, loggedIn, navigate, openSession, screenshot, startServer, tidy, type E2EServer, type OfficeUser } from './support';

const NORM = 'api::norm.norm';
const BODY = 'api::municipal-body.municipal-body';
const TITLE = 'Ley que modifica el Código Tributario en materia de fraccionamiento';
const SUBJECT = 'Difusión de la Ley N° 32105 para su cumplimiento';

let env: E2EServer;
let browser: Browser;
let gerente: OfficeUser;
let normId: string;
const rentas = { name: 'Gerencia de Administración Tributaria', email: 'rentas@municipalidad.test', staff: 'cpc.quispe@municipalidad.test' };
const transporte = { name: 'Gerencia de Transporte y Seguridad Vial', email: 'transporte@municipalidad.test' };

beforeAll(async () => {
  env = await startServer();
  ({ 'gerente-comunicaciones': gerente } = await createOfficeUsers(env.strapi, ['gerente-comunicaciones']));
  await env.strapi.documents(BODY).create({
    data: { name: rentas.name, email: rentas.email, subjects: ['tributos'], recipients: [{ name: 'CPC Luis Quispe Mamani', position: 'Gerente', email: rentas.staff }] },
  } as any);
  await env.strapi.documents(BODY).create({ data: { name: transporte.name, email: transporte.email, subjects: ['transporte'] } } as any);
  const norm = await env.strapi.documents(NORM).create({
    data: { normType: 'ley', level: 'national', number: 'Ley N° 32105', slug: 'ley-32105', title: TITLE, issuedBy: 'Congreso de la República', issuedOn: '2026-11-20', legalStatus: 'in-force', subjects: ['tributos'] },
  } as any);
  normId = norm.documentId;
  await env.strapi.documents(NORM).publish({ documentId: normId } as any);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

test('the Gerente disseminates a national law; the body acknowledges and confirms it applied it', async () => {
  const session = await loggedIn(browser, env.baseUrl, gerente);
  const { page } = session;

  // 1. The norm's panel: not disseminated yet, "Difundir".
  await navigate(page, env.baseUrl, `/content-manager/collection-types/${NORM}/${normId}?plugins[i18n][locale]=es-PE`);
  const panel = page.getByTestId('norm-dissemination-panel');
  await panel.getByText('Esta norma aún no se ha difundido.').waitFor();
  await panel.getByRole('link', { name: 'Difundir' }).click();

  // 2. The composer starts with the norm and its subject; preview, then send.
  await page.getByRole('heading', { name: 'Difusión', level: 1 }).waitFor();
  const composer = page.getByTestId('dissemination-composer');
  await composer.getByTestId('picked-norm').getByText(`Ley N° 32105 — ${TITLE}`).waitFor();
  await composer.getByRole('textbox', { name: 'Asunto' }).fill(SUBJECT);
  await composer.getByRole('textbox', { name: 'Mensaje' }).fill('Se remite la ley para su conocimiento y cumplimiento en los procedimientos de fraccionamiento.');
  expect(await composer.getByRole('checkbox', { name: 'Tributos y rentas' }).isChecked()).toBe(true);
  await composer.getByRole('button', { name: 'Vista previa del correo' }).click();
  const preview = page.getByTestId('dissemination-preview');
  await preview.getByText('Se enviará a 2 destinatario(s).').waitFor();
  await preview.getByText(/Se remite para su conocimiento y cumplimiento/).waitFor();
  await tidy(page);
  await screenshot(page, 'difusion-composer', { docs: 'dissemination-composer.png' });
  await composer.getByRole('button', { name: 'Enviar circular' }).click();

  // 3. The circular's page: the body, sent.
  await page.getByRole('heading', { name: SUBJECT, level: 1 }).waitFor();
  const row = page.getByTestId('circular-body').filter({ hasText: rentas.name });
  await row.getByText('Enviado').waitFor();
  expect(await page.getByTestId('circular-body').filter({ hasText: transporte.name }).count()).toBe(0);

  // 4. The recipient opens the personal link (no admin account) and confirms.
  const mail = await env.mailbox.waitFor((m) => m.subject === `Circular: ${SUBJECT}` && env.mailbox.to(rentas.staff).includes(m));
  const link = /\/api\/dissemination\/ack\/[A-Za-z0-9._-]+/.exec(mail.text ?? '')![0];
  const recipient = await openSession(browser);
  await recipient.page.goto(`${env.baseUrl}${link}`);
  await recipient.page.getByRole('heading', { name: SUBJECT, level: 1 }).waitFor();
  await recipient.page.getByText(TITLE).waitFor();
  const deliveries = () => env.strapi.db.query('plugin::dissemination.delivery').findMany({ where: { email: rentas.staff } }) as Promise<any[]>;
  expect((await deliveries())[0].acknowledgedAt).toBeNull(); // opening records nothing
  await recipient.page.getByRole('checkbox', { name: 'Confirmo que nuestro órgano aplicó las normas de esta circular' }).check();
  await recipient.page.getByRole('textbox', { name: 'Nota (opcional)' }).fill('Se actualizó el procedimiento de fraccionamiento del TUPA.');
  await recipient.page.getByRole('button', { name: 'Confirmar recepción' }).click();
  await recipient.page.getByRole('status').getByText('Aplicación registrada. Gracias.').waitFor();
  await recipient.page.getByText(/Recepción confirmada el/).waitFor();
  await screenshot(recipient.page, 'difusion-acknowledgment-page', { docs: 'dissemination-acknowledgment.png' });
  expect(recipient.errors).toEqual([]);
  await recipient.close();

  // 5. The Gerente sees the body as acknowledged and applied.
  await page.reload();
  await page.getByTestId('circular-body').filter({ hasText: rentas.name }).getByText('Aplicado').waitFor();
  await page.getByTestId('circular-recipient').filter({ hasText: rentas.staff }).getByText('Aplicado').waitFor();
  await session.settled();
  await tidy(page);
  await screenshot(page, 'difusion-circular', { docs: 'dissemination-circular.png' });

  // 6. The norm's panel: its dissemination history, body by body.
  await navigate(page, env.baseUrl, `/content-manager/collection-types/${NORM}/${normId}?plugins[i18n][locale]=es-PE`);
  const entry = page.getByTestId('norm-dissemination-entry').filter({ hasText: SUBJECT });
  await entry.getByText(rentas.name).waitFor();
  await entry.getByText('Aplicado').waitFor();
  await session.settled();

  expect(session.errors).toEqual([]);
  await session.close();
});
