// One Strapi process of tests/helpers/instances.ts: the compiled project of the
// current folder (dist/), no admin panel, listening on HOST:PORT.
'use strict';
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = process.cwd();
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
