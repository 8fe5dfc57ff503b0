'use strict';
// The archive's private store as a backup sees it: both areas (`originals`, the untouched
// originals; `files`, the files of private archive items and their formats), on whichever
// store the environment configures (local folders or a private S3 bucket/prefix). It goes
// through src/archive/private-store.ts (compiled, dist/), the module the instances use, so
// a backup reads exactly what they wrote and a restore writes where they will read.
//
// In the backup folder: `private/<area>/<name>`, names as the store has them
// (`originals/ab/<sha256>`, `files/<hash><ext>`). Backups of format 1 had only the
// originals, under `originals/`.
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream/promises');
const { fromDist } = require('../load-strapi');

const FOLDER = 'private';

/** This environment's private store and its areas. */
function configuredPrivateStore(strapi, appContext) {
  const { privateStore, PRIVATE_AREAS } = fromDist(appContext, 'src/archive/private-store');
  return { store: privateStore(strapi), areas: PRIVATE_AREAS };
}

/** Copies every object of every area into `<out>/private/`; returns the count per area. */
async function copyPrivateStoreOut(strapi, appContext, out) {
  const { store, areas } = configuredPrivateStore(strapi, appContext);
  const counts = {};
  for (const area of areas) {
    counts[area] = 0;
    for await (const { name } of store.list(area)) {
      const object = await store.read(area, name);
      if (!object) throw new Error(`El objeto ${area}/${name} desapareció del almacén privado durante el respaldo.`);
      const target = path.join(out, FOLDER, area, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      await pipeline(object.stream, fs.createWriteStream(target, { mode: 0o600 }));
      counts[area] += 1;
    }
  }
  return { counts, where: Object.fromEntries(areas.map((area) => [area, store.describe(area)])) };
}

/** Files under `dir`, as names relative to it with `/` separators. */
function namesUnder(dir, prefix = '') {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? namesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : entry.isFile() ? [`${prefix}${entry.name}`] : []));
}

/** Where each area sits in a backup of this format. */
const areaFolder = (from, area, format) => (format === 1 ? (area === 'originals' ? path.join(from, 'originals') : null) : path.join(from, FOLDER, area));

/** Writes every object of the backup into this environment's private store; returns the count per area. */
async function copyPrivateStoreIn(strapi, appContext, from, format) {
  const { store, areas } = configuredPrivateStore(strapi, appContext);
  const counts = {};
  for (const area of areas) {
    counts[area] = 0;
    const dir = areaFolder(from, area, format);
    for (const name of dir ? namesUnder(dir) : []) {
      await store.write(area, name, { filepath: path.join(dir, ...name.split('/')) });
      counts[area] += 1;
    }
  }
  return { counts, where: Object.fromEntries(areas.map((area) => [area, store.describe(area)])) };
}

module.exports = { copyPrivateStoreOut, copyPrivateStoreIn, PRIVATE_FOLDER: FOLDER };
