#!/usr/bin/env node
'use strict';
// npm run bench:diario-oficial — the publication queue's dispatch throughput.
// Two Strapi instances (separate processes) on one PostgreSQL (a schema of its own)
// dispatch 10,000 queued requests by e-mail to a local SMTP sink; then again with one
// instance SIGKILLed mid-dispatch; then the cost of one claim with 10,000 and 100,000
// queued rows. Prints figures for BENCHMARKS.md. Ports 14000-14999 (issue 4's range).
const path = require('path');
const crypto = require('crypto');
const { fork } = require('child_process');
const { SMTPServer } = require('smtp-server');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..', '..');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SMTP_PORT = Number(process.env.BENCH_SMTP_PORT ?? 14025);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10000);
const SCHEMA = `bench_issue4_${Date.now().toString(36)}`;
// BENCH_RUNS=normal,kill,claim (default all); BENCH_CPU_PROF=dir writes a V8 CPU profile per worker instance.
const RUNS = (process.env.BENCH_RUNS ?? 'normal,kill,claim').split(',');
const CPU_PROF = process.env.BENCH_CPU_PROF;
const secret = () => crypto.randomBytes(16).toString('base64');

const childEnv = {
  ...process.env,
  NODE_ENV: 'production',
  SEED: 'false',
  LOG_LEVEL: 'warn',
  STRAPI_TELEMETRY_DISABLED: 'true',
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL,
  DATABASE_SCHEMA: SCHEMA,
  DATABASE_POOL_MAX: '10',
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(SMTP_PORT),
  SMTP_SECURE: 'false',
  SMTP_IGNORE_TLS: 'true',
  SMTP_POOL: 'true',
  SMTP_MAX_CONNECTIONS: process.env.BENCH_SMTP_CONNECTIONS ?? '10',
  DIARIO_OFICIAL_WORKER: 'true',
  DIARIO_OFICIAL_WORKER_SCHEDULE: '* * * * * *',
  DIARIO_OFICIAL_BATCH_SIZE: process.env.BENCH_BATCH ?? '100',
  DIARIO_OFICIAL_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '50',
  DIARIO_OFICIAL_LEASE_SECONDS: '15',
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
};

