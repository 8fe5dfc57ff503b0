#!/usr/bin/env node
'use strict';
// Near-duplicate lookup over 100,000 stored hashes, through the archive service
// (freshness check and item lookup included), on PostgreSQL.
//   DATABASE_CLIENT=postgres node bench/archive/similar.js [--items 100000] [--lookups 300]
const { arg, percentile, withFreshStrapi } = require('./support');
const { seedItems } = require('./dataset');

const ITEMS = Number(arg('items', 100000));
const LOOKUPS = Number(arg('lookups', 300));

withFreshStrapi(async (strapi) => {
  await seedItems(strapi, ITEMS);
  const service = strapi.service('api::media-archive-item.media-archive-item');
  const ids = Array.from({ length: LOOKUPS }, (_, i) => `bench${1 + ((i * 7919) % ITEMS)}`);

  let started = process.hrtime.bigint();
  await service.similarTo(ids[0], 10); // loads the index
  const firstMs = Number(process.hrtime.bigint() - started) / 1e6;

  const times = [];
  let found = 0;
  for (const id of ids) {
    started = process.hrtime.bigint();
    found += (await service.similarTo(id, 10)).length;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({
    database: strapi.db.dialect.client,
    hashes: ITEMS,
    lookups: LOOKUPS,
    maxDistance: 10,
    firstLookupWithLoadMs: +firstMs.toFixed(1),
    p50Ms: +percentile(times, 50).toFixed(2),
    p95Ms: +percentile(times, 95).toFixed(2),
    maxMs: +times[times.length - 1].toFixed(2),
    averageMatches: +(found / LOOKUPS).toFixed(2),
  }, null, 2));
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
