'use strict';
// Boots the compiled app without the HTTP server, for command-line scripts.
const { ensureEnv } = require('./ensure-env');

const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/**
 * Compiles the app (dist/) without booting it. SCRIPTS_SKIP_COMPILE=true uses dist/ as it is:
 * the test run compiles it once and its child scripts reuse it (a compile costs ~10 s of CPU).
 */
async function compileApp() {
  ensureEnv();
  if (process.env.SCRIPTS_SKIP_COMPILE === 'true') return { appDir: ROOT, distDir: path.join(ROOT, 'dist') };
  return require('@strapi/strapi').compileStrapi();
}

/** Boots the app (compiled now, or `compiled` from compileApp()), runs fn, destroys it. */
async function withStrapi(fn, compiled) {
  ensureEnv();
  process.env.SEED = 'false'; // scripts seed explicitly, never as a side effect of booting
  const { createStrapi } = require('@strapi/strapi');
  const appContext = compiled ?? (await compileApp());
  const app = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  app.log.level = 'warn';
  try {
    return await fn(app, appContext);
  } finally {
    await app.destroy();
  }
}

const fromDist = (appContext, modulePath) => require(path.join(appContext.distDir, modulePath));

module.exports = { withStrapi, compileApp, fromDist };
