// One script process of tests/helpers/instances.ts (`runScript`): loads the
// compiled project of the current folder (dist/) without the HTTP server, runs
// the default export of the module given as first argument with the Strapi
// instance, prints the marker (second argument) and the result as JSON on one
// line, and stops Strapi.
'use strict';
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const [modulePath, marker] = process.argv.slice(2);
const appDir = process.cwd();

(async () => {
  const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  let code = 0;
  try {
    const result = await require(modulePath)(strapi);
    process.stdout.write(`\n${marker}${JSON.stringify(result ?? null)}\n`);
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await strapi.destroy();
  }
  process.exit(code);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
