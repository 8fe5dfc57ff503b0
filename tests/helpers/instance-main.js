// One Strapi process of tests/helpers/instances.ts: the compiled project of the
// current folder (dist/), no admin panel, listening on HOST:PORT. Says so on
// stdout once it listens (the harness waits for that line, not only for an
// answer on the port, which another process may have taken).
'use strict';
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = process.cwd();
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .then(() => process.stdout.write(`\n@@strapi-instance-listening@@${process.env.PORT}\n`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
