#!/usr/bin/env node
'use strict';
// `npm run build`: `strapi build` with NODE_ENV=production. Strapi 5.54 replaces
// `process.env` in the admin bundle with its STRAPI_ADMIN_* variables only, so
// unless NODE_ENV is set while building, the production admin runs React's
// development build (slower, and printing development warnings to the console).
const path = require('path');
const { spawnSync } = require('child_process');

const bin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
const { status } = spawnSync(process.execPath, [bin, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' },
});
process.exit(status ?? 1);
