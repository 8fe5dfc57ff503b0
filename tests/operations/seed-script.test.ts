// `npm run seed` on an empty PostgreSQL database used to print its summary, hang for 60 s
// and die with a KnexTimeoutError: work started after commits (Strapi's document-service
// events, a findOne with a morph populate) was still running when the script destroyed
// Strapi. Everything started in the background is now awaited before the database closes
// (src/operations/background-work.ts). On SQLite the pool is one connection and the script
// never hung; the test runs where the bug was.
import path from 'path';
import { spawn } from 'child_process';
import { createDatabase } from '../helpers/database-tables';

const ROOT = path.resolve(__dirname, '..', '..');
const onPostgres = process.env.DATABASE_CLIENT === 'postgres' ? it : it.skip;

onPostgres('npm run seed on an empty database exits 0 with nothing left running', async () => {
  const db = await createDatabase();
  try {
    const started = Date.now();
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'seed'], {
        cwd: ROOT,
        // A short acquire timeout: work outliving destroy() would fail within seconds, not a minute.
        env: { ...process.env, ...db.env, DATABASE_CONNECTION_TIMEOUT: '5000', FORCE_COLOR: '0', SCRIPTS_SKIP_COMPILE: 'true' },
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('close', (exitCode) => resolve({ code: exitCode, output: out }));
    });
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toMatch(/Sample data created/);
    expect(output).not.toMatch(/KnexTimeoutError|Unhandled|Tarea posterior a una transacción falló/);
    expect(Date.now() - started).toBeLessThan(240_000);
  } finally {
    await db.drop();
  }
}, 300_000);
