#!/usr/bin/env node
'use strict';
// npm run backup -- --out <dir>
//
// Everything needed to bring this installation back, in one folder:
//   strapi/     Strapi's data transfer, unpacked: every content type (admin accounts, roles and
//               API tokens included, ids kept), links, core store, webhooks, uploaded files
//   tables/     tables the transfer does not carry (content history, the earlier request
//               timeline, …), one JSON-lines file each
//   private/    the archive's private store, both areas: `originals/` (untouched originals)
//               and `files/` (the files of private archive items), from local folders or S3
//   manifest.json  counts, versions and the sha256 of every file
// Read from one consistent snapshot: a REPEATABLE READ READ ONLY transaction on PostgreSQL
// (the process uses a single connection), an online copy of the file on SQLite. Safe while
// the instances run. The folder holds password hashes, API tokens and personal data:
// it is created readable by its owner only; keep it on encrypted storage.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { withStrapi, fromDist } = require('./load-strapi');
const { exportDatabase } = require('./backup/transfer');
const { inventory, dumpTable } = require('./backup/tables');
const { copyPrivateStoreOut, PRIVATE_FOLDER } = require('./backup/private-store');
const { writeManifest } = require('./backup/manifest');

const ROOT = path.resolve(__dirname, '..');

function parseArgs(argv) {
  const options = { out: null };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--out') options.out = argv[++i];
    else throw new Error(`Opción desconocida: ${argv[i]}. Uso: npm run backup -- --out <carpeta>`);
  }
  if (!options.out) throw new Error('Falta --out <carpeta>. Uso: npm run backup -- --out <carpeta>');
  return options;
}

/** A new or empty folder, readable by its owner only. */
function prepareOut(out) {
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`${out} no está vacía: use una carpeta nueva por respaldo.`);
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  fs.chmodSync(out, 0o700);
}

/** SQLite: an online copy (better-sqlite3's backup API) that the export then reads, so writers never wait on it. */
async function sqliteSnapshot() {
  const source = path.resolve(ROOT, process.env.DATABASE_FILENAME || '.tmp/data.db');
  if (!fs.existsSync(source)) throw new Error(`No existe la base de datos SQLite ${source}.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'respaldo-'));
  const copy = path.join(dir, 'snapshot.db');
  const Database = require('better-sqlite3');
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(copy);
  } finally {
    db.close();
  }
  process.env.DATABASE_FILENAME = copy;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

/** Versions (file and formats) of private archive files that the backup's `private/files/` lacks. */
async function missingPrivateFiles(strapi, out, privateFilesPath) {
  const rows = await strapi.db.query('plugin::upload.file').findMany({ where: { url: { $startsWith: privateFilesPath } }, select: ['id', 'url', 'formats'] });
  const missing = [];
  for (const row of rows) {
    for (const version of [row, ...Object.values(row.formats ?? {})]) {
      const name = version.url.slice(privateFilesPath.length).split('?')[0];
      if (!fs.existsSync(path.join(out, PRIVATE_FOLDER, 'files', name))) missing.push(`archivo ${row.id}: ${version.url}`);
    }
  }
  return missing;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const out = path.resolve(options.out);
  prepareOut(out);
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  // A read-only snapshot: no background job of this process may write meanwhile.
  process.env.CRON_ENABLED = 'false';
  process.env.DIARIO_OFICIAL_WORKER = 'false';
  let cleanup = () => {};
  if (client === 'sqlite') cleanup = await sqliteSnapshot();
  else {
    // One connection, so that every query of the export runs inside the snapshot transaction.
    process.env.DATABASE_POOL_MIN = '1';
    process.env.DATABASE_POOL_MAX = '1';
  }
  const started = Date.now();
  try {
    const facts = await withStrapi(async (strapi, appContext) => {
      const knex = strapi.db.connection;
      let snapshotAt = null;
      if (client === 'postgres') {
        await knex.raw('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        snapshotAt = (await knex.raw('SELECT now()::text AS at')).rows[0].at;
      }
      try {
        const tables = await inventory(strapi, knex);
        console.log(`Respaldo en ${out}`);
        const { PRIVATE_FILES_PATH } = fromDist(appContext, 'src/archive/private-files');
        const transfer = await exportDatabase(strapi, path.join(out, 'strapi'), { privateFilesPath: PRIVATE_FILES_PATH });

        fs.mkdirSync(path.join(out, 'tables'), { mode: 0o700 });
        const raw = {};
        for (const { table } of tables.raw) raw[table] = await dumpTable(strapi, knex, table, path.join(out, 'tables', `${table}.jsonl`));
        console.log(`  respaldo · tablas fuera de la transferencia: ${Object.entries(raw).map(([t, n]) => `${t} (${n})`).join(', ') || 'ninguna'}`);

        const privateStore = await copyPrivateStoreOut(strapi, appContext, out);
        console.log(`  respaldo · almacén privado: ${Object.entries(privateStore.counts).map(([area, n]) => `${area} ${n} (${privateStore.where[area]})`).join(', ')}`);
        // Like a missing file of the media library: a private item's file the store lacks fails the backup.
        const missing = await missingPrivateFiles(strapi, out, PRIVATE_FILES_PATH);
        if (missing.length) throw new Error(`Faltan archivos de elementos privados del archivo en el almacén privado:\n${missing.join('\n')}`);

        const counts = {};
        for (const uid of Object.keys(strapi.contentTypes).sort()) counts[uid] = await strapi.db.query(uid).count();
        const cifHead = (await strapi.db.query('plugin::cif-sync.change').findOne({ select: ['id'], orderBy: { id: 'desc' } }))?.id ?? 0;

        if (client === 'postgres') {
          // Still the transaction it began with: nothing in the export committed it early.
          const now = (await knex.raw('SELECT now()::text AS at')).rows[0].at;
          if (now !== snapshotAt) throw new Error('La instantánea de la base de datos se perdió durante el respaldo.');
          await knex.raw('COMMIT');
        }
        return {
          createdAt: new Date(started).toISOString(),
          application: require(path.join(ROOT, 'package.json')).version,
          strapi: strapi.config.get('info.strapi'),
          database: { client },
          tables,
          counts,
          rawTables: raw,
          privateStore: privateStore.counts,
          cifHead: Number(cifHead),
          transferWarnings: transfer.warnings,
        };
      } catch (error) {
        if (client === 'postgres') await knex.raw('ROLLBACK').catch(() => {});
        throw error;
      }
    });
    const manifest = await writeManifest(out, facts);
    const files = Object.keys(manifest.files).length;
    console.log(`Respaldo completo: ${files} archivos, ${((Date.now() - started) / 1000).toFixed(1)} s. Último cursor del CIF: ${facts.cifHead}.`);
  } finally {
    cleanup();
  }
}

main().catch((error) => {
  console.error(`Respaldo fallido: ${error?.stack ?? error}`);
  process.exit(1);
});
