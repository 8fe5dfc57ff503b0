// Boot for the approval journeys (Redactor, Gerente): this run's Strapi serving the built admin on
// E2E_PORT, a fresh SQLite file, the test SMTP server, the office's users in Spanish, Chromium.
// Taken from the first browser test; the shared e2e harness (tests/e2e/support/) replaces it at merge.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Core } from '@strapi/strapi';
import { startMailbox, type Mailbox } from '../helpers/smtp';

export const ROOT = path.resolve(__dirname, '..', '..');
export const PORT = Number(process.env.E2E_PORT ?? 13337);
export const BASE = `http://127.0.0.1:${PORT}`;
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=es'];
export const PASSWORD = 'Clave-Segura-2026a';

const secret = () => crypto.randomBytes(16).toString('base64');

export interface Office {
  strapi: Core.Strapi;
  mailbox: Mailbox;
  browser: Browser;
  users: Record<string, { id: number; email: string; name: string }>;
}

/** The office's users, by role code: name as the audit trail shows it. */
const PEOPLE: Array<[code: string, firstname: string, lastname: string]> = [
  ['redactor', 'Rosa', 'Quispe'],
  ['gerente-comunicaciones', 'Julio', 'Mamani'],
];

export async function bootOffice(): Promise<Office> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'build', 'index.html'))) throw new Error('The admin is not built: run `npx strapi build` (npm run test:e2e does).');
  const dbFile = path.join(ROOT, '.tmp', `e2e-${Date.now().toString(36)}-${process.pid}.db`);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const mailbox = await startMailbox();
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
  const strapi: Core.Strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: true }).load();
  await strapi.listen();

  const users: Office['users'] = {};
  for (const [code, firstname, lastname] of PEOPLE) {
    const role = await strapi.service('admin::role').findOne({ code });
    const email = `${code}@municipalidad.test`;
    // Spanish from the first screen (the admin's own default comes with the Spanish-first work).
    const user = await strapi.service('admin::user').create({ email, firstname, lastname, password: PASSWORD, isActive: true, roles: [role.id], preferedLanguage: 'es' });
    users[code] = { id: user.id, email, name: `${firstname} ${lastname}` };
  }

  const { chromium } = require('playwright-core');
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return { strapi, mailbox, browser, users };
}

export async function closeOffice(office: Partial<Office>) {
  await office.browser?.close();
  await office.strapi?.destroy();
  await office.mailbox?.close();
}

/** A fresh browser context (no session, no cookies), in Spanish, as a phone or a desktop. */
export async function freshContext(office: Office, { phone = false } = {}): Promise<BrowserContext> {
  const context = await office.browser.newContext({ locale: 'es-PE', viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 1400 }, deviceScaleFactor: 1 });
  await context.addInitScript(() => (globalThis as any).localStorage.setItem('strapi-admin-language', 'es'));
  return context;
}

/** Logs in as the user of a role code; console errors of the page are collected for the assertions. */
export async function loggedIn(office: Office, code: string): Promise<Page & { consoleErrors: string[]; refused: string[] }> {
  const page = (await (await freshContext(office)).newPage()) as Page & { consoleErrors: string[]; refused: string[] };
  page.consoleErrors = [];
  page.refused = [];
  page.on('console', (message) => message.type() === 'error' && page.consoleErrors.push(message.text()));
  page.on('response', (response) => response.status() >= 400 && page.refused.push(`${response.status()} ${response.request().method()} ${response.url()}`));
  await page.goto(`${BASE}/admin/auth/login`);
  await page.fill('input[name="email"]', office.users[code].email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
  return page;
}

export const artifact = (name: string) => path.join(ARTIFACTS, name);

/** Copies an artifact to docs/ when E2E_UPDATE_DOCS=1 (the README's pictures). */
export function toDocs(name: string, docsName = name) {
  if (process.env.E2E_UPDATE_DOCS === '1') fs.copyFileSync(artifact(name), path.join(ROOT, 'docs', docsName));
}
