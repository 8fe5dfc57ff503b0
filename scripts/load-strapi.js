'use strict';
// Boots the compiled app without the HTTP server, for command-line scripts.
const { ensureEnv } = require('./ensure-env');

/** Compiles the app (dist/) without booting it. */
async function compileApp() {
  ensureEnv();
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

const fromDist = (appContext, modulePath) => require(require('path').join(appContext.distDir, modulePath));

module.exports = { withStrapi, compileApp, fromDist };