/** The SMTP sink: counts deliveries per request reference (X-Publication-Request header). */
function startSink() {
  const deliveries = new Map();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const match = /^X-Publication-Request: *(\S+)/im.exec(head);
        const key = match ? match[1] : 'unknown';
        deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(SMTP_PORT, '127.0.0.1', () => resolve({ server, deliveries })));
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid) {
  try {
    const fields = require('fs').readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** An instance; only `worker` instances run the dispatch cron. */
function child(args) {
  const env = { ...childEnv, DIARIO_OFICIAL_WORKER: args[0] === 'worker' ? 'true' : 'false' };
  const execArgv = CPU_PROF && args[0] === 'worker' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [];
  const proc = fork(path.join(__dirname, 'instance.js'), args, { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const firstMessage = new Promise((resolve, reject) => {
    proc.once('message', resolve);
    proc.once('exit', (code) => reject(new Error(`instance ${args.join(' ')} exited with ${code}`)));
  });
  return { proc, firstMessage };
}

async function runOnce(db, table, normDocumentId, sink, { killAfter } = {}) {
  sink.deliveries.clear();
  const a = child(['worker']);
  const b = child(['worker']);
  await Promise.all([a.firstMessage, b.firstMessage]);
  const bootCpu = cpuSeconds(a.proc.pid) + cpuSeconds(b.proc.pid); // not part of the dispatch cost
  // Fill the queue while both instances are up: their cron picks the rows up within a second.
  await db.query(`DELETE FROM ${table}`);
  const startedIso = new Date().toISOString(); // this run's audit events come after this
  const filler = child(['fill', String(REQUESTS), normDocumentId]);
  await filler.firstMessage;
  const started = Date.now();
  const sinkCpuBefore = process.cpuUsage(); // this process: the SMTP sink (and the 200 ms polling)
  let killed = null;
  let killedCpu = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const { rows } = await db.query(`SELECT state, count(*)::int AS n FROM ${table} GROUP BY state`);
    const counts = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    const done = counts.submitted ?? 0;
    // Claims the killed instance was sending when it died go to staff, not out again.
    const handedToStaff = counts['awaiting-manual-submission'] ?? 0;
    if (killAfter && !killed && done >= killAfter) {
      killedCpu = cpuSeconds(a.proc.pid);
      a.proc.kill('SIGKILL');
      killed = { at: done, inFlight: counts.dispatching ?? 0, afterSeconds: (Date.now() - started) / 1000 };
    }
    if (done + handedToStaff === REQUESTS) break;
    if (Date.now() - started > 15 * 60 * 1000) throw new Error(`timeout: ${JSON.stringify(counts)}`);
  }
  const seconds = (Date.now() - started) / 1000;
  const sinkCpu = process.cpuUsage(sinkCpuBefore);
  const cpu = (killed ? killedCpu : cpuSeconds(a.proc.pid)) + cpuSeconds(b.proc.pid) - bootCpu;
  await new Promise((r) => setTimeout(r, 500));
  for (const c of [a, b]) if (c.proc.exitCode === null && !c.proc.killed) c.proc.send('stop');
  const { rows: refs } = await db.query(`SELECT reference FROM ${table} WHERE state = 'submitted'`);
  const { rows: toStaff } = await db.query(`SELECT reference FROM ${table} WHERE state = 'awaiting-manual-submission'`);
  // Lost: neither recorded as sent (and received by the sink) nor handed to staff.
  const delivered = refs.filter((r) => (sink.deliveries.get(r.reference) ?? 0) > 0).length;
  const duplicates = [...sink.deliveries.values()].reduce((n, count) => n + Math.max(0, count - 1), 0);
  const { rows: byWorker } = await db.query(
    `SELECT split_part(details->>'worker', ':', 2) AS pid, count(*)::int AS n FROM audit_trail_events
     WHERE action = 'dispatch-email' AND occurred_at >= $1 GROUP BY 1`,
    [startedIso]
  );
  await new Promise((r) => setTimeout(r, 1500));
  return {
    requests: REQUESTS,
    seconds: Number(seconds.toFixed(1)),
    dispatchesPerSecond: Math.round(REQUESTS / seconds),
    // On a shared machine wall-clock rate depends on the neighbours; CPU cost does not.
    instanceCpuSeconds: Number(cpu.toFixed(1)),
    dispatchesPerCpuSecond: Math.round(REQUESTS / cpu),
    sinkCpuSeconds: Number(((sinkCpu.user + sinkCpu.system) / 1e6).toFixed(1)),
    submitted: refs.length,
    lost: REQUESTS - delivered - toStaff.length,
    handedToStaff: toStaff.length,
    handedToStaffButReceived: toStaff.filter((r) => sink.deliveries.has(r.reference)).length,
    duplicates,
    perInstance: byWorker.map((r) => r.n),
    ...(killed ? { killed } : {}),
  };
}

async function main() {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`CREATE SCHEMA ${SCHEMA}`);
  await db.query(`SET search_path TO ${SCHEMA}`);
  const sink = await startSink();
  try {
    console.log(`Compiling the app once (instances run dist/)…`);
    const { compileStrapi } = require(require.resolve('@strapi/strapi', { paths: [ROOT] }));
    process.chdir(ROOT);
    await compileStrapi();
    const setup = child(['setup']);
    const { setup: ids } = await setup.firstMessage;
    const table = 'diario_oficial_requests';

    const summary = [];
    const target = (name, met, figure) => summary.push(`${met ? 'MET    ' : 'NOT MET'} ${name}: ${figure}`);
    const checkRun = (label, run) => {
      target(`${label}: 0 lost`, run.lost === 0, run.lost);
      target(`${label}: 0 sent twice`, run.duplicates === 0, run.duplicates);
    };
    if (RUNS.includes('normal')) {
      console.log(`Run 1: ${REQUESTS} requests, two instances…`);
      const normal = await runOnce(db, table, ids.normDocumentId, sink);
      console.log(JSON.stringify(normal));
      checkRun('two instances', normal);
      target('≥ 200 dispatches/s (two instances)', normal.dispatchesPerSecond >= 200, `${normal.dispatchesPerSecond}/s, ${normal.dispatchesPerCpuSecond} per instance CPU-second`);
    }
    if (RUNS.includes('kill')) {
      console.log(`Run 2: ${REQUESTS} requests, one instance SIGKILLed at 30%…`);
      const crash = await runOnce(db, table, ids.normDocumentId, sink, { killAfter: Math.round(REQUESTS * 0.3) });
      console.log(JSON.stringify(crash));
      checkRun('SIGKILL run', crash);
    }
    if (RUNS.includes('claim')) {
      console.log('Claim cost (batch of 100) with 10,000 and 100,000 queued rows…');
      const costs = [];
      for (const queued of [10000, 100000]) {
        const c = child(['claim-cost', String(queued)]);
        const { cost } = await c.firstMessage;
        const plan = cost.plan.join('\n');
        const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]);
        const buffers = Number(/Buffers: shared hit=(\d+)/.exec(plan)?.[1]);
        costs.push({ ...cost, executionMs, buffers });
        console.log(JSON.stringify({ queued: cost.queued, claimMedianMs: cost.medianMs.toFixed(2), claimP90Ms: cost.p90Ms.toFixed(2), selectExecutionMs: executionMs, bufferHits: buffers }));
      }
      console.log(costs[1].plan.join('\n'));
      const ratios = { claimMedianRatio100kTo10k: Number((costs[1].medianMs / costs[0].medianMs).toFixed(2)), bufferRatio100kTo10k: Number((costs[1].buffers / costs[0].buffers).toFixed(2)) };
      console.log(JSON.stringify(ratios));
      // O(batch): ten times the queue may not cost anywhere near ten times the buffers.
      target('claim O(batch) (buffers 100k / 10k)', ratios.bufferRatio100kTo10k < 2, ratios.bufferRatio100kTo10k);
    }
    console.log(`\nSummary (load average ${require('os').loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
    for (const line of summary) console.log(`  ${line}`);
  } finally {
    sink.server.close();
    await db.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await db.end();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
