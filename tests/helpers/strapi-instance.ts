// The one Strapi instance of a test run, with the SMTP server its e-mails go
// to. Lives in jest's main process (tests run in band) and is shared by every
// test file through the test environment.
import type { Core } from '@strapi/strapi';
import { startMailbox, type Mailbox } from './smtp';

export interface TestRun {
  strapi: Core.Strapi;
  mailbox: Mailbox;
}

const KEY = Symbol.for('municipal.tests.run');
type Holder = { [KEY]?: Promise<TestRun> };
const holder = globalThis as Holder;

async function boot(): Promise<TestRun> {
  const mailbox = await startMailbox();
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(mailbox.port);
  process.env.SMTP_SECURE = 'false';
  process.env.SMTP_IGNORE_TLS = 'true';

  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi();
  const strapi: Core.Strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  await strapi.server.mount();
  return { strapi, mailbox };
}

export const getTestRun = () => (holder[KEY] ??= boot());

export async function destroyTestRun() {
  const pending = holder[KEY];
  if (!pending) return;
  delete holder[KEY];
  const { strapi, mailbox } = await pending;
  await strapi.destroy();
  await mailbox.close();
}
