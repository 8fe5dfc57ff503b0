#!/usr/bin/env node
'use strict';
/**
 * npm run bench:delivery — public delivery and the CIF feed on PostgreSQL.
 *
 * Data: 10,000 published press notes (≈15 KB per 20-item list page, as in the issue) and
 * 100,000 change-log rows, bulk-inserted into a fresh schema (then ANALYZEd). Three
 * instances of this project on ports 17xxx, all started at once, in the same environment;
 * the miss scenarios are interleaved in rounds so that the machine's load weighs on the three alike:
 *   stock   — BENCH_STOCK_CORE_ROUTES=true: Strapi's plain core routes, no cache
 *   nocache — our routes (scope, default populate), RESPONSE_CACHE=false
 *   cache   — our routes with the response cache (hits and forced misses)
 * The three send the same query and populate (stock gets the default populate explicitly).
 * autocannon, 20 connections, 10 s per scenario after a 2 s warm-up (misses: BENCH_ROUNDS=3
 * rounds of 10/3 s each). Then the full CIF feed (since=0, limit=1000) in rows/s and an
 * empty incremental poll; plain Node `http` sending the list hit's bytes from another process
 * gives the machine's floor in the same run. Ends with the issue's targets, met or not.
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
// Miss scenarios: this many interleaved rounds of DURATION / ROUNDS seconds each per instance.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = 20;
const PORT_BASE = Number(process.env.BENCH_PORT_BASE || 17101);
const PORTS = { stock: PORT_BASE, nocache: PORT_BASE + 1, cache: PORT_BASE + 2 };
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
          lead: LOREM.slice(0, 160), body: JSON.stringify([paragraph(LOREM)]),
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
  const taken = await fetch(`http://127.0.0.1:${PORTS[name]}/_health`).then(() => true, () => false);
  if (taken) throw new Error(`port ${PORTS[name]} is taken by another process: BENCH_PORT_BASE changes the ports`);
  const child = spawn(process.execPath, [path.join(__dirname, 'server.js')], {
    cwd: ROOT,
    env: { ...process.env, ...dbEnv, ...extraEnv, PORT: String(PORTS[name]), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORTS[name]}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${name} server exited (${child.exitCode})`);
    try {
      if ((await fetch(`${base}/_health`)).status < 500) return { base, pid: child.pid, stop: () => new Promise((r) => (child.once('exit', r), child.kill())) };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`${name} server did not start`);
}

/** Runs `fn(base)` against bench/delivery/plain.js serving what `url` answers now (status, headers, body). */
async function withPlainServer(url, fn) {
  const response = await fetch(url);
  const headers = {};
  response.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-encoding'].includes(name)) headers[name] = value;
  });
  const file = path.join(ROOT, '.tmp', 'bench-delivery-plain.json');
  require('fs').mkdirSync(path.dirname(file), { recursive: true });
  require('fs').writeFileSync(file, JSON.stringify({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()).toString('base64') }));
  const child = spawn(process.execPath, [path.join(__dirname, 'plain.js'), file], {
    env: { ...process.env, PORT: String(PORT_BASE + 9) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => (child.once('message', resolve), child.once('exit', () => reject(new Error('plain server exited')))));
  try {
    return await fn(`http://127.0.0.1:${PORT_BASE + 9}`);
  } finally {
    child.removeAllListeners('exit');
    await new Promise((r) => (child.once('exit', r), child.kill()));
  }
}

// One counter for the whole run: a later round of a miss scenario must not repeat (and hit) an earlier round's URLs.
let n = 0;

/** `paths(n)` gives the path of the n-th request (a fixed string for one URL). */
function load(url, { paths, headers = {}, expect = 200, duration = DURATION } = {}) {
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
  return run(2).then(() => run(duration)).then((r) => {
    const unexpected = Object.keys(r.statusCodeStats || {}).filter((code) => Number(code) !== expect);
    if (unexpected.length) throw new Error(`${url}: unexpected answers ${JSON.stringify(r.statusCodeStats)}`);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bytes: Math.round(r.throughput.average / r.requests.average) };
  });
}

/** Rounds of one scenario: mean req/s, median p50 and p99 of the rounds. */
const combine = (runs) => {
  const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    bytes: runs[0].bytes,
    rounds: runs.map((r) => Math.round(r.rps)),
  };
};

const LIST = '/api/press-notes?locale=es-PE&pagination[pageSize]=20';
/** A distinct, valid query per request: every request is a cache miss. */
const uniqueList = (n) => `${LIST}&filters[id][$ne]=${1000000 + n}`;

/** CPU time the hypervisor gave to other guests (Linux /proc/stat "steal", seconds over all cores): a slower machine, not slower code. */
const stealSeconds = () => {
  try {
    return Number(require('fs').readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)[8]) / 100;
  } catch {
    return NaN;
  }
};

