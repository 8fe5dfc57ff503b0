// Signed webhooks: one POST per change and endpoint, HMAC-SHA256 over
// timestamp and body, retries with back-off, a delivery log; and the reference
// consumer accepts only correctly signed webhooks.
import http from 'http';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawn } from 'child_process';
import type { AddressInfo } from 'net';
import { app, projectToken } from '../../helpers/app';
import { fixtures, publishedDocument } from '../../helpers/fixtures';
import { serverUrl } from '../../helpers/cif-sync';

const { verifySignature } = require('../../../scripts/cif-mirror.js');

const NOTE = 'api::press-note.press-note';
const DELIVERY = 'plugin::cif-sync.delivery';
const SECRET = 'secreto-de-prueba-cif';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A CIF endpoint that answers with the given statuses in turn (the last one repeats). */
async function endpoint(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cif`, received, close: () => server.close() };
}

const config = (values: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(values)) app().config.set(`plugin::cif-sync.${key}`, value);
};
const until = async (check: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
};
const deliveriesOf = (url: string) => app().db.query(DELIVERY as any).findMany({ where: { url }, orderBy: { id: 'asc' } });

afterEach(() => config({ webhookUrls: [], webhookSecret: '' }));

it('each change is POSTed once, signed over timestamp and body, and logged as delivered', async () => {
  const cif = await endpoint([204]);
  config({ webhookUrls: [cif.url], webhookSecret: SECRET });
  const note = await publishedDocument(NOTE, fixtures.pressNote());
  await until(async () => (await deliveriesOf(cif.url))[0]?.state === 'delivered', 'the delivery');

  expect(cif.received).toHaveLength(1);
  const [{ headers, body }] = cif.received;
  const payload = JSON.parse(body);
  expect(payload).toMatchObject({ event: 'cif-sync.change', data: { action: 'upsert', uid: NOTE, documentId: note.documentId, locale: 'es-PE' } });
  expect(headers['content-type']).toBe('application/json');
  expect(headers['x-cif-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifySignature(SECRET, headers['x-cif-signature'], body)).toBe(true);
  expect(verifySignature('otro-secreto', headers['x-cif-signature'], body)).toBe(false);
  expect(verifySignature(SECRET, headers['x-cif-signature'], body.replace('upsert', 'delete'))).toBe(false);

  const [delivery] = await deliveriesOf(cif.url);
  expect(Number(delivery.cursor)).toBe(payload.data.cursor);
  expect(delivery.attempts).toBe(1);
  expect(delivery.lastStatusCode).toBe(204);
  expect(delivery.attemptLog).toHaveLength(1);
  cif.close();
});

it('a failing endpoint is retried with back-off, then given up, every attempt logged', async () => {
  const flaky = await endpoint([500, 503, 200]);
  const dead = await endpoint([500]);
  config({ webhookUrls: [flaky.url, dead.url], webhookSecret: SECRET, webhookRetryBaseMs: 100, webhookMaxAttempts: 3 });
  await publishedDocument(NOTE, fixtures.pressNote());
  const webhooks = app().plugin('cif-sync').service('webhooks');
  await until(async () => {
    await webhooks.dispatch();
    const states = [...(await deliveriesOf(flaky.url)), ...(await deliveriesOf(dead.url))].map((d) => d.state);
    return states.join() === 'delivered,failed';
  }, 'retries');

  const [recovered] = await deliveriesOf(flaky.url);
  expect(recovered.attempts).toBe(3);
  expect(recovered.attemptLog.map((a: any) => a.status)).toEqual([500, 503, 200]);
  const [failed] = await deliveriesOf(dead.url);
  expect(failed.attempts).toBe(3);
  expect(failed.nextAttemptAt).toBeNull();
  // Back-off: the attempts are spaced by at least 100 ms, then 200 ms.
  const times = recovered.attemptLog.map((a: any) => Date.parse(a.at));
  expect(times[1] - times[0]).toBeGreaterThanOrEqual(100);
  expect(times[2] - times[1]).toBeGreaterThanOrEqual(200);
  // Every signature of the retries is valid too.
  expect(flaky.received.every((r) => verifySignature(SECRET, r.headers['x-cif-signature'], r.body))).toBe(true);
  flaky.close();
  dead.close();
  config({ webhookRetryBaseMs: 2000, webhookMaxAttempts: 8 });
});

it('the reference consumer rejects bad signatures and syncs at once on a good webhook', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cif-webhook-'));
  const port = 17000 + Math.floor(Math.random() * 900);
  const mirror = spawn(process.execPath, [
    path.resolve(__dirname, '../../../scripts/cif-mirror.js'),
    '--url', await serverUrl(), '--token', await projectToken('cif'), '--out', out,
    '--webhook-port', String(port), '--secret', SECRET, '--interval', '600000',
  ]);
  try {
    let output = '';
    mirror.stdout.on('data', (chunk) => (output += chunk));
    await until(() => output.includes('listening for webhooks'), 'the mirror to listen');

    const forged = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}', headers: { 'X-CIF-Signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}` } });
    expect(forged.status).toBe(401);

    config({ webhookUrls: [`http://127.0.0.1:${port}/`], webhookSecret: SECRET });
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const file = path.join(out, 'press-note', 'es-PE', `${note.documentId}.json`);
    await until(() => fs.existsSync(file), 'the mirror to apply the change');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).documentId).toBe(note.documentId);
  } finally {
    mirror.kill();
    fs.rmSync(out, { recursive: true, force: true });
  }
});
