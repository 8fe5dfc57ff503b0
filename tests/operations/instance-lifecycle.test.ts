// A Strapi server in a process of its own (instance A) on the run's database, the run's
// in-process instance playing the other instance (B): readiness, behind-a-proxy settings
// (client IPs in the audit trail and the login rate limit, links from PUBLIC_URL), JSON
// logs, and a SIGTERM while a request, an e-mail dispatch and a webhook are in flight.
import http from 'http';
import type { AddressInfo } from 'net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { adminWithRole, app, createApiToken, type AdminSession } from '../helpers/app';
import { fixtures } from '../helpers/fixtures';
import { startStrapiProcess, type StrapiProcess } from '../helpers/strapi-process';
import { normWithFiles, REQUEST, requestsOf, worker } from '../plugins/diario-oficial/queue';

const NOTE = 'api::press-note.press-note';
const DELIVERY = 'plugin::cif-sync.delivery';
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** A gate the test opens when it wants a stalled peer to answer. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let reached!: () => void;
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  return { open, opened, reached, arrived };
};

const until = async <T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

let a: StrapiProcess;
let smtp: SMTPServer;
let receiver: http.Server;
const mails: ParsedMail[] = [];
const smtpStall = gate();
const webhookStall = gate();
let stallSubject = '__nothing__';
const webhookCalls: Array<{ body: string; at: number }> = [];
let redactor: AdminSession;
let fullAccess: string;
let requestIds: number[];
let slowRequest: http.ClientRequest | undefined;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          mails.push(mail);
          if (mail.subject?.includes(stallSubject)) {
            smtpStall.reached();
            await smtpStall.opened;
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      webhookCalls.push({ body, at: Date.now() });
      webhookStall.reached();
      await webhookStall.opened;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));

  redactor = await adminWithRole('redactor');
  await adminWithRole('gerente-comunicaciones'); // a reviewer, told of submissions by e-mail
  fullAccess = await createApiToken('full-access');

  // Two norms whose newspaper requests A's worker will claim in one batch (not due yet).
  const norms = [await normWithFiles(), await normWithFiles()];
  requestIds = [];
  for (const norm of norms) {
    const [newspaper] = await requestsOf(norm.documentId);
    requestIds.push(newspaper.id);
  }
  await app().db.query(REQUEST).updateMany({ where: { id: { $in: requestIds } }, data: { priority: 100, nextAttemptAt: Date.now() + 3_600_000 } });
  const first = await app().db.query(REQUEST).findOne({ where: { id: requestIds[0] } });
  stallSubject = first.reference;

  a = await startStrapiProcess({
    env: {
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'http',
      PROXY_TRUSTED_HOPS: '1',
      PUBLIC_URL: 'https://comunicaciones.municipalidad.test',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
      SMTP_IGNORE_TLS: 'true',
      CRON_ENABLED: 'true',
      DIARIO_OFICIAL_WORKER: 'true',
      DIARIO_OFICIAL_WORKER_SCHEDULE: '* * * * * *',
      DIARIO_OFICIAL_CONCURRENCY: '1',
      CIF_WEBHOOK_URLS: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cif`,
      CIF_WEBHOOK_SECRET: 'secreto-instancia-a',
    },
  });
}, 180_000);

afterAll(async () => {
  slowRequest?.on('error', () => undefined);
  smtpStall.open();
  webhookStall.open();
  if (a) await a.stop('SIGKILL');
  await new Promise((resolve) => smtp?.close(resolve));
  await new Promise((resolve) => receiver?.close(resolve));
});

const jsonLines = () =>
  a
    .output()
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return { unparsed: line };
      }
    });

describe('a running instance', () => {
  it('is ready (database, upload folder and private store checked) and healthy', async () => {
    const ready = await fetch(`${a.url}/_ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', uploads: 'ok', privateStore: 'ok' } });
    expect((await fetch(`${a.url}/_health`)).status).toBe(204);
  });

  it('behind the proxy, records the client nginx saw (not one the client claims) in the audit trail, and links from PUBLIC_URL', async () => {
    const note = await app().documents(NOTE).create({ data: fixtures.pressNote(), locale: 'es-PE' } as any);
    const res = await fetch(`${a.url}/approval-workflow/documents/${NOTE}/${note.documentId}/actions/submit?locale=es-PE`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${redactor.token}`,
        'Content-Type': 'application/json',
        // The client wrote the first address itself; nginx appended the one it saw.
        'X-Forwarded-For': '198.51.100.23, 203.0.113.9',
        'X-Forwarded-Host': 'evil.example',
      },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const [event] = await app().db.query('plugin::audit-trail.event').findMany({ where: { chainKey: { $contains: note.documentId } }, orderBy: { sequence: 'desc' }, limit: 1 });
    expect(event).toMatchObject({ action: 'submit', details: { clientIp: '203.0.113.9' } });
    const mail = await until(async () => mails.find((m) => m.subject?.includes('Para aprobar') && m.text?.includes(note.documentId)), 'the reviewer e-mail');
    expect(mail.text).toContain(`https://comunicaciones.municipalidad.test/admin/content-manager/collection-types/${NOTE}/${note.documentId}`);
    expect(mail.text).not.toContain('evil.example');
  });

  it('limits failed logins per client, whatever address a client adds to X-Forwarded-For', async () => {
    const email = `alguien-${Date.now()}@municipalidad.test`;
    const login = (forwardedFor: string) =>
      fetch(`${a.url}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
        body: JSON.stringify({ email, password: 'no-es-la-clave' }),
      }).then((r) => r.status);
    const attacker = [];
    for (let i = 0; i < 5; i += 1) attacker.push(await login('203.0.113.50'));
    expect(attacker.every((status) => status === 400)).toBe(true);
    expect(await login('203.0.113.50')).toBe(429);
    expect(await login('198.51.100.77, 203.0.113.50')).toBe(429); // a forged first hop changes nothing
    expect(await login('203.0.113.51')).toBe(400); // another client is not locked out
  });

  it('writes every log line as JSON, requests with method, path, status, duration and client IP', () => {
    const lines = jsonLines();
    expect(lines.filter((l) => 'unparsed' in l)).toEqual([]);
    expect(lines.every((l) => typeof l.level === 'string' && typeof l.message === 'string' && typeof l.timestamp === 'string')).toBe(true);
    const logins = lines.filter((l) => l.path === '/admin/login');
    expect(logins.length).toBeGreaterThanOrEqual(8);
    expect(logins[0]).toMatchObject({ level: 'http', method: 'POST', ip: '203.0.113.50', status: 400 });
    expect(typeof logins[0].durationMs).toBe('number');
  });
});

describe('SIGTERM', () => {
  it('stops taking requests, lets running ones finish, releases what it had claimed, logs the webhook it was sending, exits 0 in time', async () => {
    // In flight when the signal comes: the first request's e-mail (the SMTP server holds it),
    // the second request claimed in the same batch but not started, a webhook, a login whose body is still arriving.
    await app().db.query(REQUEST).updateMany({ where: { id: { $in: requestIds } }, data: { nextAttemptAt: Date.now() } });
    await smtpStall.arrived;
    const [, second] = await Promise.all(requestIds.map((id) => app().db.query(REQUEST).findOne({ where: { id } })));
    expect(second).toMatchObject({ state: 'dispatching', sendStartedAt: null });

    const page = await fetch(`${a.url}/api/transparency-pages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${fullAccess}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: fixtures.transparencyPage() }),
    });
    expect(page.status).toBe(201);
    const { data: created } = await page.json();
    await webhookStall.arrived;

    const body = JSON.stringify({ email: 'lento@municipalidad.test', password: 'clave-que-llega-despacio' });
    const slow = new Promise<number>((resolve, reject) => {
      const req = http.request(`${a.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      slowRequest = req;
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 1_500);
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the request has reached the server

    const stopped = a.stop('SIGTERM');
    // At once: the unstarted claim is back in the queue, for any instance.
    const released = await until(async () => {
      const row = await app().db.query(REQUEST).findOne({ where: { id: requestIds[1] } });
      return row.state === 'queued' && !row.lockedBy ? row : null;
    }, 'the unstarted claim to be released', 5_000);
    expect(Number(released.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    // No new connection is taken.
    await until(() => fetch(`${a.url}/_health`).then(() => false, (error) => error.cause?.code === 'ECONNREFUSED'), 'connections to be refused', 3_000);

    expect(await slow).toBe(400); // finished, not cut off (wrong password)
    smtpStall.open();
    webhookStall.open();
    const { code, ms } = await stopped;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

    // The e-mail under way was recorded; the webhook's attempt is in its delivery log.
    expect(await app().db.query(REQUEST).findOne({ where: { id: requestIds[0] } })).toMatchObject({ state: 'submitted', lockedBy: null });
    const [delivery] = await app().db.query(DELIVERY).findMany({ where: { url: { $endsWith: '/cif' } }, orderBy: { id: 'desc' }, limit: 1 });
    expect(JSON.parse(webhookCalls.at(-1)!.body).data.documentId).toBe(created.documentId);
    expect(delivery).toMatchObject({ state: 'delivered', lastStatusCode: 200 });
    expect(delivery.attemptLog).toHaveLength(1);

    const timeline = await app().plugin('diario-oficial').service('events').timeline(released);
    expect(timeline.at(-1)).toMatchObject({ action: 'claim-released', fromState: 'dispatching', toState: 'queued', details: { reason: 'shutdown' } });
    // The other instance takes it now, not after the lease.
    expect(await worker().claim('instancia-b')).toContain(requestIds[1]);
    await worker().dispatch(requestIds[1], 'instancia-b');

    const lines = jsonLines();
    expect(lines.filter((l) => l.level === 'error' || 'unparsed' in l)).toEqual([]);
    expect(a.output()).not.toMatch(/KnexTimeoutError|Unhandled/);
    expect(lines.at(-1)?.message).toMatch(/^Instancia detenida en \d+ ms\.$/);
  }, 60_000);
});
