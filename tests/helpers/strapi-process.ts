// A Strapi server in a process of its own, for what an in-process instance cannot show:
// signals, process exit, logs on stdout, another instance on the same database. Runs
// `node_modules/.bin/strapi start` (what the systemd unit of docs/DEPLOYMENT.md runs) on the
// app the test run compiled (dist/), with the run's environment plus `env`.
import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const STRAPI = path.join(ROOT, 'node_modules', '.bin', 'strapi');

export interface StrapiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code and signal, and how long after `stop()` (or start) it came. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startStrapiProcess({ env = {}, timeoutMs = 120_000 }: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<StrapiProcess> {
  const port = await freePort();
  const child = spawn(STRAPI, ['start'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SEED: 'false', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() }))
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`The Strapi process exited before answering:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The Strapi process did not answer within ${timeoutMs} ms:\n${output}`);
    }
    const up = await fetch(`${url}/_health`).then((r) => r.status === 204, () => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      const sent = Date.now();
      if (!gone) child.kill(signal);
      const { code, signal: by, at } = await exited;
      return { code, signal: by, ms: at - sent };
    },
  };
}
