#!/usr/bin/env node
'use strict';
/**
 * npm run bench:delivery — public delivery and the CIF feed on PostgreSQL.
 *
 * Data: 10,000 published press notes (≈15 KB per 20-item list page) and
 * 100,000 change-log rows, bulk-inserted into a fresh schema. Then, one after
 * the other, three instances of this project on ports 17xxx:
 *   stock   — BENCH_STOCK_CORE_ROUTES=true: Strapi's plain core routes, no cache
 *   nocache — our routes (scope, default populate), RESPONSE_CACHE=false
 *   cache   — our routes with the response cache (hits and forced misses)
 * autocannon, 20 connections, 10 s per scenario after a 2 s warm-up. Then the
 * full CIF feed (since=0, limit=1000) in rows/s and an empty incremental poll.
 * Needs PostgreSQL on 127.0.0.1:5432 (DATABASE_URL to change it). Not in CI.
 */
const path = require('path');
const { spawn } = require('child_process');
const crypto = require('crypto');
const autocannon = require('autocannon');

const ROOT = path.resolve(__dirname, '..', '..');
const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
// BENCH_SCHEMA=<name> reuses a schema kept by an earlier run (BENCH_KEEP=true), skipping the data load.
const REUSE = Boolean(process.env.BENCH_SCHEMA);
const SCHEMA = process.env.BENCH_SCHEMA || `bench_delivery_${Date.now().toString(36)}`;
const KEEP = process.env.BENCH_KEEP === 'true' || REUSE;
// BENCH_ONLY=stock,cache runs only those instances (while iterating; the recorded runs use all three).
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const NOTES = 10000;
const CHANGES = 100000;
const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = 20;
const PORTS = { stock: 17101, nocache: 17102, cache: 17103 };
const NOTE = 'api::press-note.press-note';

const dbEnv = { DATABASE_CLIENT: 'postgres', DATABASE_URL, DATABASE_SCHEMA: SCHEMA, SEED: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'development' };
Object.assign(process.env, dbEnv);
require(path.join(ROOT, 'scripts/ensure-env')).ensureEnv();

/** {a: {b: ['x']}} → a[b][0]=x, as Strapi's query parser reads it. */
const toQuery = (value, prefix = '') =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, v]) => toQuery(v, prefix ? `${prefix}[${key}]` : key))
    : [`${prefix}=${encodeURIComponent(String(value))}`];

const paragraph = (text) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const LOREM = 'La Municipalidad informa a la población de la provincia fronteriza sobre las obras, servicios y actividades oficiales de la semana. ';

async function withPg(fn) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Boots once to create the tables, bulk-inserts the data, makes the cif token. */
async function prepare() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appContext = await compileStrapi();
  const app = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { ensureApiToken } = require(path.join(appContext.distDir, 'src/access/api-tokens'));
    const cif = (await ensureApiToken(app, 'cif')).accessKey;
    const knex = app.db.connection;
    const columns = (uid, data) => {
      const meta = app.db.metadata.get(uid);
      return Object.fromEntries(Object.entries(data).map(([name, value]) => [meta.attributes[name]?.columnName ?? name, value]));
    };
    const noteTable = app.db.metadata.get(NOTE).tableName;
    const documentIds = [];
    const now = new Date();
    for (let start = 0; start < NOTES; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(start + 500, NOTES); i++) {
        const documentId = crypto.randomBytes(12).toString('hex').slice(0, 24);
        documentIds.push(documentId);
        const data = {
          documentId, title: `Nota de prensa número ${i} sobre la gestión municipal`, slug: `nota-${i}`,
          lead: LOREM.slice(0, 160), body: JSON.stringify([paragraph(LOREM.repeat(2)), paragraph(LOREM)]),
          category: 'institucional', tags: JSON.stringify(['bench']), locale: 'es-PE', createdAt: now, updatedAt: now,
        };
        rows.push(columns(NOTE, { ...data, publishedAt: null }), columns(NOTE, { ...data, publishedAt: now }));
      }
      await knex(noteTable).insert(rows);
    }
    const changeUid = 'plugin::cif-sync.change';
    const changeTable = app.db.metadata.get(changeUid).tableName;
    for (let start = 0; start < CHANGES; start += 2000) {
      const rows = [];
      for (let i = start; i < Math.min(start + 2000, CHANGES); i++) {
        rows.push(columns(changeUid, { contentType: NOTE, entryDocumentId: documentIds[i % NOTES], entryLocale: 'es-PE', action: 'upsert', createdAt: now, updatedAt: now }));
      }
      await knex(changeTable).insert(rows);
    }
    // This server runs with autovacuum off: without statistics the planner scans all 10,000 notes
    // for a 20-row page (30 ms instead of 0.1 ms), which no real, analysed database would do.
    await knex.raw('ANALYZE');
    return { cif, documentIds };
  } finally {
    await app.destroy();
  }
}

