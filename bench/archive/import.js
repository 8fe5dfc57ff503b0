#!/usr/bin/env node
'use strict';
// Archive import vs a bare sharp script producing the same files (the original
// plus Strapi's thumbnail, large, medium and small formats), same folder, same
// concurrency, same process, same run. Two baselines: the plugin's way (one decode
// per format, the original yardstick) and one decode for all four formats
// (what the archive now does for an inspected photo). Reports both ratios and the
// peak memory.
//   node bench/archive/import.js [--files 300] [--width 4000 --height 3000] [--concurrency 2]
const fs = require('fs');
const os = require('os');
const path = require('path');
const sharp = require('sharp');
const { arg, withFreshStrapi, photoFolder, measurePeakRss } = require('./support');

const FILES = Number(arg('files', 300));
const WIDTH = Number(arg('width', 4000));
const HEIGHT = Number(arg('height', 3000));
const CONCURRENCY = Number(arg('concurrency', 2));

const BREAKPOINTS = { large: 1000, medium: 750, small: 500 };

/** What Strapi's upload does with sharp for one JPEG, without Strapi. */
async function bareSharp(file, outDir) {
  const name = path.basename(file, '.jpg');
  await fs.promises.copyFile(file, path.join(outDir, `${name}.jpg`));
  const { width, height } = await sharp(file).metadata();
  await sharp(file, { animated: true }).resize({ width: 245, height: 156, fit: 'inside' }).toFile(path.join(outDir, `thumbnail_${name}.jpg`));
  for (const [key, size] of Object.entries(BREAKPOINTS)) {
    if (width > size || height > size) {
      await sharp(file, { animated: true }).resize({ width: size, height: size, fit: 'inside' }).toFile(path.join(outDir, `${key}_${name}.jpg`));
    }
  }
}

/** The same files from one decode: the largest format's resize kept as raw pixels, the others made from it. */
async function bareSharpOneDecode(file, outDir) {
  const name = path.basename(file, '.jpg');
  await fs.promises.copyFile(file, path.join(outDir, `${name}.jpg`));
  const { width, height } = await sharp(file).metadata();
  const sizes = Object.entries(BREAKPOINTS).filter(([, size]) => width > size || height > size);
  const largest = sizes.length ? { width: sizes[0][1], height: sizes[0][1] } : { width: 245, height: 156 };
  const { data, info } = await sharp(file).resize({ ...largest, fit: 'inside' }).raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const out = (box, target) => sharp(data, raw).resize({ ...box, fit: 'inside' }).jpeg().toFile(target);
  await out({ width: 245, height: 156 }, path.join(outDir, `thumbnail_${name}.jpg`));
  for (const [key, size] of sizes) await out({ width: size, height: size }, path.join(outDir, `${key}_${name}.jpg`));
}

async function pool(items, concurrency, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

async function main() {
  const folder = await photoFolder(FILES, WIDTH, HEIGHT);
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.jpg')).map((f) => path.join(folder, f));
  const megabytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024 / 1024;

  for (const f of files) fs.readFileSync(f); // both runs start with the folder in the page cache
  await withFreshStrapi(async (strapi, appContext) => {
    const { runImport } = require(path.join(appContext.distDir, 'src/archive/import'));

    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bare-sharp-'));
    let started = Date.now();
    const bare = await measurePeakRss(() => pool(files, CONCURRENCY, (f) => bareSharp(f, outDir)));
    const bareSeconds = (Date.now() - started) / 1000;
    fs.rmSync(outDir, { recursive: true, force: true });

    const oneDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bare-sharp-one-'));
    started = Date.now();
    const one = await measurePeakRss(() => pool(files, CONCURRENCY, (f) => bareSharpOneDecode(f, oneDir)));
    const oneSeconds = (Date.now() - started) / 1000;
    fs.rmSync(oneDir, { recursive: true, force: true });

    started = Date.now();
    const archive = await measurePeakRss(() => runImport(strapi, { folder, kind: 'photo', concurrency: CONCURRENCY }));
    const archiveSeconds = (Date.now() - started) / 1000;
    const summary = archive.result;
    if (summary.imported !== files.length) throw new Error(`imported ${summary.imported} of ${files.length}: ${JSON.stringify(summary.refused.slice(0, 3))}`);

    console.log(JSON.stringify({
      database: strapi.db.dialect.client,
      files: files.length,
      size: `${WIDTH}x${HEIGHT}`,
      folderMb: Math.round(megabytes),
      concurrency: CONCURRENCY,
      bareSharp: { seconds: bareSeconds, filesPerSecond: +(files.length / bareSeconds).toFixed(2), peakRssMb: bare.peakRssMb },
      bareSharpOneDecode: { seconds: oneSeconds, filesPerSecond: +(files.length / oneSeconds).toFixed(2), peakRssMb: one.peakRssMb },
      archiveImport: { seconds: archiveSeconds, filesPerSecond: +(files.length / archiveSeconds).toFixed(2), peakRssMb: archive.peakRssMb },
      ratio: +(archiveSeconds / bareSeconds).toFixed(3),
      ratioToOneDecode: +(archiveSeconds / oneSeconds).toFixed(3),
    }, null, 2));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
