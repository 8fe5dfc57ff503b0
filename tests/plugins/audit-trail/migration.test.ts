// The migration that moves the approval workflow's audit events into the shared audit
// trail keeps every row and every hash: run on a scratch database (a SQLite file or a
// PostgreSQL schema of its own) holding the old table as the approval workflow left it.
import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import { eventHash } from '../../../src/plugins/audit-trail/server/src/api';

const migration = require('../../../database/migrations/2026.11.26T09.00.00.shared-audit-trail.js');
const legacyTimeline = require('../../../database/migrations/2026.11.26T09.10.00.diario-oficial-legacy-timeline.js');
const Knex = require('knex');

const OLD = 'approval_workflow_events';
const NEW = 'audit_trail_events';
const isPostgres = process.env.DATABASE_CLIENT === 'postgres';

// Two events sealed by the approval workflow before the move (hashes computed by its
// own audit-trail service at commit 6c41b8e).
const base = {
  chain_key: 'api::press-note.press-note|abc123|es-PE',
  target_uid: 'api::press-note.press-note',
  target_document_id: 'abc123',
  target_locale: 'es-PE',
  actor_kind: 'user',
  content_hash: 'f'.repeat(64),
  publish_at: null,
};
const OLD_EVENTS = [
  {
    ...base,
    document_id: 'ev1',
    sequence: 1,
    action: 'submit',
    from_state: 'draft',
    to_state: 'in-review',
    actor_id: 7,
    actor_name: 'Rosa Quispe',
    comment: null,
    occurred_at: '2026-11-20T15:00:00.000Z',
    previous_hash: null,
    hash: '2afbca39b370dff618bb1b997425021e5ec215cadc7988e9a53430d82fd50e9b',
  },
  {
    ...base,
    document_id: 'ev2',
    sequence: 2,
    action: 'approve',
    from_state: 'in-review',
    to_state: 'approved',
    actor_id: 9,
    actor_name: 'Luis Mamani',
    comment: 'Conforme.',
    occurred_at: '2026-11-20T16:30:00.000Z',
    previous_hash: '2afbca39b370dff618bb1b997425021e5ec215cadc7988e9a53430d82fd50e9b',
    hash: '3a55ad45ee3be05efcedb20a297cac93dd88b22b44748b885d41bf90316c6b8c',
  },
];

const camel = (row: Record<string, any>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]));

let knex: any;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const tag = crypto.randomBytes(4).toString('hex');
  if (isPostgres) {
    const schema = `test_migration_${tag}`;
    knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', searchPath: [schema] });
    await knex.raw('CREATE SCHEMA ??', [schema]);
    cleanup = async () => {
      await knex.raw('DROP SCHEMA ?? CASCADE', [schema]);
      await knex.destroy();
    };
  } else {
    const file = path.join(os.tmpdir(), `audit-migration-${tag}.db`);
    knex = Knex({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
    cleanup = async () => {
      await knex.destroy();
      fs.rmSync(file, { force: true });
    };
  }
});

afterEach(() => cleanup());

/** The approval workflow's table as Strapi created it (the columns and index names that matter). */
async function createOldTable() {
  await knex.schema.createTable(OLD, (t: any) => {
    t.increments('id');
    t.string('document_id');
    for (const name of ['chain_key', 'target_uid', 'target_document_id', 'target_locale', 'action', 'from_state', 'to_state', 'actor_kind', 'actor_name', 'content_hash', 'publish_at', 'occurred_at', 'previous_hash', 'hash', 'locale']) {
      t.string(name);
    }
    t.integer('sequence');
    t.integer('actor_id');
    t.text('comment');
    t.datetime('created_at');
    t.datetime('updated_at');
    t.datetime('published_at');
    t.unique(['chain_key', 'sequence'], { indexName: `${OLD}_chain_uq` });
    t.index(['document_id', 'locale', 'published_at'], `${OLD}_documents_idx`);
  });
  // One by one, ids from the table's own sequence, as Strapi wrote them.
  for (const event of OLD_EVENTS) await knex(OLD).insert(event);
  return knex(OLD).orderBy('id');
}

const indexNames = async (): Promise<string[]> =>
  isPostgres
    ? (await knex.raw(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?`, [NEW])).rows.map((r: any) => r.name)
    : (await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`, [NEW])).map((r: any) => r.name);

const migrate = () => knex.transaction((trx: any) => migration.up(trx));

it('keeps every approval event, with hashes that still verify, under the shared table', async () => {
  const before = await createOldTable();
  await migrate();
  expect(await knex.schema.hasTable(OLD)).toBe(false);
  const rows = await knex(NEW).orderBy('id');
  expect(rows).toEqual(before);
  expect(rows).toEqual(OLD_EVENTS.map((e) => expect.objectContaining(e)));
  for (const row of rows) expect(eventHash(camel(row))).toBe(row.hash);
  // Indexes carry the new table's name (PostgreSQL) or are left for Strapi to recreate (SQLite).
  expect((await indexNames()).filter((name) => name.startsWith(OLD))).toEqual([]);
  if (isPostgres) expect(await indexNames()).toEqual(expect.arrayContaining([`${NEW}_pkey`, `${NEW}_chain_uq`, `${NEW}_documents_idx`]));
  // The id sequence goes on after the moved rows.
  const [next] = await knex(NEW).insert({ ...OLD_EVENTS[1], document_id: 'ev3', sequence: 3 }).returning('id');
  expect(Number(next.id ?? next)).toBe(3);
});

it('runs once: again, or on a database that never had the old table, it changes nothing', async () => {
  await migrate();
  expect(await knex.schema.hasTable(NEW)).toBe(false);
  await createOldTable();
  await migrate();
  await migrate();
  expect(await knex(NEW).count({ n: '*' })).toEqual([{ n: isPostgres ? '2' : 2 }]);
});

it('keeps the publication requests’ old, unchained timeline rows in a table Strapi leaves alone', async () => {
  await knex.schema.createTable('diario_oficial_request_events', (t: any) => {
    t.increments('id');
    t.integer('request_id');
    t.string('action');
    t.string('to_state');
  });
  await knex('diario_oficial_request_events').insert([
    { request_id: 4, action: 'create', to_state: 'queued' },
    { request_id: 4, action: 'dispatch-email', to_state: 'submitted' },
  ]);
  const before = await knex('diario_oficial_request_events').orderBy('id');
  await knex.transaction((trx: any) => legacyTimeline.up(trx));
  await knex.transaction((trx: any) => legacyTimeline.up(trx));
  expect(await knex.schema.hasTable('diario_oficial_request_events')).toBe(false);
  expect(await knex('diario_oficial_request_events_legacy').orderBy('id')).toEqual(before);
});