async function startServer(name, extraEnv) {
  const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], {
    cwd: ROOT,
    env: { ...process.env, ...dbEnv, ...extraEnv, PORT: String(PORTS[name]), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORTS[name]}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/_health`)).status < 500) return { base, stop: () => new Promise((r) => (child.once('exit', r), child.kill())) };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`${name} server did not start`);
}

/** `paths(n)` gives the path of the n-th request (a fixed string for one URL). */
function load(url, { paths, headers = {}, expect = 200 } = {}) {
  let n = 0;
  const run = (duration) =>
    new Promise((resolve, reject) => {
      autocannon(
        {
          url, connections: CONNECTIONS, duration, headers,
          requests: [{ setupRequest: (req) => ({ ...req, path: typeof paths === 'function' ? paths(n++) : paths }) }],
        },
        (error, result) => (error ? reject(error) : resolve(result))
      );
    });
  return run(2).then(() => run(DURATION)).then((r) => {
    const unexpected = Object.keys(r.statusCodeStats || {}).filter((code) => Number(code) !== expect);
    if (unexpected.length) throw new Error(`${url}: unexpected answers ${JSON.stringify(r.statusCodeStats)}`);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bytes: Math.round(r.throughput.average / r.requests.average) };
  });
}

const LIST = '/api/press-notes?locale=es-PE&pagination[pageSize]=20';
/** A distinct, valid query per request: every request is a cache miss. */
const uniqueList = (n) => `${LIST}&filters[id][$ne]=${1000000 + n}`;

async function main() {
  const saved = path.join(ROOT, '.tmp', `${SCHEMA}.json`);
  const results = {};
  if (!REUSE) {
    console.log(`schema ${SCHEMA}: preparing ${NOTES} notes and ${CHANGES} changes…`);
    await withPg((c) => c.query(`CREATE SCHEMA "${SCHEMA}"`));
  }
  try {
    if (REUSE) await require('@strapi/strapi').compileStrapi();
    const { cif, documentIds } = REUSE ? JSON.parse(require('fs').readFileSync(saved, 'utf8')) : await prepare();
    if (KEEP) require('fs').mkdirSync(path.dirname(saved), { recursive: true }), require('fs').writeFileSync(saved, JSON.stringify({ cif, documentIds }));
    const detail = (n) => `/api/press-notes/${documentIds[(n * 7919) % documentIds.length]}`;
    const { DEFAULT_POPULATE } = require(path.join(ROOT, 'dist/src/delivery/default-populate'));
    const stockDetailQuery = `?${toQuery({ populate: DEFAULT_POPULATE[NOTE].detail }).join('&')}`;
    const stockListQuery = '&populate[0]=cover';

    for (const [name, env] of [
      ['stock', { BENCH_STOCK_CORE_ROUTES: 'true', RESPONSE_CACHE: 'false' }],
      ['nocache', { RESPONSE_CACHE: 'false' }],
      ['cache', {}],
    ]) {
      if (ONLY && !ONLY.has(name)) continue;
      console.log(`starting ${name}…`);
      const server = await startServer(name, env);
      try {
        const extraList = name === 'stock' ? stockListQuery : '';
        const extraDetail = name === 'stock' ? stockDetailQuery : '';
        results[`${name} list (distinct queries)`] = await load(server.base, { paths: (n) => uniqueList(n) + extraList });
        results[`${name} detail (distinct notes)`] = await load(server.base, { paths: (n) => detail(n) + extraDetail });
        if (name === 'cache') {
          results['cache list (hit)'] = await load(server.base, { paths: LIST });
          results['cache detail (hit)'] = await load(server.base, { paths: detail(1) });
          const etag = (await fetch(server.base + LIST)).headers.get('etag');
          results['cache list (hit, 304)'] = await load(server.base, { paths: LIST, headers: { 'If-None-Match': etag }, expect: 304 });

          const auth = { Authorization: `Bearer ${cif}` };
          const started = process.hrtime.bigint();
          let since = 0;
          let rows = 0;
          for (;;) {
            const page = await (await fetch(`${server.base}/api/cif-sync/changes?since=${since}&limit=1000`, { headers: auth })).json();
            rows += page.data.length;
            since = page.meta.nextCursor;
            if (!page.meta.hasMore) break;
          }
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          results['cif full feed'] = { rows, seconds: +seconds.toFixed(2), rowsPerSecond: Math.round(rows / seconds) };
          results['cif empty poll'] = await load(server.base, { paths: `/api/cif-sync/changes?since=${since}&limit=1000`, headers: auth });
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    if (KEEP) console.log(`schema ${SCHEMA} kept: BENCH_SCHEMA=${SCHEMA} reuses it`);
    else await withPg((c) => c.query(`DROP SCHEMA "${SCHEMA}" CASCADE`));
  }

  const stockList = results['stock list (distinct queries)'];
  const stockDetail = results['stock detail (distinct notes)'];
  console.log('\nscenario | req/s | p50 ms | p99 ms | bytes | req/s vs stock | p99 vs stock');
  for (const [name, r] of Object.entries(results)) {
    if (!('rps' in r)) continue;
    const base = name.includes('detail') ? stockDetail : stockList;
    const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '—');
    console.log(`${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.bytes} | ${ratio(r.rps, base?.rps)} | ${ratio(r.p99, base?.p99)}`);
  }
  if (results['cif full feed']) console.log(`cif full feed: ${results['cif full feed'].rows} rows in ${results['cif full feed'].seconds} s = ${results['cif full feed'].rowsPerSecond} rows/s`);
  console.log(JSON.stringify(results, null, 2));
  require('fs').mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  require('fs').writeFileSync(path.join(ROOT, '.tmp', 'bench-delivery.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
