// The one Strapi instance of a test run. Lives in jest's main process (tests
// run in band), shared by every test file through the test environment.
import type { Core } from '@strapi/strapi';

const KEY = Symbol.for('municipal.tests.strapi');
type Holder = { [KEY]?: Promise<Core.Strapi> };
const holder = globalThis as Holder;

async function boot(): Promise<Core.Strapi> {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi();
  const app: Core.Strapi = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  await app.server.mount();
  return app;
}

export const getStrapiInstance = () => (holder[KEY] ??= boot());

export async function destroyStrapi() {
  const pending = holder[KEY];
  if (!pending) return;
  delete holder[KEY];
  const app = await pending;
  await app.destroy();
}
