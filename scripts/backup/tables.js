'use strict';
// The tables Strapi's data transfer does not carry, found by comparing the database with
// Strapi's models rather than listed by hand, so that a table added later is carried too:
//  - models that are not content types (the content manager's history, the AI jobs): the
//    transfer streams content types only, and its restore deletes these models' rows;
//  - tables no model describes (`diario_oficial_request_events_legacy`, the earlier
//    timeline kept by a migration; anything a future migration adds).
// Their rows are dumped as they are (ids included) and written back after the transfer,
// creating the table when the new database lacks it. Derived tables are rebuilt from the
// restored rows instead (the archive's full-text search), and Strapi's own bookkeeping
// (migrations, schema) belongs to the new database. Same database kind only: a backup of
// SQLite restores into SQLite, one of PostgreSQL into PostgreSQL.
const fs = require('fs');
const readline = require('readline');

/** Strapi's bookkeeping: the new database has its own. */
const INTERNAL = new Set(['strapi_migrations', 'strapi_migrations_internal', 'strapi_database_schema']);

/** Rebuilt after a restore (see restore.js), never copied. */
const DERIVED = [/^media_archive_search(_(data|idx|content|docsize|config))?$/];

/** Carried by the transfer's configuration stage. */
const CONFIGURATION_MODELS = new Set(['strapi::core-store', 'strapi::webhook']);

const isPostgres = (strapi) => strapi.db.dialect.client === 'postgres';
const rowsOf = (result) => (Array.isArray(result) ? result : result.rows);
const schemaOf = (strapi) => strapi.db.getSchemaName() || 'public';

