// Every table of a database, read directly (knex), as comparable text: for checking that a
// restored database holds exactly what the original held. Also makes and drops databases
// next to the run's own (an SQLite file, a PostgreSQL schema).
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Knex } from 'knex';

export type Database = { client: 'sqlite'; filename: string } | { client: 'postgres'; schema: string };

const ROOT = path.resolve(__dirname, '..', '..');

/** The run's own database, as the environment describes it. */
export const runDatabase = (): Database =>
  process.env.DATABASE_CLIENT === 'postgres'
    ? { client: 'postgres', schema: process.env.DATABASE_SCHEMA! }
    : { client: 'sqlite', filename: process.env.DATABASE_FILENAME! };

function connect(db: Database): Knex {
  const knex = require('knex');
  return db.client === 'sqlite'
    ? knex({ client: 'better-sqlite3', connection: { filename: db.filename }, useNullAsDefault: true })
    : knex({ client: 'pg', connection: process.env.DATABASE_URL ?? { host: '127.0.0.1', user: 'postgres', database: 'test' }, pool: { min: 0, max: 2 } });
}

/** A new, empty database beside the run's; `env` points a process at it. */
export async function createDatabase(): Promise<{ db: Database; env: Record<string, string>; drop: () => Promise<void> }> {
  const id = `${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const schema = `${process.env.DATABASE_SCHEMA}_r${id}`.slice(0, 60);
    const knex = connect({ client: 'postgres', schema });
    await knex.raw(`CREATE SCHEMA "${schema}"`);
    await knex.destroy();
    return {
      db: { client: 'postgres', schema },
      env: { DATABASE_SCHEMA: schema },
      drop: async () => {
        const k = connect({ client: 'postgres', schema });
        await k.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await k.destroy();
      },
    };
  }
  const filename = path.join(ROOT, '.tmp', `restored-${id}.db`);
  return {
    db: { client: 'sqlite', filename },
    env: { DATABASE_FILENAME: filename },
    drop: async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filename + suffix, { force: true });
    },
  };
}

export interface TableContents {
  columns: string[];
  /** One JSON text per row, sorted. */
  rows: string[];
}

/** Every table (SQLite's FTS shadow tables aside) with its rows; `withoutId` tables drop their id column. */
export async function readTables(db: Database, withoutId: (table: string) => boolean): Promise<Map<string, TableContents>> {
  const knex = connect(db);
  try {
    const tables: string[] =
      db.client === 'sqlite'
        ? (await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((r: any) => r.name)
        : (await knex.raw(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'`, [db.schema])).rows.map(
            (r: any) => r.name
          );
    const result = new Map<string, TableContents>();
    for (const table of tables.sort()) {
      if (db.client === 'sqlite' && /_(data|idx|content|docsize|config)$/.test(table) && tables.includes(table.replace(/_[a-z]+$/, ''))) continue;
      const columns: string[] =
        db.client === 'sqlite'
          ? (await knex.raw(`SELECT name FROM pragma_table_info(?)`, [table])).map((r: any) => r.name)
          : (
              await knex.raw(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position`, [
                db.schema,
                table,
              ])
            ).rows.map((r: any) => r.name);
      const kept = columns.filter((c) => !(c === 'id' && withoutId(table)));
      const virtual = db.client === 'sqlite' && columns.length && !columns.includes('id') && table === 'media_archive_search';
      const select = db.client === 'sqlite' ? `SELECT ${virtual ? 'rowid AS "rowid", ' : ''}${kept.map((c) => `"${c}"`).join(', ')} FROM "${table}"` : `SELECT ${kept.map((c) => `"${c}"::text AS "${c}"`).join(', ')} FROM "${db.schema}"."${table}"`;
      const raw = db.client === 'sqlite' ? await knex.raw(select) : (await knex.raw(select)).rows;
      const rows = raw.map((row: Record<string, unknown>) => JSON.stringify(row, (_k, v) => (v && typeof v === 'object' && v.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v))).sort();
      result.set(table, { columns: kept, rows });
    }
    return result;
  } finally {
    await knex.destroy();
  }
}
