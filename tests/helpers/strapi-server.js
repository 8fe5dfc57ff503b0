'use strict';
// Entry of a Strapi server process for tests (tests/helpers/strapi-process.ts): the app
// compiled by the test run (dist/), started as `strapi start` would, no admin panel.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..', '..');
createStrapi({ appDir: root, distDir: path.join(root, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
