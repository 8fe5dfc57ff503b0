// Debian's Chromium through playwright-core (no browser download), a logged-in
// page per user with its console errors collected, and screenshots as artifacts.
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ROOT } from './server';
import type { OfficeUser } from './users';

export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

// The flags of /work/.library/env/machines/node-svc.md: the machine's network is closed,
// so Chromium's own background connections are turned off.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Requests Strapi 5.54's own admin makes that fail on a Community Edition server, whatever
 * the role: the Enterprise AI settings and AI translation jobs (routes only EE registers),
 * the edit view's preview URL of a type without a preview (404 is Strapi's "no preview"),
 * and the media dialog's request for the Media Library settings, which only roles with
 * `plugin::upload.settings.read` may make (that permission also lets them change those
 * settings, so the office's roles do not get it). Every other failed request is an error.
 */
const STRAPI_CE_NOISE = [/\/admin\/ai-feature-config(\?|$)/, /\/i18n\/ai-localization-jobs\//, /\/content-manager\/preview\/url\//, /\/upload\/settings$/];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen by this session's pages, in order. */
  errors: string[];
  /**
   * A refusal the journey provokes on purpose (a duplicate file, a bad CSV): Chromium logs
   * every 4xx answer as a console error; this one, and only this one, is not counted.
   */
  expectRefusal(url: RegExp, status: number): void;
  /** Resolves once no request of the session has been in flight for `quietMs` (the page has settled). */
  settled(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Browser language; the admin's own language does not follow it (Strapi keeps its own), Spanish is the default. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A fresh browser profile (no stored language, no session), as a new user's first visit. */
export async function openSession(browser: Browser, options: SessionOptions = {}): Promise<Session> {
  const context = await browser.newContext({ locale: options.locale ?? 'es-PE', viewport: options.viewport ?? { width: 1440, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  const refusals: Array<{ url: RegExp; status: number }> = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  const busy = () => ((inFlight += 1), (lastActivity = Date.now()));
  const done = () => ((inFlight = Math.max(0, inFlight - 1)), (lastActivity = Date.now()));
  context.on('request', busy);
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  const settled = async (quietMs = 400) => {
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline) {
      if (inFlight === 0 && Date.now() - lastActivity >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`The page did not settle: ${inFlight} request(s) still in flight`);
  };
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // A failed request: Chromium names the resource in the message's location.
      const resource = message.location().url;
      if (/^Failed to load resource/.test(message.text())) {
        if (STRAPI_CE_NOISE.some((noise) => noise.test(resource))) return;
        if (refusals.some(({ url, status }) => url.test(resource) && message.text().includes(`status of ${status} `))) return;
      }
      // The admin's fetch client aborts the requests of a view it leaves (Strapi's content
      // manager leaving the create view for the saved document's edit view reports it): a
      // request nobody waits for any more, not a failure.
      if (/^AbortError: signal is aborted without reason/.test(message.text())) return;
      // The admin's data layer also logs the error object of a refused request; the refusal
      // itself is already judged above by its URL ("Failed to load resource").
      if (/^FetchError: /.test(message.text())) return;
      // A message react-intl could not find: its id is enough (the stack says nothing more).
      const text = message.text().includes('MISSING_TRANSLATION') ? message.text().split('\n')[0] : message.text();
      const where = resource && resource !== page.url() && !text.includes('MISSING_TRANSLATION') ? ` (${resource})` : '';
      errors.push(`${new URL(page.url()).pathname}: ${text}${where}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  const expectRefusal = (url: RegExp, status: number) => void refusals.push({ url, status });
  return { context, page, errors, expectRefusal, settled, close: () => context.close() };
}

/** Logs the user in through the admin's login form and waits for the home page. */
export async function logIn(session: Session, baseUrl: string, user: OfficeUser) {
  const { page } = session;
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
}

/** openSession + logIn. */
export async function loggedIn(browser: Browser, baseUrl: string, user: OfficeUser, options?: SessionOptions): Promise<Session> {
  const session = await openSession(browser, options);
  await logIn(session, baseUrl, user);
  return session;
}

/**
 * Before a picture for the docs: closes Strapi's "new Media Library" banner (as a user
 * would; Strapi remembers it) and waits for passing notifications to go.
 */
export async function tidy(page: Page) {
  const banner = page.getByRole('button', { name: /Cerrar el aviso|Close the banner/ });
  if (await banner.isVisible().catch(() => false)) await banner.click();
  await page.locator('[role="status"]:has-text("Guardado")').first().waitFor({ state: 'hidden', timeout: 15000 }).catch(() => undefined);
}

/**
 * Saves tests/artifacts/<name>.png (gitignored). With E2E_UPDATE_DOCS=1 and `docs`,
 * also refreshes docs/<docs>, the picture the README shows.
 */
export async function screenshot(page: Page, name: string, options: { docs?: string; fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, clip: options.clip });
  if (options.docs && process.env.E2E_UPDATE_DOCS === '1') fs.copyFileSync(file, path.join(ROOT, 'docs', options.docs));
  return file;
}

/**
 * Goes to an admin path inside the running admin (React Router), as a click on a link
 * would: no reload of the bundle, so a journey spends its time on the pages, not on
 * starting the admin again. The first visit must be a real one (logIn does it).
 */
export async function navigate(page: Page, baseUrl: string, pathname: string) {
  const target = new URL(pathname.startsWith('http') ? pathname : `${baseUrl}${pathname.startsWith('/admin') ? '' : '/admin'}${pathname}`);
  await page.evaluate((href) => {
    const win = globalThis as any;
    win.history.pushState({}, '', href);
    win.dispatchEvent(new win.PopStateEvent('popstate', { state: {} }));
  }, target.pathname + target.search);
  await page.waitForURL((url) => url.pathname === target.pathname);
}

/** The admin's base path for a plugin page or a content-manager view. */
export const adminPath = (baseUrl: string, pathname: string) => `${baseUrl}/admin${pathname.startsWith('/') ? '' : '/'}${pathname}`;

/** Edit view of a document in the content manager (default locale es-PE for localised types). */
export const editView = (baseUrl: string, uid: string, documentId: string, locale?: string) =>
  adminPath(baseUrl, `/content-manager/collection-types/${uid}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`);

/** Waits until a form field shows `value` (React fills inputs after it loads the document). */
export async function waitForValue(field: Locator, value: string, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let current = '';
  while (Date.now() < deadline) {
    current = await field.inputValue().catch(() => '');
    if (current === value) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The field shows «${current}», not «${value}»`);
}
