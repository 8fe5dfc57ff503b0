'use strict';
// Faster archive search on PostgreSQL (src/archive/search.ts, BENCHMARKS.md):
// - a GIN index over the public items' documents only: the Public role's and the
//   website's searches (most of them) read a quarter fewer index entries and rows;
// - a GIN index on the tags array, so that `?tags=` alone does not read the table.
// SQLite's FTS5 table needs neither. Idempotent.

const TABLE = 'media_archive_search';

module.exports = {
  async up(knex) {
    const client = knex.client.config.client;
    if (client !== 'postgres' && client !== 'pg') return;
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_public_document_idx ON ${TABLE} USING GIN (document) WHERE is_public`);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${TABLE}_tags_idx ON ${TABLE} USING GIN (tags)`);
  },
  async down() {},
};