/** Every table of the database (the current schema on PostgreSQL). */
async function databaseTables(strapi, trx = strapi.db.connection) {
  if (isPostgres(strapi)) {
    const result = await trx.raw(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'`, [schemaOf(strapi)]);
    return rowsOf(result).map((r) => r.name);
  }
  const rows = await trx.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return rows.map((r) => r.name);
}

/** Tables by who carries them: the transfer (content types, components, their join tables), or this module. */
function modelTables(strapi) {
  const contentTypes = new Set([...Object.keys(strapi.contentTypes), ...Object.keys(strapi.components)]);
  const transfer = new Set();
  const configuration = new Set();
  const models = new Set();
  for (const meta of strapi.db.metadata.values()) {
    const tables = [meta.tableName, ...Object.values(meta.attributes).map((a) => a.joinTable?.name).filter(Boolean)];
    const bucket = contentTypes.has(meta.uid) ? transfer : CONFIGURATION_MODELS.has(meta.uid) ? configuration : models;
    for (const table of tables) bucket.add(table);
  }
  return { transfer, configuration, models };
}

/** What a backup does with each table of the database. */
async function inventory(strapi, trx) {
  const { transfer, configuration, models } = modelTables(strapi);
  const result = { transfer: [], configuration: [], raw: [], derived: [], internal: [] };
  for (const table of (await databaseTables(strapi, trx)).sort()) {
    if (INTERNAL.has(table)) result.internal.push(table);
    else if (DERIVED.some((pattern) => pattern.test(table))) result.derived.push(table);
    else if (transfer.has(table)) result.transfer.push(table);
    else if (configuration.has(table)) result.configuration.push(table);
    else result.raw.push({ table, modelled: models.has(table) });
  }
  return result;
}

/** Column names and types, and a CREATE TABLE for a database that lacks the table. */
async function describe(strapi, trx, table) {
  if (isPostgres(strapi)) {
    const columns = rowsOf(
      await trx.raw(
        `SELECT column_name AS name, data_type AS type, udt_name AS udt, is_nullable AS nullable, column_default AS "default", character_maximum_length AS length
         FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position`,
        [schemaOf(strapi), table]
      )
    );
    const primary = rowsOf(
      await trx.raw(
        `SELECT k.column_name AS name FROM information_schema.table_constraints c
         JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
         WHERE c.table_schema = ? AND c.table_name = ? AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position`,
        [schemaOf(strapi), table]
      )
    ).map((r) => r.name);
    const typeOf = (c) => {
      const serial = /^nextval\(/.test(c.default ?? '');
      if (serial) return c.udt === 'int8' ? 'bigserial' : 'serial';
      if (c.type === 'ARRAY') return `${c.udt.replace(/^_/, '')}[]`;
      if (c.type === 'character varying') return c.length ? `varchar(${c.length})` : 'varchar';
      if (c.type === 'USER-DEFINED') return c.udt;
      return c.type;
    };
    const definitions = columns.map((c) => `"${c.name}" ${typeOf(c)}${c.nullable === 'NO' && !/serial/.test(typeOf(c)) ? ' NOT NULL' : ''}`);
    if (primary.length) definitions.push(`PRIMARY KEY (${primary.map((n) => `"${n}"`).join(', ')})`);
    return {
      columns: columns.map((c) => ({ name: c.name, type: c.type })),
      create: `CREATE TABLE IF NOT EXISTS "${table}" (${definitions.join(', ')})`,
    };
  }
  const columns = await trx.raw(`SELECT name, type FROM pragma_table_info(?)`, [table]);
  const [{ sql }] = await trx.raw(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table]);
  return { columns: columns.map((c) => ({ name: c.name, type: c.type })), create: sql.replace(/^CREATE TABLE\s+/i, 'CREATE TABLE IF NOT EXISTS ') };
}

// JSON lines keep values as the driver returned them; dates and bytes are tagged.
const encode = (value) =>
  value instanceof Date ? { $date: value.toISOString() } : Buffer.isBuffer(value) ? { $bytes: value.toString('base64') } : value;
const decode = (value) =>
  value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1
    ? '$date' in value
      ? new Date(value.$date)
      : '$bytes' in value
        ? Buffer.from(value.$bytes, 'base64')
        : value
    : value;

/** Writes one table to `file`: a header line (columns, CREATE TABLE), then one line per row. */
async function dumpTable(strapi, trx, table, file) {
  const description = await describe(strapi, trx, table);
  const out = fs.createWriteStream(file, { mode: 0o600 });
  out.write(`${JSON.stringify({ table, ...description })}\n`);
  const names = description.columns.map((c) => c.name);
  const order = names.includes('id') ? 'id' : names[0];
  let count = 0;
  for (let offset = 0; ; offset += 1000) {
    const rows = await trx.select(names).from(table).orderBy(order).limit(1000).offset(offset);
    for (const row of rows) out.write(`${JSON.stringify(names.map((name) => encode(row[name])))}\n`);
    count += rows.length;
    if (rows.length < 1000) break;
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return count;
}

/** Writes a dumped table back (creating it if needed), replacing its rows. */
async function loadTable(strapi, trx, file) {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let header;
  let batch = [];
  let count = 0;
  const flush = async () => {
    if (batch.length) await trx.batchInsert(header.table, batch, 200);
    count += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    if (!line) continue;
    if (!header) {
      header = JSON.parse(line);
      await trx.raw(header.create);
      await trx(header.table).del();
      continue;
    }
    const values = JSON.parse(line);
    const row = {};
    header.columns.forEach((column, i) => {
      const value = decode(values[i]);
      // PostgreSQL json columns: the driver would turn a JS array into a PostgreSQL array.
      row[column.name] = /^json/.test(column.type) && value !== null && typeof value !== 'string' ? JSON.stringify(value) : value;
    });
    batch.push(row);
    if (batch.length >= 200) await flush();
  }
  await flush();
  return { table: header.table, count };
}

/**
 * After rows were written with their own ids, the id sequences must continue after them
 * (PostgreSQL; SQLite's AUTOINCREMENT follows explicit ids by itself). `gaps` moves a
 * table's next id further on (the CIF change log, see restore.js).
 */
async function resetSequences(strapi, gaps = {}) {
  const knex = strapi.db.connection;
  if (!isPostgres(strapi)) {
    for (const [table, gap] of Object.entries(gaps)) {
      const [{ top }] = await knex.raw(`SELECT COALESCE(MAX(id), 0) AS top FROM "${table}"`);
      await knex.raw(`DELETE FROM sqlite_sequence WHERE name = ?`, [table]);
      await knex.raw(`INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)`, [table, Number(top) + gap]);
    }
    return;
  }
  const schema = schemaOf(strapi);
  const serials = rowsOf(
    await knex.raw(
      `SELECT table_name AS "table", column_name AS "column", pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) AS sequence
       FROM information_schema.columns WHERE table_schema = ? AND column_default LIKE 'nextval(%'`,
      [schema]
    )
  ).filter((r) => r.sequence);
  for (const { table, column, sequence } of serials) {
    const [{ top }] = rowsOf(await knex.raw(`SELECT COALESCE(MAX(??), 0) AS top FROM ??.??`, [column, schema, table]));
    const next = Number(top) + (gaps[table] ?? 0);
    await knex.raw(`SELECT setval(?::regclass, ?, ?)`, [sequence, Math.max(next, 1), next > 0]);
  }
}

module.exports = { inventory, dumpTable, loadTable, resetSequences, databaseTables, INTERNAL, DERIVED };
