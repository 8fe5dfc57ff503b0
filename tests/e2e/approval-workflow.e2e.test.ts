// The approval workflow in the real admin, in Debian's Chromium: a Redactor writes
// a press note and submits it; the Gerente opens it, sees the panel, approves and
// publishes; the public API then serves it. A screenshot of the panel is saved to
// tests/artifacts/ (and to docs/approval-panel.png, the README's picture, with E2E_UPDATE_DOCS=1).
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { startMailbox, type Mailbox } from '../helpers/smtp';

const ROOT = path.resolve(__dirname, '..', '..');
const PORT = Number(process.env.E2E_PORT ?? 13337);
const BASE = `http://127.0.0.1:${PORT}`;
const NOTE = 'api::press-note.press-note';
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=es'];

const secret = () => crypto.randomBytes(16).toString('base64');
const password = 'Clave-Segura-2026a';

let strapi: Core.Strapi;
let mailbox: Mailbox;
let browser: Browser;
const users: Record<string, { email: string }> = {};

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) throw new Error('The admin is not built: run `npx strapi build` (npm run test:e2e does).');
  const dbFile = path.join(ROOT, '.tmp', `e2e-${Date.now().toString(36)}-${process.pid}.db`);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  mailbox = await startMailbox();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: dbFile,
    SEED: 'false',
    LOG_LEVEL: 'error',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailbox.port),
    SMTP_IGNORE_TLS: 'true',
    APP_KEYS: [secret(), secret()].join(','),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  });
  for (const key of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) process.env[key] = secret();

  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi({ ignoreDiagnostics: true });
  strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: true }).load();
  await strapi.listen();

  for (const [code, firstname] of [['redactor', 'Rosa'], ['gerente-comunicaciones', 'Julio']]) {
    const role = await strapi.service('admin::role').findOne({ code });
    const email = `${code}@municipalidad.test`;
    await strapi.service('admin::user').create({ email, firstname, lastname: code === 'redactor' ? 'Quispe' : 'Mamani', password, isActive: true, roles: [role.id] });
    users[code] = { email };
  }

  const { chromium } = require('playwright-core');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await strapi?.destroy();
  await mailbox?.close();
});

async function loggedIn(code: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'es-PE', viewport: { width: 1440, height: 1400 } });
  // The office works in Spanish: the admin's interface language, as the user would pick it.
  await context.addInitScript(() => (globalThis as any).localStorage.setItem('strapi-admin-language', 'es'));
  const page = await context.newPage();
  await page.goto(`${BASE}/admin/auth/login`);
  await page.fill('input[name="email"]', users[code].email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
  return page;
}

const editUrl = (documentId: string) => `${BASE}/admin/content-manager/collection-types/${NOTE}/${documentId}?plugins[i18n][locale]=es-PE`;

test('a Redactor submits, the Gerente approves and publishes from the admin, the public API serves it', async () => {
  const title = `Feria binacional de la frontera ${crypto.randomBytes(2).toString('hex')}`;

  // The Redactor writes the note and sends it for approval.
  const redactor = await loggedIn('redactor');
  await redactor.goto(`${BASE}/admin/content-manager/collection-types/${NOTE}/create?plugins[i18n][locale]=es-PE`);
  await redactor.fill('input[name="title"]', title);
  await redactor.fill('input[name="slug"]', title.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  await redactor.fill('textarea[name="lead"]', 'La feria reunirá a productores de ambos lados de la frontera.');
  await redactor.getByRole('button', { name: /^(Guardar|Save)$/ }).click();
  await redactor.waitForURL(/press-note\.press-note\/(?!create)[a-z0-9]+/, { timeout: 60000 });
  const documentId = new URL(redactor.url()).pathname.split('/').pop()!;
  const panel = redactor.getByTestId('approval-panel');
  await panel.waitFor({ timeout: 30000 });
  // The Publish button explains that approval is needed.
  await redactor.getByRole('button', { name: /Publicar \(requiere aprobación\)|Publish \(approval required\)/ }).waitFor({ timeout: 30000 });
  await redactor.getByTestId('approval-action-submit').click();
  await redactor.getByTestId('approval-state').filter({ hasText: /En revisión|In review/ }).waitFor({ timeout: 30000 });
  await redactor.context().close();

  // The Gerente opens it from the inbox, sees the panel, approves and publishes.
  const gerente = await loggedIn('gerente-comunicaciones');
  await gerente.goto(`${BASE}/admin/plugins/approval-workflow`);
  await gerente.getByRole('link', { name: title }).click();
  await gerente.waitForURL(new RegExp(documentId));
  await gerente.getByTestId('approval-state').filter({ hasText: /En revisión|In review/ }).waitFor({ timeout: 30000 });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await gerente.locator('[data-testid="approval-panel"] textarea').fill('Conforme. Publicar hoy.');
  await gerente.screenshot({ path: path.join(ARTIFACTS, 'approval-edit-view.png') });
  // The panel column with the document's title above it: the artifact, and the README's copy.
  const box = (await gerente.getByTestId('approval-panel').boundingBox())!;
  const clip = { x: Math.max(0, box.x - 560), y: 60, width: box.width + 600, height: box.y + box.height + 40 - 60 };
  const shot = path.join(ARTIFACTS, 'approval-panel.png');
  await gerente.screenshot({ path: shot, clip, fullPage: true });
  if (process.env.E2E_UPDATE_DOCS === '1') fs.copyFileSync(shot, path.join(ROOT, 'docs', 'approval-panel.png'));

  await gerente.getByTestId('approval-action-approve').click();
  await gerente.getByTestId('approval-state').filter({ hasText: /Aprobado|Approved/ }).waitFor({ timeout: 30000 });
  const publish = gerente.getByRole('button', { name: /^(Publicar|Publish)$/ });
  await publish.waitFor({ timeout: 30000 });
  await publish.click();
  const confirm = gerente.getByRole('dialog').getByRole('button', { name: /^(Publicar|Publish|Confirmar|Confirm)$/ });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await gerente.getByTestId('approval-state').filter({ hasText: /Publicado|Published/ }).waitFor({ timeout: 30000 });
  await gerente.screenshot({ path: path.join(ARTIFACTS, 'approval-panel-published.png') });
  await gerente.context().close();

  const res = await request(BASE).get(`/api/press-notes/${documentId}`);
  expect(res.status).toBe(200);
  expect(res.body.data.title).toBe(title);

  const history = await strapi.plugin('approval-workflow').service('workflow').status(NOTE, documentId, 'es-PE');
  expect(history.history.map((e: any) => [e.action, e.actorName])).toEqual([
    ['submit', 'Rosa Quispe'],
    ['approve', 'Julio Mamani'],
    ['publish', 'Julio Mamani'],
  ]);
});
