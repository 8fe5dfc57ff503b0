// Debian's Chromium through playwright-core (no browser download), a logged-in
// page per user with its console errors collected, and screenshots as artifacts.
import fs from 'fs';
import path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
 * Requests Strapi 5.54 itself makes that fail on a Community Edition server, whatever the
 * role: the content manager asks for the Enterprise AI settings (`/admin/ai-feature-config`,
 * a route only EE registers). Nothing of this project; every other failed request is an error.
 */
const STRAPI_CE_NOISE = [/\/admin\/ai-feature-config(\?|$)/];

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen by this session's pages, in order. */
  errors: string[];
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
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // A failed request: Chromium names the resource in the message's location.
      const resource = message.location().url;
      if (/^Failed to load resource/.test(message.text()) && STRAPI_CE_NOISE.some((noise) => noise.test(resource))) return;
      errors.push(`${page.url()}: ${message.text()}${resource && resource !== page.url() ? ` (${resource})` : ''}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  return { context, page, errors, close: () => context.close() };
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

/** The admin's base path for a plugin page or a content-manager view. */
export const adminPath = (baseUrl: string, pathname: string) => `${baseUrl}/admin${pathname.startsWith('/') ? '' : '/'}${pathname}`;

/** Edit view of a document in the content manager (default locale es-PE for localised types). */
export const editView = (baseUrl: string, uid: string, documentId: string, locale?: string) =>
  adminPath(baseUrl, `/content-manager/collection-types/${uid}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`);
