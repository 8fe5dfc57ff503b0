// The Redactor's and the Gerente's day in the built admin, in Debian's Chromium, in Spanish.
// Redactor: writes a press note with a cover and a body, opens its preview, submits it.
// Gerente: finds it in the inbox, approves and publishes it; after the Redactor changes a sentence
// sees what changed, approves with a publication time; retracts another note with a reason; opens
// the preview link of the approval e-mail in a fresh browser with no session; restores the first version.
// Screenshots: tests/artifacts/ (E2E_UPDATE_DOCS=1 copies the two the README shows to docs/).
import crypto from 'crypto';
import request from 'supertest';
import { BASE, PASSWORD, artifact, bootOffice, closeOffice, freshContext, loggedIn, toDocs, type Office } from './approval-support';

const NOTE = 'api::press-note.press-note';
const LOCALE = 'es-PE';
const editUrl = (documentId: string) => `${BASE}/admin/content-manager/collection-types/${NOTE}/${documentId}?plugins[i18n][locale]=${LOCALE}`;
const tag = crypto.randomBytes(2).toString('hex');
const TITLE = `Feria binacional de la frontera ${tag}`;
const SENTENCE = 'La feria abre el sábado en la plaza de armas.';
const CHANGED = 'La feria abre el domingo en la plaza de armas.';

let office: Office;
let documentId: string;
let cover: { id: number; name: string; alternativeText: string };
let retracted: { documentId: string; title: string };

beforeAll(async () => {
  office = await bootOffice();
  const { uploadGeneratedImage } = require('../../dist/src/seed/images');
  cover = await uploadGeneratedImage(office.strapi, { color: '#0b5394', label: 'Feria' }, `feria-${tag}`, 'Productores en la plaza de armas');
  // A note already published through the workflow, for the Gerente to retract.
  const workflow = office.strapi.plugin('approval-workflow').service('workflow');
  const title = `Corte de agua programado ${tag}`;
  const created = await office.strapi.documents(NOTE).create({ data: { title, slug: `corte-de-agua-${tag}`, lead: 'Sector norte.', category: 'institucional' }, locale: LOCALE } as any);
  const actor = (code: string) => ({ kind: 'admin' as const, id: office.users[code].id, name: office.users[code].name });
  await workflow.submitApproveAndPublish({ uid: NOTE, documentId: created.documentId, locale: LOCALE }, { submitter: actor('redactor'), reviewer: actor('gerente-comunicaciones'), notify: false });
  retracted = { documentId: created.documentId, title };
});

afterAll(() => closeOffice(office ?? {}));

/**
 * What this journey answers for: console errors and refused requests of the approval plugin and the
 * preview. Strapi's own (missing Spanish strings, the media library asking a Redactor for
 * /upload/settings) belong to the Spanish-first work and its journeys (tests/e2e/support/).
 */
