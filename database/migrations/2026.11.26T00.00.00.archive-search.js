'use strict';
// Full-text search of the media archive (src/archive/search.ts). A table of its
// own, filled by the archive's service, so this migration does not need the
// content type's table (which Strapi creates after user migrations on a fresh
// database). Idempotent; safe on SQLite and PostgreSQL.

const TABLE = 'media_archive_search';

async function unaccentSchema(knex) {
  const find = () =>
    knex.raw(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`);
  let { rows } = await find();
  if (!rows.length) {
    try {
      // In a savepoint: without the right to create extensions the migration goes on.
      await knex.transaction((trx) => trx.raw('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public'));
      ({ rows } = await find());
    } catch {
      return null;
    }
  }
  return rows[0]?.schema ?? null;
}

async function postgres(knex) {
  const schema = await unaccentSchema(knex);
  // Lower case without Spanish accents: unaccent when available, else translate().
  const fold = schema
    ? `lower(${JSON.stringify(schema)}.unaccent('${schema.replace(/'/g, "''")}.unaccent'::regdictionary, coalesce(value, '')))`
    : `translate(lower(coalesce(value, '')), 'áéíóúüñàèìòùâêîôûäëïöçÁÉÍÓÚÜÑ', 'aeiouunaeiouaeiouaeiocaeiouun')`;
  await knex.raw(`CREATE OR REPLACE FUNCTION archive_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT ${fold} $$`);
  await knex.raw(`CREATE TABLE IF NOT EXISTS ${TABLE} (
    item_id integer PRIMARY KEY,
    kind varchar(32) NOT NULL,
    is_public boolean NOT NULL DEFAULT false,
    captured_at timestamptz,
    ceremony varchar(255),
    tags text[] NOT NULL DEFAULT '{}',
    document tsvector NOT NULL
  )`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_document_idx ON ${TABLE} USING GIN (document)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_captured_idx ON ${TABLE} (captured_at)`);
}

async function sqlite(knex) {
  // rowid is the item's id; the filters ride along as unindexed columns.
  await knex.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${TABLE} USING fts5(
    kind UNINDEXED, is_public UNINDEXED, captured_at UNINDEXED, ceremony UNINDEXED, tags_key UNINDEXED,
    title, tags, description, credit, place,
    tokenize = 'unicode61 remove_diacritics 2'
  )`);
}

module.exports = {
  async up(knex) {
    const client = knex.client.config.client;
    if (client === 'postgres' || client === 'pg') return postgres(knex);
    if (['sqlite', 'sqlite3', 'better-sqlite3'].includes(client)) return sqlite(knex);
    throw new Error(`archive-search migration: unsupported client ${client}`);
  },
  async down() {},
};
