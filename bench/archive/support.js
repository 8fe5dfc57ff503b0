'use strict';
// Shared by the archive benchmarks: a Strapi on a fresh database (SQLite file or
// PostgreSQL schema, dropped afterwards), generated photos, percentiles.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const sharp = require('sharp');

const ROOT = path.resolve(__dirname, '..', '..');
const TMP = path.join(ROOT, '.tmp', 'bench-archive');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * The app as scripts/load-strapi.js boots it; `--no-compile` reuses dist as it is
 * (so that a benchmark can run while a test run owns the compile).
 */
async function boot(fn) {
  const { withStrapi } = require('../../scripts/load-strapi');
  if (!process.argv.includes('--no-compile')) return withStrapi(fn);
  require('../../scripts/ensure-env').ensureEnv();
  process.env.SEED = 'false';
  const appContext = { appDir: ROOT, distDir: path.join(ROOT, 'dist') };
  const strapi = await require('@strapi/strapi').createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  strapi.log.level = 'warn';
  try {
    return await fn(strapi, appContext);
  } finally {
    await strapi.destroy();
  }
}

/** Runs fn(strapi) against a fresh database of the client in DATABASE_CLIENT; the uploads it makes are removed. */
async function withFreshStrapi(fn) {
  const isPostgres = process.env.DATABASE_CLIENT === 'postgres';
  const run = `bench_archive_${process.pid}_${Date.now().toString(36)}`;
  let dropSchema = async () => {};
  if (isPostgres) {
    process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
    const { Client } = require('pg');
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${run}"`);
    process.env.DATABASE_SCHEMA = run;
    dropSchema = async () => {
      await admin.query(`DROP SCHEMA "${run}" CASCADE`);
      await admin.end();
    };
  } else {
    fs.mkdirSync(TMP, { recursive: true });
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = path.join(TMP, `${run}.db`);
  }
  const uploads = path.join(ROOT, 'public', 'uploads');
  const before = new Set(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []);
  try {
    return await boot(fn);
  } finally {
    for (const name of fs.existsSync(uploads) ? fs.readdirSync(uploads) : []) if (!before.has(name)) fs.rmSync(path.join(uploads, name), { force: true });
    if (!isPostgres) for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(process.env.DATABASE_FILENAME + s, { force: true });
    await dropSchema();
  }
}

/** A photo-like JPEG: smooth random colour fields plus sensor-like noise (compresses like a camera photo). */
async function cameraLikeJpeg(width, height, seed) {
  const random = crypto.createHash('sha256').update(String(seed)).digest();
  const small = Buffer.alloc(48 * 36 * 3);
  for (let i = 0; i < small.length; i++) small[i] = crypto.createHash('md5').update(`${seed}:${i}`).digest()[0];
  const base = await sharp(small, { raw: { width: 48, height: 36, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
  const noise = crypto.randomBytes(1 << 20);
  for (let i = 0; i < base.length; i++) {
    const v = base[i] + ((noise[(i + random[0]) & 0xfffff] & 31) - 16);
    base[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return sharp(base, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

/** The JPEG with a comment segment after SOI: same pixels, different bytes (a distinct sha256). */
function withComment(jpeg, text) {
  const comment = Buffer.from(text, 'latin1');
  const marker = Buffer.from([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), marker, comment, jpeg.subarray(2)]);
}

/**
 * A folder of `count` distinct JPEGs of width×height, cached under .tmp. A few
 * real pictures are drawn; the rest differ from them by a JPEG comment, so the
 * decoding work per file is that of a real photo of that size.
 */
async function photoFolder(count, width, height, distinct = 8) {
  const dir = path.join(TMP, `photos-${count}-${width}x${height}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const bases = [];
  for (let i = 0; i < Math.min(distinct, count); i++) bases.push(await cameraLikeJpeg(width, height, i));
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, `DSC_${String(i).padStart(5, '0')}.jpg`), withComment(bases[i % bases.length], `bench photo ${i}`));
  }
  fs.writeFileSync(done, '');
  return dir;
}

/** Peak resident memory while fn runs (sampled every 100 ms). */
async function measurePeakRss(fn) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  try {
    const result = await fn();
    return { result, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

module.exports = { ROOT, TMP, arg, percentile, withFreshStrapi, photoFolder, measurePeakRss };
