#!/usr/bin/env node
'use strict';
/**
 * Smoke test of the protocol admin pages in a real Chromium (run after `npm run build`):
 * starts the app with the built admin on a throw-away SQLite file, seeds the sample data,
 * logs in as a Protocolo user (Spanish) and opens the directory, a ceremony's edit view
 * (seating panel) and the printable list. Screenshots go to .tmp/e2e-protocol/.
 *
 *   node tests/e2e/protocol-admin.smoke.js      (CHROMIUM_PATH, default /usr/bin/chromium)
 */
const crypto = require('crypto');
const path = require('path');
const fs = require('fs');

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, '.tmp', 'e2e-protocol');
fs.mkdirSync(SHOTS, { recursive: true });
process.chdir(ROOT);
const secret = () => crypto.randomBytes(16).toString('base64');
const dbFile = path.join(ROOT, '.tmp', `e2e-protocol-${process.pid}.db`);
const PORT = Number(process.env.E2E_PORT ?? 16400);
Object.assign(process.env, {
  NODE_ENV: 'production', SEED: 'false', LOG_LEVEL: 'error', DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: dbFile,
  APP_KEYS: `${secret()},${secret()}`, API_TOKEN_SALT: secret(), ADMIN_JWT_SECRET: secret(), TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(), ENCRYPTION_KEY: secret(), STRAPI_TELEMETRY_DISABLED: 'true', PORT: String(PORT), HOST: '127.0.0.1',
  SMTP_PORT: String(PORT + 1), // nothing listens: notices stay in the outbox
});

(async () => {
  const { compileStrapi, createStrapi } = require(path.join(ROOT, 'node_modules/@strapi/strapi'));
  const strapi = await createStrapi({ ...(await compileStrapi()), autoReload: false }).load();
  const { chromium } = require(path.join(ROOT, 'node_modules/playwright-core'));
  let browser;
  try {
    await strapi.server.mount();
    await new Promise((r) => strapi.server.httpServer.listen(PORT, '127.0.0.1', r));
    await require(path.join(ROOT, 'dist/src/seed')).seedSampleData(strapi);
    const role = await strapi.service('admin::role').findOne({ code: 'protocolo' });
    const email = 'protocolo-e2e@municipalidad.test';
    const password = 'Clave-e2e-12345-A1';
    await strapi.service('admin::user').create({ email, firstname: 'Pro', lastname: 'Tocolo', password, isActive: true, roles: [role.id], preferedLanguage: 'es' });
    const ceremony = await strapi.documents('api::ceremony.ceremony').findFirst({ filters: { slug: 'misa-y-te-deum-fiestas-patrias-2026' } });

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${PORT}/admin/auth/login`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60000 });

    await page.goto(`http://127.0.0.1:${PORT}/admin/plugins/protocol`);
    await page.getByText('Directorio protocolar').first().waitFor({ timeout: 60000 });
    await page.getByText('Copaja Vargas').first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(SHOTS, 'directory.png'), fullPage: false });
    const text = await page.textContent('main');
    if (!text.includes('Cumpleaños')) throw new Error('The directory page shows no birthdays section for Protocolo');
    console.log('directory ok');

    await page.goto(`http://127.0.0.1:${PORT}/admin/content-manager/collection-types/api::ceremony.ceremony/${ceremony.documentId}?plugins[i18n][locale]=es-PE`);
    await page.getByText('Orden de ubicación').first().waitFor({ timeout: 60000 });
    await page.getByText('Lista imprimible').first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(SHOTS, 'panel.png') });
    console.log('panel ok');

    await page.goto(`http://127.0.0.1:${PORT}/admin/plugins/protocol/ceremonies/${ceremony.documentId}/seating`);
    await page.getByText('Lista de invitados').first().waitFor({ timeout: 60000 });
    await page.screenshot({ path: path.join(SHOTS, 'print.png'), fullPage: true });
    console.log('print ok');
    if (errors.length) throw new Error(`Page errors: ${errors.join('; ')}`);
  } finally {
    if (browser) await browser.close();
    await strapi.destroy();
    for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + s, { force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
