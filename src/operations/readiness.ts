// GET /_ready: whether this instance can serve, for the load balancer and monitoring.
// Strapi's /_health only says that the process answers; this one checks what a request
// needs: the database answers, the upload store takes files (with the local provider: the
// upload folder is writable; with UPLOAD_PROVIDER=s3: the uploads bucket answers a HeadBucket;
// another provider may offer `checkReadiness()`), and the archive's private store answers
// (its folders are writable, or its bucket answers a HeadBucket: src/archive/private-store.ts).
// More checks can be registered (registerReadinessCheck). An instance that is shutting
// down answers 503 at once, so that the balancer stops sending it requests.
//
// Checks run at most once per `cacheMs` and concurrent probes share one run, so a flood of
// probes costs one query a second. The answer names each check and says ok or error, never
// why (the reason goes to the log).
import crypto from 'crypto';
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { s3ClientOptions, type StorageConfig } from '../../config/storage';
import { privateStore } from '../archive/private-store';

export type ReadinessCheck = () => Promise<unknown>;
type Outcome = { ready: boolean; checks: Record<string, 'ok' | 'error'> };

interface State {
  checks: Map<string, ReadinessCheck>;
  stopping: boolean;
  last: { at: number; outcome: Outcome } | null;
  running: Promise<Outcome> | null;
}

const CHECK_TIMEOUT_MS = 3_000;
// On the instance itself (a registered symbol): one state per Strapi, whichever copy of this module asks.
const STATE = Symbol.for('comunicaciones-municipales.readiness');

const stateOf = (strapi: Core.Strapi): State => {
  const holder = strapi as unknown as { [STATE]?: State };
  return (holder[STATE] ??= { checks: new Map(), stopping: false, last: null, running: null });
};

/** Adds (or replaces) a named check; it throws or rejects when the instance must not take requests. */
export function registerReadinessCheck(strapi: Core.Strapi, name: string, check: ReadinessCheck) {
  const state = stateOf(strapi);
  state.checks.set(name, check);
  state.last = null; // the kept outcome did not run this check
  return () => {
    state.checks.delete(name);
    state.last = null;
  };
}

/** From now on the instance answers 503 (graceful shutdown; `false` undoes it, for tests). */
export function markStopping(strapi: Core.Strapi, stopping = true) {
  stateOf(strapi).stopping = stopping;
}

const databaseCheck = (strapi: Core.Strapi) => () => strapi.db.connection.raw('SELECT 1');

const s3Clients = new WeakMap<Core.Strapi, S3Client>();

/** One client per instance, one attempt per probe: a store that does not answer fails the probe at once. */
function readinessS3Client(strapi: Core.Strapi, storage: StorageConfig) {
  let client = s3Clients.get(strapi);
  if (!client) {
    client = new S3Client({ ...s3ClientOptions(storage.s3!), maxAttempts: 1 });
    s3Clients.set(strapi, client);
  }
  return client;
}

/** Closes the readiness probe's S3 connections (the app's destroy). */
export function closeReadinessClients(strapi: Core.Strapi) {
  s3Clients.get(strapi)?.destroy();
  s3Clients.delete(strapi);
}

/** The upload provider takes files: the local folder accepts a write, the S3 bucket answers, or the provider's own check passes. */
const uploadsCheck = (strapi: Core.Strapi) => async () => {
  const provider = strapi.plugin('upload').provider as { checkReadiness?: () => Promise<unknown> };
  if (typeof provider.checkReadiness === 'function') return provider.checkReadiness();
  const storage = strapi.config.get('storage') as StorageConfig | undefined;
  if (storage?.upload === 's3' && storage.s3) {
    await readinessS3Client(strapi, storage).send(new HeadBucketCommand({ Bucket: storage.s3.bucket }));
    return undefined;
  }
  if (strapi.config.get('plugin::upload.provider') !== 'local') return undefined; // nothing known to check
  const probe = path.join(strapi.dirs.static.public, 'uploads', `.ready-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  await fs.writeFile(probe, 'ok');
  await fs.rm(probe, { force: true });
  return undefined;
};

function withTimeout(check: ReadinessCheck) {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve().then(check),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no respondió en ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS))),
  ]).finally(() => clearTimeout(timer));
}

async function runChecks(strapi: Core.Strapi, state: State): Promise<Outcome> {
  const entries = [...state.checks.entries()];
  const results = await Promise.allSettled(entries.map(([, check]) => withTimeout(check)));
  const checks: Outcome['checks'] = {};
  results.forEach((result, i) => {
    const [name] = entries[i];
    checks[name] = result.status === 'fulfilled' ? 'ok' : 'error';
    if (result.status === 'rejected') strapi.log.error(`Preparación (readiness): «${name}» falló: ${result.reason?.message ?? result.reason}`);
  });
  return { ready: results.every((r) => r.status === 'fulfilled'), checks };
}

/** The current outcome: a recent one, the one being computed, or a new run. */
export function readiness(strapi: Core.Strapi, cacheMs = 1_000): Promise<Outcome> {
  const state = stateOf(strapi);
  if (state.last && Date.now() - state.last.at < cacheMs) return Promise.resolve(state.last.outcome);
  state.running ??= runChecks(strapi, state)
    .then((outcome) => {
      state.last = { at: Date.now(), outcome };
      return outcome;
    })
    .finally(() => {
      state.running = null;
    });
  return state.running;
}

/** The route and the default checks (register phase). */
export function registerReadiness(strapi: Core.Strapi) {
  registerReadinessCheck(strapi, 'database', databaseCheck(strapi));
  registerReadinessCheck(strapi, 'uploads', uploadsCheck(strapi));
  registerReadinessCheck(strapi, 'privateStore', () => privateStore(strapi).check());
  const handler = async (ctx: any) => {
    ctx.set('Cache-Control', 'no-store');
    if (stateOf(strapi).stopping) {
      ctx.status = 503;
      ctx.body = { status: 'stopping' };
      return;
    }
    const { ready, checks } = await readiness(strapi);
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not-ready', checks };
  };
  // GET (the router answers HEAD with it).
  strapi.server.routes([{ method: 'GET', path: '/_ready', handler, config: { auth: false } }] as any);
}
