'use strict';
// manifest.json: what a backup holds and the sha256 of every file in it, so that a
// restore refuses a backup that was cut short or altered before it touches the database.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { pipeline } = require('stream/promises');

const MANIFEST = 'manifest.json';
// 2: the whole private store (`private/originals/`, `private/files/`); 1 had the originals only (`originals/`).
const FORMAT_NAME = 'comunicaciones-municipales/backup';
const FORMAT_VERSION = 2;
const FORMAT = `${FORMAT_NAME}@${FORMAT_VERSION}`;
const READABLE = new Set([`${FORMAT_NAME}@1`, FORMAT]);
/** The format version of a manifest (1 or 2). */
const formatVersion = (manifest) => Number(manifest.format.split('@')[1]);

async function* filesUnder(root, dir = root) {
  for (const entry of (await fs.promises.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(root, full);
    else if (entry.isFile()) yield path.relative(root, full).split(path.sep).join('/');
  }
}

async function sha256Of(file) {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

async function checksums(root) {
  const files = {};
  for await (const file of filesUnder(root)) if (file !== MANIFEST) files[file] = await sha256Of(path.join(root, file));
  return files;
}

async function writeManifest(root, facts) {
  const manifest = { format: FORMAT, ...facts, files: await checksums(root) };
  await fs.promises.writeFile(path.join(root, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** The manifest, after checking every file against it (missing, extra or changed files are refused). */
async function readVerifiedManifest(root) {
  const file = path.join(root, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${root} no es un respaldo: falta ${MANIFEST}.`);
  const manifest = JSON.parse(await fs.promises.readFile(file, 'utf8'));
  if (!READABLE.has(manifest.format)) throw new Error(`Formato de respaldo desconocido: ${manifest.format}`);
  const actual = await checksums(root);
  const problems = [];
  for (const [name, sum] of Object.entries(manifest.files)) {
    if (!(name in actual)) problems.push(`falta ${name}`);
    else if (actual[name] !== sum) problems.push(`${name} cambió`);
  }
  for (const name of Object.keys(actual)) if (!(name in manifest.files)) problems.push(`${name} no es parte del respaldo`);
  if (problems.length) throw new Error(`El respaldo ${root} está incompleto o alterado:\n  ${problems.join('\n  ')}`);
  return manifest;
}

module.exports = { writeManifest, readVerifiedManifest, formatVersion, MANIFEST };
