#!/usr/bin/env node
'use strict';
/**
 * Reference consumer of the CIF change feed: mirrors every published entry the
 * cif token may read to `<out>/<type>/<locale>/<documentId>.json`.
 *
 *   npm run cif:mirror -- --url http://127.0.0.1:1337 --token <cif token> --out ./mirror
 *        [--once] [--interval 5000] [--webhook-port 17100 --secret <CIF_WEBHOOK_SECRET>]
 *
 * It polls /api/cif-sync/changes from the cursor saved in `<out>/.cursor`,
 * applies each page (upsert writes the entry, delete or a missing entry removes
 * the file) and only then saves the new cursor, so a crash repeats a page
 * instead of skipping one. With --webhook-port it also listens for the signed
 * webhooks, rejects bad signatures (401) and polls at once on a valid one; the
 * feed stays the source of truth. --once catches up and exits.
 */
const fs = require('fs');
const path = require('path');
const http = require('http');
const crypto = require('crypto');

const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Checks `t=<unix>,v1=<hex>` against HMAC-SHA256(secret, "<t>.<body>"), within the tolerance. */
function verifySignature(secret, header, body, now = Math.floor(Date.now() / 1000)) {
  const parts = Object.fromEntries(String(header || '').split(',').map((p) => p.trim().split('=', 2)));
  const timestamp = Number(parts.t);
  if (!secret || !Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 || '')) return false;
  if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'));
}

const typeDir = (uid) => uid.split('.').pop();
const entryPath = (out, item) => path.join(out, typeDir(item.uid), item.locale || '_', `${item.documentId}.json`);

function writeAtomically(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

function createMirror({ url, token, out, limit = 1000, fetchImpl = fetch }) {
  const cursorFile = path.join(out, '.cursor');
  const readCursor = () => (fs.existsSync(cursorFile) ? JSON.parse(fs.readFileSync(cursorFile, 'utf8')).cursor : 0);
  let running = null;

  function apply(item) {
    const file = entryPath(out, item);
    if (item.action === 'upsert' && item.entry) writeAtomically(file, `${JSON.stringify(item.entry, null, 2)}\n`);
    else fs.rmSync(file, { force: true });
  }

  async function catchUp() {
    let since = readCursor();
    let applied = 0;
    for (;;) {
      const response = await fetchImpl(`${url.replace(/\/$/, '')}/api/cif-sync/changes?since=${since}&limit=${limit}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = await response.json();
      if (!response.ok) throw new Error(`feed answered ${response.status}: ${JSON.stringify(body.error ?? body)}`);
      body.data.forEach(apply);
      applied += body.data.length;
      since = body.meta.nextCursor;
      writeAtomically(cursorFile, JSON.stringify({ cursor: since }));
      if (!body.meta.hasMore) return { cursor: since, applied };
    }
  }

  return {
    /** One catch-up at a time; a call during a run waits for it and runs again. */
    sync() {
      const previous = running ?? Promise.resolve();
      running = previous.catch(() => {}).then(catchUp);
      return running;
    },
  };
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!key.startsWith('--')) throw new Error(`Unexpected argument ${key}`);
    const name = key.slice(2);
    if (name === 'once') args.once = true;
    else args[name] = argv[++i];
  }
  for (const required of ['url', 'token', 'out']) if (!args[required]) throw new Error(`Missing --${required}`);
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const mirror = createMirror({ url: args.url, token: args.token, out: path.resolve(args.out) });
  const report = ({ cursor, applied }) => applied && console.log(`${new Date().toISOString()} applied ${applied} change(s), cursor ${cursor}`);
  report(await mirror.sync());
  if (args.once) return;

  const secret = args.secret || process.env.CIF_WEBHOOK_SECRET;
  if (args['webhook-port']) {
    if (!secret) throw new Error('--webhook-port needs --secret or CIF_WEBHOOK_SECRET to verify signatures');
    http
      .createServer((req, res) => {
        const chunks = [];
        req.on('data', (chunk) => chunks.push(chunk));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (req.method !== 'POST' || !verifySignature(secret, req.headers['x-cif-signature'], body)) {
            res.writeHead(401).end();
            return;
          }
          res.writeHead(204).end();
          mirror.sync().then(report, (error) => console.error(error.message));
        });
      })
      .listen(Number(args['webhook-port']), '127.0.0.1', () => console.log(`listening for webhooks on ${args['webhook-port']}`));
  }
  const interval = Number(args.interval || 5000);
  setInterval(() => mirror.sync().then(report, (error) => console.error(error.message)), interval);
}

module.exports = { verifySignature, createMirror, entryPath };

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
