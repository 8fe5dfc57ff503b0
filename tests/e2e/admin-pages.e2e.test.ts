// Every plugin page and every custom side panel, for every office role, in the built
// admin: present (and working, without a console error) for the roles that may use it,
// absent for the others. Also: the admin opens in Spanish from the first screen with
// English selectable, each role's home page shows what waits for it, and the built
// bundle carries every plugin's admin.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { createOfficeUsers, editView, launchBrowser, loggedIn, navigate, openSession, ROOT, screenshot, startServer, type E2EServer, type OfficeUser, type RoleCode } from './support';

let env: E2EServer;
let browser: Browser;
let users: Record<RoleCode, OfficeUser>;
const documents: Record<string, string> = {};

const NOTE = 'api::press-note.press-note';
const NORM = 'api::norm.norm';
const CEREMONY = 'api::ceremony.ceremony';
const ARCHIVE = 'api::media-archive-item.media-archive-item';

/** Plugin pages: menu label, path, a heading the page shows, and who may open it. */
const PAGES = [
  { menu: 'Aprobaciones', path: '/plugins/approval-workflow', heading: 'Aprobaciones', roles: ['redactor', 'gerente-comunicaciones'] },
  { menu: 'Publicaciones oficiales', path: '/plugins/diario-oficial', heading: 'Publicaciones oficiales', roles: ['normas', 'gerente-comunicaciones'] },
  { menu: 'Directorio protocolar', path: '/plugins/protocol', heading: 'Directorio protocolar', roles: ['protocolo', 'gerente-comunicaciones'] },
  { menu: 'Importar al archivo', path: '/plugins/media-archive', heading: 'Importar al archivo', roles: ['archivo', 'redactor', 'gerente-comunicaciones'] },
  { menu: 'Sincronización CIF', path: '/plugins/cif-sync', heading: 'Sincronización CIF', roles: ['gerente-comunicaciones'] },
];

/** Side panels: the document they sit on, their title, a test id of their content, who reads the document and who sees the panel. */
const PANELS = [
  { uid: NOTE, doc: 'note', title: 'Aprobación de la Gerencia', testId: 'approval-panel', readers: ['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo', 'normas'], roles: ['redactor', 'gerente-comunicaciones'] },
  { uid: NORM, doc: 'norm', title: 'Publicación oficial', testId: 'norm-publication-panel', readers: ['redactor', 'gerente-comunicaciones', 'normas'], roles: ['normas', 'gerente-comunicaciones'] },
  { uid: CEREMONY, doc: 'ceremony', title: 'Orden de ubicación', testId: 'seating-panel', readers: ['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo'], roles: ['protocolo', 'gerente-comunicaciones'] },
  { uid: CEREMONY, doc: 'ceremony', title: 'Avisos a los órganos', testId: 'notices-panel', readers: ['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo'], roles: ['protocolo', 'gerente-comunicaciones'] },
  { uid: ARCHIVE, doc: 'archive', title: 'Archivo: original y parecidas', testId: 'archive-panel', readers: ['redactor', 'gerente-comunicaciones', 'archivo'], roles: ['redactor', 'gerente-comunicaciones', 'archivo'] },
];

/** What each role's home page shows first (widgets of the office's plugins). */
const HOME: Record<RoleCode, string[]> = {
  redactor: ['Devueltos con cambios', 'Últimos ingresos al archivo'],
  'gerente-comunicaciones': ['Esperan su aprobación', 'Publicaciones por vencer', 'Contactos por verificar'],
  normas: ['Publicaciones por vencer'],
  protocolo: ['Contactos por verificar', 'Cumpleaños de los próximos 14 días'],
  archivo: ['Últimos ingresos al archivo'],
};
/** Strapi's generic widgets, which the office's home page leaves out. */
const GENERIC_WIDGETS = ['Estadísticas del proyecto', 'Últimas entradas publicadas', 'Entradas', 'Project statistics'];

