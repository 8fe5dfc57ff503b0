'use strict';
// Boots the compiled app without the HTTP server, for command-line scripts.
const { ensureEnv } = require('./ensure-env');

async function withStrapi(fn) {
  ensureEnv();
  process.env.SEED = 'false'; // scripts seed explicitly, never as a side effect of booting
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi();
  const app = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  app.log.level = 'warn';
  try {
    return await fn(app, appContext);
  } finally {
    await app.destroy();
  }
}

const fromDist = (appContext, modulePath) => require(require('path').join(appContext.distDir, modulePath));

module.exports = { withStrapi, fromDist };
