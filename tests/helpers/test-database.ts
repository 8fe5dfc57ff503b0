// The database of one test run: a fresh SQLite file, or a fresh PostgreSQL
// schema that is dropped afterwards. Runs in jest's main process.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';

const ROOT = path.resolve(__dirname, '..', '..');
const runId = () => `${Date.now().toString(36)}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;

const isPostgres = () => process.env.DATABASE_CLIENT === 'postgres';

async function withPg<T>(fn: (client: import('pg').Client) => Promise<T>) {
  const { Client } = require('pg') as typeof import('pg');
  const client = new Client(
    process.env.DATABASE_URL
      ? { connectionString: process.env.DATABASE_URL }
      : {
          host: process.env.DATABASE_HOST ?? '127.0.0.1',
          port: Number(process.env.DATABASE_PORT ?? 5432),
          database: process.env.DATABASE_NAME ?? 'test',
          user: process.env.DATABASE_USERNAME ?? 'postgres',
          password: process.env.DATABASE_PASSWORD || undefined,
        }
  );
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase() {
  if (isPostgres()) {
    const schema = `test_${runId()}`;
    await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
    process.env.DATABASE_SCHEMA = schema;
    return `postgres schema ${schema}`;
  }
  const file = path.join(ROOT, '.tmp', `test-${runId()}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = file;
  return `sqlite file ${path.relative(ROOT, file)}`;
}

export async function dropTestDatabase() {
  if (isPostgres()) {
    const schema = process.env.DATABASE_SCHEMA;
    if (schema?.startsWith('test_')) await withPg((c) => c.query(`DROP SCHEMA "${schema}" CASCADE`));
    return;
  }
  const file = process.env.DATABASE_FILENAME;
  if (file) for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * A database of its own for processes started by tests/helpers/instances.ts:
 * a fresh PostgreSQL schema (dropped by the function returned), or nothing on
 * SQLite (each instance's file is in its working folder).
 */
export async function separateDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (!isPostgres()) return { env: {}, drop: async () => {} };
  const schema = `test_${runId()}`;
  await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
  return { env: { DATABASE_SCHEMA: schema }, drop: () => withPg((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined) };
}
