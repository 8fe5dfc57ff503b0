// The server the browser tests drive: the production build (`strapi build`, which
// `npm run test:e2e` runs once) served by one Strapi per test file, on a fresh
// SQLite file, at E2E_PORT (or a free port), e-mail to a real SMTP server.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { startMailbox, type Mailbox } from '../../helpers/smtp';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface E2EServer {
  strapi: Core.Strapi;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  mailbox: Mailbox;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Load the sample data (src/seed) before the tests: directory, norms, ceremonies, archive, press notes. */
  seed?: boolean;
  /** More environment for this file's server (e.g. a capability's variables). */
  env?: Record<string, string>;
}

const secret = () => crypto.randomBytes(16).toString('base64');

function assertBuilt() {
  const missing = ['dist/build/index.html', 'dist/src/index.js'].filter((file) => !fs.existsSync(path.join(ROOT, file)));
  if (missing.length) {
    throw new Error(`The production build is missing (${missing.join(', ')}): run \`npm run build\` (\`npm run test:e2e\` does).`);
  }
}

/**
 * Boots the built app: the server code compiled by `strapi build` into dist/ and
 * the admin bundle in dist/build, served by Strapi itself (`serveAdminPanel`).
 * Nothing is compiled here, so a journey runs exactly what `npm run start` runs.
 */
export async function startServer(options: ServerOptions = {}): Promise<E2EServer> {
  assertBuilt();
  const dbFile = path.join(ROOT, '.tmp', `e2e-${Date.now().toString(36)}-${process.pid}-${crypto.randomBytes(2).toString('hex')}.db`);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const mailbox = await startMailbox();
  Object.assign(process.env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: process.env.E2E_PORT ?? '0',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: dbFile,
    SEED: 'false',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'error',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailbox.port),
    SMTP_IGNORE_TLS: 'true',
    // The tests drive the publication worker themselves (as the plugin's own tests do).
    DIARIO_OFICIAL_WORKER: 'false',
    APP_KEYS: [secret(), secret()].join(','),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    ARCHIVE_ORIGINALS_DIR: `${dbFile}.originals`,
    ...options.env,
  });
  for (const key of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) process.env[key] = secret();

  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: true }).load();
  // strapi.listen() without its console banner: mount the routes, then listen.
  await strapi.server.mount();
  await new Promise<void>((resolve, reject) => {
    strapi.server.httpServer.once('error', reject);
    strapi.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', () => resolve());
  });
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  if (options.seed) await require(path.join(ROOT, 'dist/src/seed')).seedSampleData(strapi);

  return {
    strapi,
    baseUrl: `http://127.0.0.1:${port}`,
    mailbox,
    async close() {
      await strapi.destroy();
      await mailbox.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
      fs.rmSync(`${dbFile}.originals`, { recursive: true, force: true });
    },
  };
}
