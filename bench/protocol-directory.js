#!/usr/bin/env node
'use strict';
/**
 * Directory listing in precedence order vs the content manager's own list.
 * `GET /protocol/directory` loads the whole directory and sorts it by effective
 * precedence (override, else the office's rank) in memory, then pages; the
 * baseline is the content manager's list of the same type, paged in SQL.
 * Fixed data: CONTACTS contacts over 40 institutions and 30 ranks, one page of
 * 50, 10 connections, DURATION seconds each, same process, same database.
 *
 *   node bench/protocol-directory.js            (SQLite file in .tmp, port 16337)
 *   CONTACTS=2000 DURATION=10 node bench/protocol-directory.js
 */
const crypto = require('crypto');
const path = require('path');
const fs = require('fs');
const autocannon = require('autocannon');

const CONTACTS = Number(process.env.CONTACTS ?? 1000);
const DURATION = Number(process.env.DURATION ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 16337);
const secret = () => crypto.randomBytes(16).toString('base64');

const dbFile = path.resolve(__dirname, '..', '.tmp', `bench-protocol-${process.pid}.db`);
fs.mkdirSync(path.dirname(dbFile), { recursive: true });
Object.assign(process.env, {
  NODE_ENV: 'production',
  SEED: 'false',
  LOG_LEVEL: 'error',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: dbFile,
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  STRAPI_TELEMETRY_DISABLED: 'true',
});

const run = (title, url, token) =>
  new Promise((resolve, reject) =>
    autocannon(
      { title, url, connections: 10, duration: DURATION, headers: { Authorization: `Bearer ${token}` } },
      (error, result) => (error ? reject(error) : resolve(result))
    )
  );

async function main() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ ...(await compileStrapi()), autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'error';
  try {
    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));

    const ranks = [];
    for (let i = 0; i < 30; i += 1) {
      ranks.push(await strapi.documents('api::precedence-rank.precedence-rank').create({ data: { rank: 10 + i * 5, officeTitle: `Cargo ${i}`, level: 'local' } }));
    }
    const institutions = [];
    for (let i = 0; i < 40; i += 1) {
      institutions.push(await strapi.documents('api::institution.institution').create({ data: { name: `Institución ${i}`, sector: 'public', level: 'regional' } }));
    }
    const started = Date.now();
    await strapi.db.transaction(async () => {
      for (let i = 0; i < CONTACTS; i += 1) {
        await strapi.documents('api::protocol-contact.protocol-contact').create({
          data: {
            treatment: 'Señor', givenName: `Nombre ${i}`, familyName: `Apellido ${(i * 7919) % CONTACTS}`, position: 'Cargo',
            institution: institutions[i % 40].documentId, precedence: ranks[(i * 13) % 30].documentId,
            personalEmail: `p${i}@example.com`, lastVerifiedAt: new Date().toISOString(), active: true,
          },
        });
      }
    });
    console.log(`Created ${CONTACTS} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const role = await strapi.service('admin::role').findOne({ code: 'protocolo' });
    const email = `bench-${crypto.randomBytes(3).toString('hex')}@municipalidad.test`;
    const password = `Clave-${crypto.randomBytes(4).toString('hex')}-A1`;
    await strapi.service('admin::user').create({ email, firstname: 'Bench', lastname: 'Protocolo', password, isActive: true, roles: [role.id] });
    const login = await fetch(`http://127.0.0.1:${PORT}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const token = (await login.json()).data.token;

    const base = `http://127.0.0.1:${PORT}`;
    const baseline = await run('content-manager list', `${base}/content-manager/collection-types/api::protocol-contact.protocol-contact?page=1&pageSize=50`, token);
    const directory = await run('protocol directory', `${base}/protocol/directory?page=1&pageSize=50`, token);
    for (const r of [baseline, directory]) {
      if (r.non2xx) throw new Error(`${r.title}: ${r.non2xx} non-2xx responses`);
      console.log(`${r.title}: ${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
    }
    console.log(`ratio directory / baseline (req/s): ${(directory.requests.average / baseline.requests.average).toFixed(2)}`);
  } finally {
    await strapi.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