async function main() {
  const stealAtStart = stealSeconds();
  console.log(`load average at start: ${require('os').loadavg().map((l) => l.toFixed(2)).join(' ')}`);
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

    // All three instances run at once, idle but for the one under load, and the miss scenarios
    // are interleaved in rounds: a change of the machine's load hits all three alike.
    const servers = {};
    const configs = [
      ['stock', { BENCH_STOCK_CORE_ROUTES: 'true', RESPONSE_CACHE: 'false' }],
      ['nocache', { RESPONSE_CACHE: 'false' }],
      ['cache', {}],
    ].filter(([name]) => !ONLY || ONLY.has(name));
    console.log(`starting ${configs.map(([name]) => name).join(', ')}…`);
    try {
      // Booted one after the other: instances starting together on one schema race in Strapi's start-up sync.
      for (const [name, env] of configs) servers[name] = await startServer(name, env);
      const rounds = {};
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name] of configs) {
          const extraList = name === 'stock' ? stockListQuery : '';
          const extraDetail = name === 'stock' ? stockDetailQuery : '';
          (rounds[`${name} list (distinct queries)`] ??= []).push(await load(servers[name].base, { paths: (n) => uniqueList(n) + extraList, duration: Math.max(2, Math.round(DURATION / ROUNDS)) }));
          (rounds[`${name} detail (distinct notes)`] ??= []).push(await load(servers[name].base, { paths: (n) => detail(n) + extraDetail, duration: Math.max(2, Math.round(DURATION / ROUNDS)) }));
        }
      }
      for (const [name, runs] of Object.entries(rounds)) results[name] = combine(runs);

      const server = servers.cache;
      if (server) {
        // The machine's floor: plain Node `http` in another process sending the very bytes and headers of a list hit.
        results['plain node http (same bytes as the list hit)'] = await withPlainServer(server.base + LIST, (base) => load(base, { paths: LIST }));
        results['cache list (hit)'] = await load(server.base, { paths: LIST });
        results['cache detail (hit)'] = await load(server.base, { paths: detail(1) });
        const etag = (await fetch(server.base + LIST)).headers.get('etag');
        results['cache list (hit, 304)'] = await load(server.base, { paths: LIST, headers: { 'If-None-Match': etag }, expect: 304 });

        const auth = { Authorization: `Bearer ${cif}` };
        // The server's own CPU time for the feed (Linux /proc, 100 ticks/s): less sensitive to the neighbours' load than rows/s.
        const cpuMs = () => {
          try {
            const fields = require('fs').readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
            return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
          } catch {
            return NaN;
          }
        };
        const cpuBefore = cpuMs();
        const started = process.hrtime.bigint();
        let since = 0;
        let rows = 0;
        // The first NOTES rows name every note once (entries loaded); later rows name them again.
        let firstPass = null;
        for (;;) {
          const page = await (await fetch(`${server.base}/api/cif-sync/changes?since=${since}&limit=1000`, { headers: auth })).json();
          rows += page.data.length;
          since = page.meta.nextCursor;
          if (rows === NOTES) firstPass = Number(process.hrtime.bigint() - started) / 1e9;
          if (!page.meta.hasMore) break;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        results['cif full feed'] = {
          rows, seconds: +seconds.toFixed(2), rowsPerSecond: Math.round(rows / seconds), serverCpuSeconds: +((cpuMs() - cpuBefore) / 1000).toFixed(2),
          firstPassRowsPerSecond: firstPass ? Math.round(NOTES / firstPass) : null,
          laterRowsPerSecond: firstPass ? Math.round((rows - NOTES) / (seconds - firstPass)) : null,
        };
        results['cif empty poll'] = await load(server.base, { paths: `/api/cif-sync/changes?since=${since}&limit=1000`, headers: auth });
      }
    } finally {
      await Promise.all(Object.values(servers).map((server) => server.stop()));
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
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  const targets = [];
  for (const kind of ['list', 'detail']) {
    const hit = results[`cache ${kind} (hit)`];
    if (hit) targets.push(`cache ${kind} hit ≥ 5,000 req/s and p99 ≤ 5 ms: ${Math.round(hit.rps)} req/s, p99 ${hit.p99} ms — ${verdict(hit.rps >= 5000 && hit.p99 <= 5)}`);
    const miss = results[`cache ${kind} (distinct queries)`] ?? results[`cache ${kind} (distinct notes)`];
    const stock = kind === 'list' ? stockList : stockDetail;
    if (miss && stock) {
      const cost = stock.rps / miss.rps - 1;
      targets.push(`cache ${kind} miss ≤ 5 % over stock: ${(cost * 100).toFixed(1)} % (req/s ${Math.round(miss.rps)} vs ${Math.round(stock.rps)}) — ${verdict(cost <= 0.05)}`);
    }
  }
  const poll = results['cif empty poll'];
  if (poll) targets.push(`empty incremental poll p99 ≤ 5 ms: ${poll.p99} ms — ${verdict(poll.p99 <= 5)}`);
  const feed = results['cif full feed'];
  if (feed) targets.push(`full feed ≥ 20,000 rows/s: ${feed.rowsPerSecond} — ${verdict(feed.rowsPerSecond >= 20000)}`);
  console.log(`\ntargets (load average ${require('os').loadavg().map((l) => l.toFixed(2)).join(' ')}; CPU stolen by the hypervisor during the run: ${(stealSeconds() - stealAtStart).toFixed(1)} s):\n${targets.map((t) => `  ${t}`).join('\n')}`);
  if (results['cif full feed']) {
    const f = results['cif full feed'];
    console.log(`cif full feed: ${f.rows} rows in ${f.seconds} s = ${f.rowsPerSecond} rows/s; the server used ${f.serverCpuSeconds} s of CPU`);
    console.log(`  first ${NOTES} rows (every note once): ${f.firstPassRowsPerSecond} rows/s; the rest (notes named again): ${f.laterRowsPerSecond} rows/s`);
  }
  console.log(JSON.stringify(results, null, 2));
  require('fs').mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  require('fs').writeFileSync(path.join(ROOT, '.tmp', 'bench-delivery.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
