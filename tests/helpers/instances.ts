// Strapi as separate processes, for what one in-process instance cannot show:
// several instances on one database (each with a working folder of its own, so
// nothing is shared but the database and the object store), other upload
// providers, signals. Each process runs the project as compiled by the test
// run (dist/, copied into its folder) and listens on a free port.
//
//   const a = await startInstance({ name: 'a', env: { DATABASE_SCHEMA: schema, ...s3.env() } });
//   await fetch(`${a.url}/_health`);
//   await a.stop();                      // SIGTERM, then SIGKILL after `killAfterMs`
//   await a.stop('SIGINT');              // any signal; resolves with the exit code and signal
//   await runScript(a, 'tests/storage/verify-audit.js');  // a function on A's folder and environment, no HTTP
//
// The child's stdout/stderr are kept (`a.output()`) and printed when it fails to start.
import { spawn, type ChildProcess } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(__dirname, 'instance-main.js');
const SCRIPT = path.join(__dirname, 'instance-script.js');
/** What instance-main.js prints, with its port, once Strapi listens. */
const READY_MARKER = '@@strapi-instance-listening@@';
/** What instance-script.js prints before the function's result (JSON, one line). */
const RESULT_MARKER = '@@instance-script-result@@';

export interface InstanceOptions {
  /** For logs and the folder name. */
  name?: string;
  /** Added to (and overriding) the test run's environment. */
  env?: Record<string, string | undefined>;
  /** Port to listen on; a free one by default. */
  port?: number;
  /** Working folder; a new temporary one by default (removed by `stop` unless `keepWorkDir`). */
  workDir?: string;
  keepWorkDir?: boolean;
  /** How long `start` waits for the instance to answer. */
  readyTimeoutMs?: number;
}

export interface Instance {
  name: string;
  url: string;
  port: number;
  workDir: string;
  /** The environment it runs with. */
  env: NodeJS.ProcessEnv;
  process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves when the process said it listens (instance-main.js) and `GET /_health` answers 204. */
  waitReady(timeoutMs?: number): Promise<void>;
  /** Sends `signal` (SIGTERM), waits for the exit (SIGKILL after `killAfterMs`), removes the folder. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A working folder that runs the compiled project: dist/ and what Strapi reads
 * from the app root (plugin manifests under src/plugins, database/migrations,
 * public/, favicon, package.json), node_modules linked. Uploads, originals and
 * the SQLite file land in it, not in the project.
 */
export function prepareWorkDir(dir: string) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/ is not compiled: start jest (the environment compiles it)');
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  for (const plugin of fs.readdirSync(path.join(ROOT, 'src', 'plugins'))) {
    const from = path.join(ROOT, 'src', 'plugins', plugin);
    const to = path.join(dir, 'src', 'plugins', plugin);
    fs.mkdirSync(to, { recursive: true });
    for (const file of ['package.json', 'strapi-server.js']) if (fs.existsSync(path.join(from, file))) fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
  fs.cpSync(path.join(ROOT, 'database'), path.join(dir, 'database'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  if (fs.existsSync(path.join(ROOT, 'public', 'robots.txt'))) fs.copyFileSync(path.join(ROOT, 'public', 'robots.txt'), path.join(dir, 'public', 'robots.txt'));
  for (const file of ['package.json', 'favicon.png']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  fs.mkdirSync(path.join(dir, '.tmp'), { recursive: true });
  if (!fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

export async function startInstance(options: InstanceOptions = {}): Promise<Instance> {
  const name = options.name ?? `instance-${crypto.randomBytes(3).toString('hex')}`;
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `strapi-${name}-`));
  prepareWorkDir(workDir);
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    // Relative SQLite paths and local stores resolve inside the working folder.
    DATABASE_FILENAME: path.join(workDir, '.tmp', 'data.db'),
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  const child = spawn(process.execPath, [MAIN], { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  );
  const url = `http://127.0.0.1:${port}`;
  let stopping = false;
  // A process that dies on its own says why (its requests would only see ECONNREFUSED).
  exited.then(({ code, signal }) => {
    if (!stopping) console.error(`Strapi "${name}" exited on its own (${signal ?? `code ${code}`}):\n${output.slice(-6000)}`);
  });

  const instance: Instance = {
    name,
    url,
    port,
    workDir,
    env,
    process: child,
    output: () => output,
    exited,
    async waitReady(timeoutMs = options.readyTimeoutMs ?? 120_000) {
      const deadline = Date.now() + timeoutMs;
      let gone = false;
      exited.then(() => (gone = true));
      while (Date.now() < deadline && !gone) {
        // Its own word first: on a shared machine another process may have taken the free port meanwhile.
        const ok = output.includes(`${READY_MARKER}${port}`) && (await fetch(`${url}/_health`).then((res) => res.status === 204, () => false));
        if (ok) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`Strapi "${name}" did not start (${gone ? 'it exited' : 'timeout'}):\n${output.slice(-4000)}`);
    },
    async stop(signal = 'SIGTERM', killAfterMs = 15_000) {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        await exited.finally(() => clearTimeout(timer));
      }
      if (!options.keepWorkDir && !options.workDir) fs.rmSync(workDir, { recursive: true, force: true });
      return exited;
    },
  };
  try {
    await instance.waitReady();
  } catch (error) {
    await instance.stop('SIGKILL');
    throw error;
  }
  return instance;
}

/**
 * Several instances with the same environment: the first alone (it creates the
 * schema of an empty database), the others side by side.
 */
export async function startInstances(count: number, options: Omit<InstanceOptions, 'port' | 'workDir'> = {}) {
  const named = (i: number) => ({ ...options, name: `${options.name ?? 'instance'}-${String.fromCharCode(97 + i)}` });
  const first = await startInstance(named(0));
  const others = await Promise.all(Array.from({ length: count - 1 }, (_, i) => startInstance(named(i + 1)))).catch(async (error) => {
    await first.stop();
    throw error;
  });
  return [first, ...others];
}

/**
 * Runs `fn(strapi)`, the default export of the CommonJS module `modulePath`
 * (relative to the project), in a process of its own on the instance's working
 * folder and environment (its database, its stores) without the HTTP server and
 * with no background job of its own; resolves with what it returned (JSON).
 * For checks and scripts against what the instances share (e.g. `npm run
 * audit:verify` on their database). The instance may be running or stopped.
 */
export async function runScript<T = unknown>(instance: Pick<Instance, 'workDir' | 'env'>, modulePath: string, timeoutMs = 120_000): Promise<T> {
  const env: NodeJS.ProcessEnv = { ...instance.env, CRON_ENABLED: 'false', DIARIO_OFICIAL_WORKER: 'false', PORT: '0' };
  const child = spawn(process.execPath, [SCRIPT, path.resolve(ROOT, modulePath), RESULT_MARKER], { cwd: instance.workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve)).finally(() => clearTimeout(timer));
  const line = output.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (code !== 0 || !line) throw new Error(`script ${modulePath} failed (exit ${code}):\n${output.slice(-4000)}`);
  return JSON.parse(line.slice(RESULT_MARKER.length)) as T;
}
