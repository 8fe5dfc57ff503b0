// The project's npm scripts as the IT office runs them (`npm run backup -- --out …`), in a
// process of their own on the project folder.
import path from 'path';
import { spawn } from 'child_process';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs one npm script with the run's environment plus `env`; resolves with its exit code and output. */
export function npmRun(script: string, args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    // dist/ is the run's compiled app: the scripts need not compile it again.
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', SCRIPTS_SKIP_COMPILE: 'true', ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}
