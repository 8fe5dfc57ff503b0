#!/usr/bin/env node
'use strict';
// npm run restore -- --from <dir> [--replace]
//
// Brings a backup made by `npm run backup` into the database of the environment (DATABASE_*),
// its upload provider (local folder or S3) and its archive private store (both areas, local
// folders or S3, as configured here): every file is checked against the manifest first, then
// Strapi's data transfer restores the content types with their ids in one transaction, the
// other tables are written back, id sequences are moved past the restored rows, the private
// store's objects are written back, the archive's search index is rebuilt, and the result is
// checked (row counts and private objects against the backup's, every audit-trail chain). A
// database that already holds content is refused unless --replace is given (its rows and
// uploaded files are then replaced; private objects the backup lacks are left in the store).
//
// The CIF change feed: the log is restored as it was, and its next cursor is moved
// CIF_CURSOR_GAP further on, so that cursors a consumer may have been given after the backup
// are never handed out again. A consumer whose saved cursor is at most the backup's last
// cursor (printed below) continues as if nothing happened; one whose cursor is greater saw
// changes this restore undid and must resync from since=0.
const fs = require('fs');
const path = require('path');
const { withStrapi, compileApp, fromDist } = require('./load-strapi');
const { importDatabase } = require('./backup/transfer');
const { loadTable, resetSequences } = require('./backup/tables');
const { copyPrivateStoreIn } = require('./backup/private-store');
const { readVerifiedManifest, formatVersion } = require('./backup/manifest');
const { reportAuditChains } = require('./audit-verify');

const CIF_CURSOR_GAP = 1_000_000;

function parseArgs(argv) {
  const options = { from: null, replace: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--from') options.from = argv[++i];
    else if (argv[i] === '--replace') options.replace = true;
    else throw new Error(`Opción desconocida: ${argv[i]}. Uso: npm run restore -- --from <carpeta> [--replace]`);
  }
  if (!options.from) throw new Error('Falta --from <carpeta>. Uso: npm run restore -- --from <carpeta> [--replace]');
  return options;
}

/**
 * Content anyone made (an admin account, a press note, a norm, an archive item…), read
 * before Strapi boots, so that a refusal costs nothing. A database Strapi never ran on
 * has none of these tables.
 */
