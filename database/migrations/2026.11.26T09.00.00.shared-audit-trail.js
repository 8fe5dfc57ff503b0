'use strict';
// The approval workflow's audit events move to the shared audit trail (plugin
// `audit-trail`, table audit_trail_events). Strapi would drop the old table once its
// content type is gone, so before the schema sync this renames it, rows untouched
// (their hashes stay valid: see the audit-trail plugin's eventHash). Its indexes and
// constraints get the new table's names, so that Strapi finds them instead of adding
// copies. Idempotent: does nothing on a fresh database or once the new table exists.

const OLD = 'approval_workflow_events';
const NEW = 'audit_trail_events';

const renamed = (name) => NEW + name.slice(OLD.length);

async function postgres(knex) {
  const { rows: constraints } = await knex.raw(
    `SELECT conname AS name FROM pg_constraint WHERE conrelid = ?::regclass AND conname LIKE ?`,
    [NEW, `${OLD}%`]
  );
  for (const { name } of constraints) await knex.raw('ALTER TABLE ?? RENAME CONSTRAINT ?? TO ??', [NEW, name, renamed(name)]);
  const { rows: indexes } = await knex.raw(
    `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? AND indexname LIKE ?`,
    [NEW, `${OLD}%`]
  );
  for (const { name } of indexes) await knex.raw('ALTER INDEX ?? RENAME TO ??', [name, renamed(name)]);
  const { rows: sequences } = await knex.raw(
    `SELECT sequence_name AS name FROM information_schema.sequences WHERE sequence_schema = current_schema() AND sequence_name = ?`,
    [`${OLD}_id_seq`]
  );
  for (const { name } of sequences) await knex.raw('ALTER SEQUENCE ?? RENAME TO ??', [name, renamed(name)]);
}

async function sqlite(knex) {
  // SQLite cannot rename an index: the old ones go, Strapi's sync creates them under the new names.
  const indexes = await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ? AND sql IS NOT NULL`, [NEW, `${OLD}%`]);
  for (const { name } of indexes) await knex.raw('DROP INDEX ??', [name]);
}

module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable(OLD)) || (await knex.schema.hasTable(NEW))) return;
    await knex.schema.renameTable(OLD, NEW);
    const client = knex.client.config.client;
    if (client === 'postgres' || client === 'pg') await postgres(knex);
    else await sqlite(knex);
  },
  async down() {},
};