const ours = (page: { consoleErrors: string[]; refused: string[] }) => ({
  errors: page.consoleErrors.filter((e) => /approval-workflow|\/preview\//.test(e) && !/Failed to load resource/.test(e)),
  refused: page.refused.filter((r) => /\/approval-workflow\/|\/preview\//.test(r)),
});

const panelState = (page: any, text: RegExp) => page.getByTestId('approval-state').filter({ hasText: text }).waitFor({ timeout: 30000 });

test('Redactor: writes a press note with a cover and a body, opens its preview, submits it', async () => {
  const page = await loggedIn(office, 'redactor');
  await page.goto(`${BASE}/admin/content-manager/collection-types/${NOTE}/create?plugins[i18n][locale]=${LOCALE}`);
  await page.fill('input[name="title"]', TITLE);
  await page.fill('input[name="slug"]', `feria-binacional-${tag}`);
  await page.fill('textarea[name="lead"]', 'Productores de ambos lados de la frontera se reúnen tres días.');
  const body = page.locator('[contenteditable="true"]').first();
  await body.click();
  await page.keyboard.type(SENTENCE);
  // The cover, chosen from the media library.
  await page.getByRole('button', { name: /Haga clic para seleccionar un (recurso|activo)/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('checkbox', { name: `feria-${tag}.jpg` }).click();
  await dialog.getByRole('button', { name: /^Terminar$/ }).click();
  await page.getByRole('button', { name: /^Guardar$/ }).click();
  await page.waitForURL(/press-note\.press-note\/(?!create)[a-z0-9]+/, { timeout: 60000 });
  documentId = new URL(page.url()).pathname.split('/').pop()!;
  await panelState(page, /^Borrador$/);
  await page.getByRole('button', { name: 'Publicar (requiere aprobación)' }).waitFor({ timeout: 30000 });
  await page.getByTestId('approval-changes-none').waitFor();

  // Strapi's Preview: this project's page in the admin's frame, the draft as the public will read it.
  await page.getByRole('link', { name: /Abrir previsualización/ }).click();
  const frame = page.frameLocator('[data-testid="preview-iframe"]');
  await frame.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: 30000 });
  await frame.getByText(SENTENCE).waitFor();
  await frame.getByRole('img', { name: 'Productores en la plaza de armas' }).first().waitFor();
  await frame.getByRole('heading', { name: 'Cómo se verá en buscadores y redes sociales' }).waitFor();
  await frame.getByText(/Vista previa.*borrador sin publicar/).waitFor();
  await page.screenshot({ path: artifact('redactor-preview.png') });
  await page.goBack();

  await page.getByTestId('approval-action-submit').click();
  await panelState(page, /^En revisión$/);
  await page.getByText('Enviar a aprobación').last().waitFor(); // the history's first event
  expect(ours(page)).toEqual({ errors: [], refused: [] });
  await page.context().close();

  const mail = await office.mailbox.waitFor((m) => (m.subject ?? '') === `Para aprobar: «${TITLE}»`);
  expect(mail.to && JSON.stringify(mail.to)).toContain(office.users['gerente-comunicaciones'].email);
});

test('Gerente: inbox, publication, what changed, scheduled approval, the e-mail preview without a session, retraction, restore', async () => {
  const page = await loggedIn(office, 'gerente-comunicaciones');
  // The inbox shows the Redactor's note with who sent it.
  await page.goto(`${BASE}/admin/plugins/approval-workflow`);
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  await row.getByText('Rosa Quispe').waitFor({ timeout: 30000 });
  await row.getByRole('link', { name: TITLE }).click();
  await page.waitForURL(new RegExp(documentId));
  await panelState(page, /^En revisión$/);
  await page.getByTestId('approval-action-approve').click();
  await panelState(page, /^Aprobado$/);
  await page.getByRole('button', { name: /^Publicar$/ }).click();
  const confirm = page.getByRole('dialog').getByRole('button', { name: /^(Publicar|Confirmar)$/ });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await panelState(page, /^Publicado$/);
  expect((await request(BASE).get(`/api/press-notes/${documentId}`)).body.data.title).toBe(TITLE);
  await page.getByTestId('approval-version').filter({ hasText: 'Versión 1' }).filter({ hasText: 'Aprobada por Julio Mamani' }).filter({ hasText: 'Publicada por Julio Mamani' }).waitFor();

  // The Redactor corrects one sentence and sends it again (through the admin API, as the panel does).
  const login = await request(BASE).post('/admin/login').send({ email: office.users.redactor.email, password: PASSWORD });
  const auth = { Authorization: `Bearer ${login.body.data.token}` };
  const cm = `/content-manager/collection-types/${NOTE}/${documentId}`;
  const draft = (await request(BASE).get(cm).query({ locale: LOCALE }).set(auth)).body.data;
  const changed = draft.body.map((block: any) => ({ ...block, children: block.children.map((c: any) => (c.text === SENTENCE ? { ...c, text: CHANGED } : c)) }));
  expect((await request(BASE).put(cm).query({ locale: LOCALE }).set(auth).send({ ...draft, body: changed })).status).toBe(200);
  expect((await request(BASE).post(`/approval-workflow/documents/${NOTE}/${documentId}/actions/submit`).query({ locale: LOCALE }).set(auth).send({})).status).toBe(200);

  // What changed, field by field, against the published version.
  await page.reload();
  await panelState(page, /^En revisión$/);
  const changes = page.getByTestId('approval-changes');
  await changes.getByText(/1 campo cambió respecto de la versión 1, aprobada por Julio Mamani/).waitFor({ timeout: 30000 });
  await changes.getByTestId('approval-change').filter({ hasText: 'Cuerpo' }).waitFor();
  expect((await changes.getByTestId('approval-diff-removed').allTextContents()).map((t) => t.trim())).toEqual(['sábado']);
  expect((await changes.getByTestId('approval-diff-added').allTextContents()).map((t) => t.trim())).toEqual(['domingo']);
  await page.locator('[data-testid="approval-panel"] textarea').fill('Conforme con la corrección de la fecha.');
  const box = (await page.getByTestId('approval-panel').boundingBox())!;
  await page.screenshot({ path: artifact('approval-panel.png'), clip: { x: Math.max(0, box.x - 560), y: 60, width: box.width + 600, height: Math.min(box.y + box.height + 40 - 60, 1600) }, fullPage: true });
  toDocs('approval-panel.png');

  // Approve with a publication time: tomorrow at 10:00.
  const picker = page.getByTestId('approval-panel').locator('input[role="combobox"]');
  await picker.first().click();
  await page.getByRole('gridcell').filter({ hasNotText: /^\s*$/ }).last().click();
  await picker.nth(1).fill('10:00');
  await picker.nth(1).press('Enter');
  await page.getByTestId('approval-action-approve').click();
  await panelState(page, /^Aprobado$/);
  await page.getByText(/^Publicación programada: /).waitFor();
  const status = await office.strapi.plugin('approval-workflow').service('workflow').status(NOTE, documentId, LOCALE);
  expect(status.state).toBe('approved');
  expect(Date.parse(status.publishAt)).toBeGreaterThan(Date.now());

  // The approval e-mail's preview link, on a phone with no session: exactly what was sent.
  const mails = office.mailbox.messages.filter((m) => m.subject === `Para aprobar: «${TITLE}»`);
  expect(mails).toHaveLength(2);
  const link = mails[1].text!.match(/https?:\/\/\S+\/preview\/\S+/)![0];
  const phone = await (await freshContext(office, { phone: true })).newPage();
  await phone.goto(link);
  await phone.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await phone.getByText(CHANGED).waitFor();
  await phone.getByText(/Vista previa.*deja de valer si el contenido se edita/).waitFor();
  await phone.getByRole('img', { name: 'Productores en la plaza de armas' }).first().waitFor();
  expect(await phone.context().cookies()).toEqual([]);
  await phone.screenshot({ path: artifact('preview-page.png'), fullPage: true });
  toDocs('preview-page.png');
  // The first e-mail's link named the version before the correction: it no longer opens.
  const old = mails[0].text!.match(/https?:\/\/\S+\/preview\/\S+/)![0];
  await phone.goto(old);
  await phone.getByRole('heading', { level: 1, name: 'No se puede mostrar la vista previa' }).waitFor();
  await phone.context().close();

  // Retract another, published note, with the reason.
  await page.goto(editUrl(retracted.documentId));
  await panelState(page, /^Publicado$/);
  await page.locator('[data-testid="approval-panel"] textarea').fill('La fecha del corte cambió: se publicará una nota nueva.');
  await page.getByTestId('approval-action-unpublish').click();
  await panelState(page, /^Borrador$/);
  await page.getByText('«La fecha del corte cambió: se publicará una nota nueva.»').waitFor();
  expect((await request(BASE).get(`/api/press-notes/${retracted.documentId}`)).status).toBe(404);

  // Back to the first version of the fair's note: a restore is an edit, approval needed again.
  await page.goto(editUrl(documentId));
  await panelState(page, /^Aprobado$/);
  await page.getByTestId('approval-restore-1').click();
  await page.getByRole('alertdialog').getByText(/deberá enviarse y aprobarse de nuevo/).waitFor();
  await page.getByTestId('approval-restore-confirm').click();
  await panelState(page, /^Borrador$/);
  await page.getByText(SENTENCE).first().waitFor();
  await page.getByTestId('approval-panel').getByText(/Restaurada la versión 1 \(aprobada por Julio Mamani\)/).waitFor();
  await page.getByTestId('approval-changes').getByText(/Sin cambios respecto de la versión 2|1 campo cambió respecto de la versión 2/).waitFor();
  const restored = await office.strapi.plugin('approval-workflow').service('workflow').status(NOTE, documentId, LOCALE);
  expect([restored.state, restored.publishAt]).toEqual(['draft', null]);
  expect(ours(page)).toEqual({ errors: [], refused: [] });
  await page.context().close();
});