async function holdsContent(appContext) {
  const { env } = require('@strapi/utils');
  const config = require(path.join(appContext.distDir, 'config', 'database.js')).default({ env });
  const { client } = config.connection;
  const knex = require('knex')({ ...config.connection, client: client === 'sqlite' ? 'better-sqlite3' : client, pool: { min: 0, max: 1 } });
  try {
    const schema = client === 'postgres' ? config.connection.connection.schema || 'public' : null;
    for (const table of ['admin_users', 'press_notes', 'norms', 'media_archive_items', 'protocol_contacts', 'transparency_pages']) {
      const exists = schema ? await knex.schema.withSchema(schema).hasTable(table) : await knex.schema.hasTable(table);
      if (!exists) continue;
      const [{ n }] = await (schema ? knex.withSchema(schema) : knex).from(table).count({ n: '*' });
      if (Number(n) > 0) return true;
    }
    return false;
  } finally {
    await knex.destroy();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const from = path.resolve(options.from);
  const manifest = await readVerifiedManifest(from);
  const client = process.env.DATABASE_CLIENT || 'sqlite';
  if (manifest.database.client !== client) {
    throw new Error(`El respaldo es de ${manifest.database.client}; esta instalación usa ${client}. Restaure en el mismo tipo de base de datos.`);
  }
  process.env.CRON_ENABLED = 'false';
  process.env.DIARIO_OFICIAL_WORKER = 'false';

  const compiled = await compileApp();
  if (!options.replace && (await holdsContent(compiled))) {
    throw new Error('La base de datos de destino ya tiene contenido o cuentas. Restaure en una base vacía, o use --replace para reemplazarlo todo.');
  }
  const exitCode = await withStrapi(async (strapi, appContext) => {
    if (manifest.strapi !== strapi.config.get('info.strapi')) {
      throw new Error(`El respaldo se hizo con Strapi ${manifest.strapi}; esta instalación tiene ${strapi.config.get('info.strapi')}.`);
    }
    console.log(`Restaurando ${from} (respaldo del ${manifest.createdAt})`);
    // Strapi's restore moves the upload folder aside (it must exist), and removes the copy at the end.
    const publicDir = strapi.dirs.static.public;
    fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
    const asideBefore = new Set(fs.readdirSync(publicDir).filter((name) => /^uploads_backup_\d+$/.test(name)));
    await importDatabase(strapi, path.join(from, 'strapi'));
    // A copy it left behind would be served under /uploads_backup_…: the replaced files must go.
    for (const name of fs.readdirSync(publicDir).filter((n) => /^uploads_backup_\d+$/.test(n) && !asideBefore.has(n))) {
      fs.rmSync(path.join(publicDir, name), { recursive: true, force: true });
    }

    const knex = strapi.db.connection;
    const tablesDir = path.join(from, 'tables');
    const loaded = {};
    await knex.transaction(async (trx) => {
      for (const name of fs.existsSync(tablesDir) ? fs.readdirSync(tablesDir).sort() : []) {
        const { table, count } = await loadTable(strapi, trx, path.join(tablesDir, name));
        loaded[table] = count;
      }
    });
    console.log(`  restauración · tablas fuera de la transferencia: ${Object.entries(loaded).map(([t, n]) => `${t} (${n})`).join(', ') || 'ninguna'}`);

    const changeTable = strapi.db.metadata.get('plugin::cif-sync.change').tableName;
    await resetSequences(strapi, { [changeTable]: CIF_CURSOR_GAP });

    const privateStore = await copyPrivateStoreIn(strapi, appContext, from, formatVersion(manifest));
    console.log(`  restauración · almacén privado: ${Object.entries(privateStore.counts).map(([area, n]) => `${area} ${n} (${privateStore.where[area]})`).join(', ')}`);

    // Derived: the archive's full-text index is rebuilt from the restored items.
    const { ensureSearchIndex } = fromDist(appContext, 'src/archive/search');
    await knex.raw('DELETE FROM media_archive_search');
    await ensureSearchIndex(strapi);

    const problems = [];
    for (const [uid, expected] of Object.entries(manifest.counts)) {
      const actual = strapi.contentTypes[uid] ? await strapi.db.query(uid).count() : null;
      const wanted = uid === 'admin::session' ? 0 : expected;
      if (actual !== wanted) problems.push(`${uid}: ${actual} filas, el respaldo tiene ${wanted}`);
    }
    for (const [table, expected] of Object.entries(manifest.rawTables)) {
      if (loaded[table] !== expected) problems.push(`${table}: ${loaded[table] ?? 0} filas, el respaldo tiene ${expected}`);
    }
    const expectedPrivate = manifest.privateStore ?? { originals: manifest.originals };
    for (const [area, expected] of Object.entries(expectedPrivate)) {
      if (privateStore.counts[area] !== expected) problems.push(`almacén privado, ${area}: ${privateStore.counts[area]} objetos, el respaldo tiene ${expected}`);
    }
    for (const problem of problems) console.error(`DIFERENCIA ${problem}`);

    const chains = await reportAuditChains(strapi);
    console.log(
      `CIF: el respaldo llega hasta el cursor ${manifest.cifHead}; los nuevos cambios empiezan después de ${manifest.cifHead + CIF_CURSOR_GAP}. ` +
        `Un consumidor con un cursor guardado mayor que ${manifest.cifHead} debe resincronizar desde since=0.`
    );
    return problems.length || chains ? 1 : 0;
  }, compiled);
  console.log(exitCode ? 'Restauración con problemas (ver arriba).' : 'Restauración completa.');
  process.exitCode = exitCode;
}

main().catch((error) => {
  console.error(`Restauración fallida: ${error?.stack ?? error}`);
  process.exit(1);
});
