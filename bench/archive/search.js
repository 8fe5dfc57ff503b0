#!/usr/bin/env node
'use strict';
// Search latency over 100,000 items on PostgreSQL, over HTTP (the real route:
// parsing, SQL, loading the page of items with their file and ceremony,
// sanitizing), one client, every request a distinct query answered by a search
// (X-Cache: MISS, checked), p50 and p95; the SQL alone for comparison, and the
// SQL as it was before session 2 as a baseline measured in the same run.
//   DATABASE_CLIENT=postgres node bench/archive/search.js [--items 100000] [--requests 400] [--port 15080]
const { arg, percentile, withFreshStrapi } = require('./support');
const { seedItems, WORDS } = require('./dataset');

const ITEMS = Number(arg('items', 100000));
const REQUESTS = Number(arg('requests', 400));
const PORT = Number(arg('port', 15080));

/**
 * The i-th request's query. The six shapes and the word choice repeat every 246
 * requests (82 words × 6 shapes); from there on the words are shifted, so that each
 * of the first ~490 requests is a distinct URL: a response-cache hit would not be a
 * search (the run fails on one).
 */
const QUERIES = (i) => {
  const shift = 5 * Math.floor(i / (WORDS.length * 3));
  const w = (k) => WORDS[(i * 31 + k * 17 + shift) % WORDS.length].normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return [
    { q: w(1) },
    { q: `${w(1)} ${w(2)}` },
    { q: w(3), kind: 'photo' },
    { q: w(4), from: '2022-01-01', to: '2022-12-31' },
    { tags: WORDS[(i * 7 + shift) % WORDS.length] },
    { q: w(5), page: 3 },
  ][i % 6];
};

const stats = (times) => {
  times.sort((a, b) => a - b);
  return { p50Ms: +percentile(times, 50).toFixed(1), p95Ms: +percentile(times, 95).toFixed(1), maxMs: +times[times.length - 1].toFixed(1) };
};

withFreshStrapi(async (strapi, appContext) => {
  await seedItems(strapi, ITEMS);
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(PORT, '127.0.0.1', resolve));
  const { searchIds, filters } = require(require('path').join(appContext.distDir, 'src/archive/search'));
  const knex = strapi.db.connection;
  /**
   * The baseline, in the same run: the query before session 2 on the indexes it had.
   * `is_public::int = 1` keeps the planner off the newer partial index of public items.
   */
  const previousSql = async (query) => {
    const { where: current, bindings } = filters(query, true);
    const where = current.map((condition) => (condition === 'is_public' ? 'is_public::int = 1' : condition));
    const text = query.q;
    const conditions = [...(text ? ['document @@ q.query'] : []), ...where];
    await knex.raw(
      `WITH q AS (SELECT websearch_to_tsquery('spanish', archive_fold(?)) AS query)
       SELECT item_id AS id, count(*) OVER () AS total FROM media_archive_search, q
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY ${text ? 'ts_rank(document, q.query) DESC,' : ''} captured_at DESC NULLS LAST, item_id DESC LIMIT ? OFFSET ?`,
      [text ?? '', ...bindings, query.pageSize, (query.page - 1) * query.pageSize]
    );
  };

  const http = [];
  const sql = [];
  const previous = [];
  let totalHits = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const query = QUERIES(i);
    let started = process.hrtime.bigint();
    const res = await fetch(`http://127.0.0.1:${PORT}/api/media-archive-items/search?${new URLSearchParams(query)}`);
    const body = await res.json();
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body)}`);
    if (res.headers.get('x-cache') !== 'MISS') throw new Error(`request ${i} was not a search (X-Cache: ${res.headers.get('x-cache')}): use fewer --requests`);
    http.push(Number(process.hrtime.bigint() - started) / 1e6);
    totalHits += body.meta.pagination.total;

    const parsed = { ...query, tags: query.tags ? [query.tags] : [], page: Number(query.page ?? 1), pageSize: 20, onlyPublic: true };
    started = process.hrtime.bigint();
    await searchIds(strapi, parsed);
    sql.push(Number(process.hrtime.bigint() - started) / 1e6);

    started = process.hrtime.bigint();
    await previousSql(parsed);
    previous.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  strapi.server.httpServer.close();
  const httpStats = stats(http);
  const load = require('os').loadavg().map((l) => +l.toFixed(2));
  console.log(JSON.stringify({ database: strapi.db.dialect.client, items: ITEMS, requests: REQUESTS, distinctRequests: REQUESTS, responseCacheHits: 0, averageTotalHits: Math.round(totalHits / REQUESTS), http: httpStats, sqlOnly: stats(sql), previousSqlBaseline: stats(previous), loadAverage: load }, null, 2));
  console.log(`Search over ${ITEMS} items: HTTP p50 ${httpStats.p50Ms} ms, p95 ${httpStats.p95Ms} ms (load ${load[0]}); target p95 <= 50 ms: ${httpStats.p95Ms <= 50 ? 'MET' : 'NOT MET'}`);
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