beforeAll(async () => {
  env = await startServer({ seed: true });
  users = await createOfficeUsers(env.strapi);
  const first = (uid: string, filters: object = {}) => env.strapi.documents(uid as any).findFirst({ filters } as any) as Promise<any>;
  documents.note = (await first(NOTE)).documentId;
  documents.norm = (await first(NORM, { normType: 'ordenanza' })).documentId;
  documents.ceremony = (await first(CEREMONY, { slug: 'misa-y-te-deum-fiestas-patrias-2026' })).documentId;
  documents.archive = (await first(ARCHIVE)).documentId;
  // Something in review, for the Gerente's inbox and home page.
  const draft = await env.strapi.documents(NOTE).create({ data: { title: 'Campaña de vacunación en la frontera', slug: 'campana-vacunacion-frontera', lead: 'La campaña llega a los distritos de frontera.' }, locale: 'es-PE' } as any);
  documents.inReview = draft.documentId;
  await env.strapi.plugin('approval-workflow').service('workflow').act({
    uid: NOTE,
    documentId: draft.documentId,
    locale: 'es-PE',
    action: 'submit',
    actor: { kind: 'admin', id: users.redactor.id, name: users.redactor.name, email: users.redactor.email },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

test('the built admin bundle carries the admin of every plugin that has one, in React’s production build', () => {
  const entry = fs.readFileSync(path.join(ROOT, '.strapi', 'client', 'app.js'), 'utf8');
  const withAdmin = fs.readdirSync(path.join(ROOT, 'src', 'plugins')).filter((p) => fs.existsSync(path.join(ROOT, 'src', 'plugins', p, 'admin', 'src')));
  expect(withAdmin.length).toBeGreaterThanOrEqual(4);
  for (const plugin of withAdmin) expect([plugin, entry.includes(`src/plugins/${plugin}/./admin/src/index.ts`)]).toEqual([plugin, true]);
  // …and is a production build: React's development code (its warnings) is not in it (scripts/build.js).
  const bundle = fs.readdirSync(path.join(ROOT, 'dist', 'build')).filter((f) => f.endsWith('.js'));
  expect(bundle.filter((f) => fs.readFileSync(path.join(ROOT, 'dist', 'build', f), 'utf8').includes('changed size between renders'))).toEqual([]);
});

test('a new user’s first screen is in Spanish; English stays selectable and is remembered', async () => {
  const session = await openSession(browser, { locale: 'en-US' });
  const { page } = session;
  await page.goto(`${env.baseUrl}/admin/auth/login`);
  await page.getByRole('heading', { name: 'Comunicaciones e Imagen Institucional' }).waitFor();
  await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('es');
  await screenshot(page, 'login-es');

  await page.getByRole('combobox').first().click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Communications and Institutional Image' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Login' }).waitFor();
  expect(session.errors).toEqual([]);
  await session.close();
});

async function menuLabels(page: Page) {
  const nav = page.getByRole('navigation').first();
  await nav.getByRole('link', { name: 'Inicio' }).waitFor();
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

describe.each(['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo', 'normas'] as RoleCode[])('%s', (role) => {
  test('home page, plugin pages and side panels: present where the role may use them, absent elsewhere, no console error', async () => {
    const session = await loggedIn(browser, env.baseUrl, users[role]);
    const { page } = session;

    // Home: the role's own widgets, in Spanish, and none of Strapi's generic ones.
    await page.getByRole('heading', { name: `Hola ${users[role].firstname}` }).waitFor();
    for (const title of HOME[role]) await page.getByText(title, { exact: true }).first().waitFor();
    await session.settled();
    for (const title of GENERIC_WIDGETS) expect([title, await page.getByText(title, { exact: true }).count()]).toEqual([title, 0]);
    await screenshot(page, `home-${role}`);

    // Menu and pages.
    const menu = await menuLabels(page);
    expect(menu).toEqual(expect.arrayContaining(['Inicio', 'Gestor de contenidos', 'Biblioteca de Multimedia']));
    for (const entry of PAGES) {
      const allowed = entry.roles.includes(role);
      expect([entry.menu, menu.includes(entry.menu)]).toEqual([entry.menu, allowed]);
      await navigate(page, env.baseUrl, entry.path);
      if (allowed) {
        await page.getByRole('heading', { name: entry.heading, level: 1 }).waitFor();
      } else {
        // Strapi's own refusal page: the plugin's content never renders.
        await page.getByText('No tiene permiso para acceder a este contenido', { exact: false }).first().waitFor();
        expect(await page.getByRole('heading', { name: entry.heading, level: 1 }).count()).toBe(0);
      }
    }

    // Side panels on the documents the role can open.
    for (const doc of [...new Set(PANELS.filter((p) => p.readers.includes(role)).map((p) => p.doc))]) {
      const panels = PANELS.filter((p) => p.doc === doc);
      await navigate(page, env.baseUrl, editView(env.baseUrl, panels[0].uid, documents[doc], panels[0].uid === ARCHIVE ? undefined : 'es-PE'));
      await page.getByRole('button', { name: /^(Guardar|Publicar|Publicar \(requiere aprobación\))$/ }).first().waitFor();
      for (const panel of panels) {
        if (panel.roles.includes(role)) {
          await page.getByText(panel.title, { exact: true }).first().waitFor();
          await page.getByTestId(panel.testId).waitFor();
        }
      }
      await session.settled();
      for (const panel of panels.filter((p) => !p.roles.includes(role))) {
        expect([panel.testId, await page.getByTestId(panel.testId).count()]).toEqual([panel.testId, 0]);
      }
    }

    if (role === 'gerente-comunicaciones') {
      // The inbox works: the note in review is listed, and opens in the content manager with its panel.
      await navigate(page, env.baseUrl, '/plugins/approval-workflow');
      await page.getByRole('link', { name: 'Campaña de vacunación en la frontera' }).click();
      await page.waitForURL(new RegExp(documents.inReview));
      await page.getByTestId('approval-state').filter({ hasText: 'En revisión' }).waitFor();
    }

    expect(session.errors).toEqual([]);
    await session.close();
  });
});
