// `npm run backup` of the run's database, `npm run restore` into an empty one, as an IT
// office would run them, and what must hold afterwards: every table holds exactly the rows
// it held (ids included), `npm run audit:verify` passes, every archive original downloads
// byte for byte, a private item's files open through signed links byte for byte (both areas of
// the private store), approved content is still the approved version, the public API serves the
// same bytes, and a CIF consumer continues from its cursor without skipping or repeating.
import crypto from 'crypto';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import sharp from 'sharp';
import { app, bearer, createApiToken, http as request, projectToken } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { changesSince, feedHead } from '../helpers/cif-sync';
import { createDatabase, readTables, runDatabase, type TableContents } from '../helpers/database-tables';
import { startStrapiProcess, type StrapiProcess } from '../helpers/strapi-process';
import { normWithFiles, submittedRequest } from '../plugins/diario-oficial/queue';
import { photo } from '../archive/files';
import { npmRun } from '../helpers/npm-run';
import { fileUrls } from '../storage/support';

const NOTE = 'api::press-note.press-note';
const PAGE = 'api::transparency-page.transparency-page';
const ARCHIVE = 'api::media-archive-item.media-archive-item';
const LEGACY = 'diario_oficial_request_events_legacy';

const sha256 = (buffer: Buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

const isLink = (table: string) => /_(lnk|cmps|mph)$/.test(table) || table === 'strapi_core_store_settings' || table === 'strapi_webhooks';
/** Strapi's own bookkeeping: each database has its own. */
const BOOKKEEPING = new Set(['strapi_migrations', 'strapi_migrations_internal', 'strapi_database_schema']);
/** Derived from the items and rebuilt by the restore (checked against the restored items instead). */
const SEARCH_INDEX = 'media_archive_search';
/**
 * Core-store entries Strapi rewrites at every boot, the backup script's own included (the
 * upload plugin's metrics schedule and notice, the content manager's component layouts).
 */
const BOOT_KEYS = /^"key":"(plugin_upload_metrics|plugin_upload_media_library_default_notice|plugin_content_manager_configuration_components::[^"]+)"/;
const tables = async (db: Parameters<typeof readTables>[0]) => {
  const contents = await readTables(db, isLink);
  const store = contents.get('strapi_core_store_settings');
  if (store) store.rows = store.rows.filter((row) => !BOOT_KEYS.test(row.slice(1)));
  return contents;
};

let work: string;
let target: Awaited<ReturnType<typeof createDatabase>>;
let restored: StrapiProcess | undefined;
let targetEnv: Record<string, string>;
let fullAccess: string;
let cif: string;
let consumerCursor: number;
let expectedAfterCursor: any[];
let publicAnswers: Array<{ url: string; status: number; body: Buffer }>;
let originals: Map<string, string>;
/** A private item's file and formats: the path of each (without its signature) and the sha256 of its bytes. */
let privateFiles: { documentId: string; files: Array<{ name: string; hash: string }> };
let approvedNote: { documentId: string };
let gerente: { email: string; password: string };
let sourceTables: Map<string, TableContents>;
const backupDir = () => path.join(work, 'respaldo');

const get = (base: string | null, url: string, headers: Record<string, string> = {}) =>
  base
    ? fetch(`${base}${url}`, { headers }).then(async (r) => ({ status: r.status, body: Buffer.from(await r.arrayBuffer()) }))
    : request()
        .get(url)
        .set(headers)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .then((r) => ({ status: r.status, body: r.body as Buffer }));

/** What the website sees: lists, details, search, and every file they link to. */
async function readPublicApi(base: string | null) {
  const urls = [
    '/api/press-notes?locale=es-PE&sort=id&pagination[pageSize]=100',
    `/api/press-notes/${approvedNote.documentId}?locale=es-PE`,
    '/api/norms?sort=id&pagination[pageSize]=100&populate=*',
    '/api/transparency-pages?sort=id&pagination[pageSize]=100',
    '/api/media-archive-items?sort=id&pagination[pageSize]=100&populate=*',
    '/api/media-archive-items/search?q=respaldo',
    '/api/ceremonies?sort=id',
  ];
  const answers = [];
  for (const url of urls) answers.push({ url, ...(await get(base, url)) });
  const files = new Set<string>();
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) k === 'url' && typeof v === 'string' && v.startsWith('/uploads/') ? files.add(v) : collect(v);
  };
  for (const answer of answers.slice(0, 2)) collect(JSON.parse(answer.body.toString()));
  collect(JSON.parse(answers[5].body.toString()));
  for (const url of [...files].sort()) answers.push({ url, ...(await get(base, url)) });
  return answers;
}

/** A CIF endpoint that answers with one status. */
async function endpoint(status: number) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/respaldo-${status}`, close: () => server.close() };
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
};

/** Tables whose rows differ from the source's (logins must be empty; bookkeeping and the search index aside). */
function differingTables(restoredTables: Map<string, TableContents>) {
  const differing: string[] = [...restoredTables.keys()].filter((t) => !sourceTables.has(t)).map((t) => `${t}: not in the source`);
  for (const [table, contents] of sourceTables) {
    if (BOOKKEEPING.has(table) || table === SEARCH_INDEX) continue;
    const mine = restoredTables.get(table);
    if (table === 'strapi_sessions') {
      if (mine?.rows.length) differing.push(`${table}: ${mine.rows.length} sessions`);
      continue;
    }
    if (!mine || JSON.stringify(mine) !== JSON.stringify(contents)) {
      const theirs = new Set(mine?.rows ?? []);
      const ours = new Set(contents.rows);
      const missing = contents.rows.filter((r) => !theirs.has(r)).slice(0, 2);
      const extra = (mine?.rows ?? []).filter((r) => !ours.has(r)).slice(0, 2);
      differing.push(`${table}: ${contents.rows.length} → ${mine?.rows.length ?? 'missing'}; missing ${missing.join(' ').slice(0, 400)}; extra ${extra.join(' ').slice(0, 400)}`);
    }
  }
  return differing;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'respaldo-prueba-'));
  fullAccess = await createApiToken('full-access');
  cif = await projectToken('cif');

  // Approved and published notes (one with a cover: its file id is part of the approved hash).
  const cover = await uploadTestImage('#8a3b12');
  approvedNote = await publishedDocument(NOTE, { ...fixtures.pressNote(), title: 'Nota de respaldo con portada', cover: cover.id }, 'es-PE');
  await publishedDocument(NOTE, fixtures.pressNote(), 'es-PE');
  // A Diario Oficial request through its chain (queued, claimed, e-mailed).
  await submittedRequest(await normWithFiles());
  // Archive items with originals: a public photo and a private one, both with GPS in EXIF.
  const exif = { IFD0: { Make: 'Canon', Model: 'EOS R6' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '18/1 0/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 15/1 0/1' } };
  originals = new Map();
  for (const [seed, isPublic] of [
    [4101, true],
    [4102, false],
  ] as const) {
    const original = await sharp(await photo(seed)).withExif(exif).jpeg({ quality: 90 }).toBuffer();
    const res = await request()
      .post('/api/media-archive-items/ingest')
      .set(bearer(fullAccess))
      .attach('file', original, `respaldo-${seed}.jpg`)
      .field('data', JSON.stringify({ kind: 'photo', title: `Foto de respaldo ${seed}`, rights: 'own', isPublic }));
    expect(res.status).toBe(201);
    originals.set(res.body.data.documentId, sha256(original));
    if (!isPublic) {
      const files = [];
      for (const url of fileUrls(res.body.data.file)) {
        const answer = await get(null, url);
        expect(answer.status).toBe(200);
        files.push({ name: url.split('?')[0], hash: sha256(answer.body) });
      }
      privateFiles = { documentId: res.body.data.documentId, files };
    }
  }
  expect(privateFiles.files.length).toBeGreaterThanOrEqual(2); // the file and at least its thumbnail
  // A protocol contact with its consent evidence.
  const evidence = await uploadTestImage('#225522');
  const contact = fixtures.contact();
  await app().documents('api::protocol-contact.protocol-contact').create({ data: { ...contact, consent: { ...contact.consent, evidence: evidence.id } } } as any);
  // Webhook deliveries: one delivered, one failed for good (a single attempt, so nothing retries it during the backup).
  const [ok, broken] = [await endpoint(204), await endpoint(500)];
  const cifConfig = (values: Record<string, unknown>) => Object.entries(values).forEach(([k, v]) => app().config.set(`plugin::cif-sync.${k}`, v));
  cifConfig({ webhookUrls: [ok.url, broken.url], webhookSecret: 'secreto-respaldo', webhookMaxAttempts: 1 });
  try {
    await publishedDocument(PAGE, fixtures.transparencyPage());
    const deliveries = () => app().db.query('plugin::cif-sync.delivery').findMany({ where: { url: { $in: [ok.url, broken.url] } } });
    await until(async () => (await deliveries()).filter((d: any) => d.state !== 'pending').length === 2, 'the webhook deliveries');
  } finally {
    cifConfig({ webhookUrls: [], webhookSecret: '', webhookMaxAttempts: 8 });
    ok.close();
    broken.close();
  }
  // A table outside Strapi's models: the request timeline an upgraded installation keeps.
  const knex = app().db.connection;
  if (!(await knex.schema.hasTable(LEGACY))) {
    await knex.schema.createTable(LEGACY, (t) => {
      t.increments('id');
      t.integer('request_id');
      t.string('action');
      t.string('from_state');
      t.string('to_state');
      t.integer('actor_id');
      t.string('actor_name');
      t.json('details');
      t.timestamp('created_at', { useTz: true });
    });
  }
  await knex(LEGACY).insert([
    { request_id: 1, action: 'create', to_state: 'queued', actor_name: 'sistema', details: JSON.stringify({ channel: 'portal' }), created_at: '2026-01-05T10:00:00.000Z' },
    { request_id: 1, action: 'record-publication', from_state: 'submitted', to_state: 'published', actor_id: 3, actor_name: 'Normas', details: JSON.stringify([1, 'dos']), created_at: '2026-01-06T10:00:00.000Z' },
  ]);
  // An admin who logs in again after the restore.
  gerente = { email: `gerente-respaldo-${crypto.randomBytes(3).toString('hex')}@municipalidad.test`, password: 'Clave-Respaldo-2026' };
  const role = await app().service('admin::role').findOne({ code: 'gerente-comunicaciones' });
  await app().service('admin::user').create({ ...gerente, firstname: 'Gerente', lastname: 'Respaldo', isActive: true, roles: [role.id] });

  // The CIF consumer polls, then more changes happen before the backup.
  consumerCursor = await feedHead(cif);
  await publishedDocument(PAGE, fixtures.transparencyPage());
  const later = await publishedDocument(PAGE, fixtures.transparencyPage());
  await app().documents(PAGE).unpublish({ documentId: later.documentId } as any);
  expectedAfterCursor = await changesSince(cif, consumerCursor);
  expect(expectedAfterCursor.length).toBeGreaterThanOrEqual(3);

  publicAnswers = await readPublicApi(null);

  // The backup, as `npm run backup`; the run's instance keeps serving, its background jobs
  // (other test files' leftovers) held meanwhile so that the source can be compared afterwards.
  const webhooks = app().plugin('cif-sync').service('webhooks');
  const dispatch = webhooks.dispatch;
  webhooks.dispatch = () => Promise.resolve();
  app().cron.stop();
  await webhooks.idle();
  await app().plugin('protocol').service('notices').idle();
  let before: Map<string, TableContents>;
  try {
    before = await tables(runDatabase());
    const backup = await npmRun('backup', ['--out', backupDir()]);
    expect({ code: backup.code, output: backup.output }).toMatchObject({ code: 0 });
    sourceTables = await tables(runDatabase());
  } finally {
    webhooks.dispatch = dispatch;
    app().cron.start();
  }
  // Nothing moved while it ran, so the source is what the backup saw.
  expect([...sourceTables.entries()].filter(([t, c]) => JSON.stringify(c) !== JSON.stringify(before.get(t))).map(([t]) => t)).toEqual([]);

  // Restored into an empty database, with upload folder and originals store of its own.
  target = await createDatabase();
  fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
  targetEnv = {
    ...target.env,
    PUBLIC_DIR: path.join(work, 'public'),
    ARCHIVE_ORIGINALS_DIR: path.join(work, 'originales'),
    ARCHIVE_PRIVATE_FILES_DIR: path.join(work, 'archivos-privados'),
  };
  const restore = await npmRun('restore', ['--from', backupDir()], targetEnv);
  expect({ code: restore.code, output: restore.output }).toMatchObject({ code: 0 });
  expect(restore.output).toMatch(/íntegro/);
}, 600_000);

afterAll(async () => {
  if (restored) await restored.stop('SIGKILL');
  await target?.drop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run backup, then npm run restore into an empty database', () => {
  it('restores every table row for row, ids included (logins aside, Strapi bookkeeping aside)', async () => {
    const restoredTables = await tables(target.db);
    const differing = differingTables(restoredTables);
    expect(differing).toEqual([]);
    // The search index was rebuilt: one row per restored item, with its kind, visibility and title.
    const items = new Map(restoredTables.get('media_archive_items')!.rows.map((r) => JSON.parse(r)).map((item) => [String(item.id), item]));
    const index = restoredTables.get(SEARCH_INDEX)!.rows.map((r) => JSON.parse(r));
    expect(index).toHaveLength(items.size);
    for (const row of index) {
      const item = items.get(String(row.item_id ?? row.rowid));
      expect({ kind: row.kind, title: row.title ?? item?.title }).toEqual({ kind: item?.kind, title: item?.title });
    }
    // What the backup had to carry besides Strapi's transfer is there.
    expect(restoredTables.get(LEGACY)!.rows.length).toBe(sourceTables.get(LEGACY)!.rows.length);
    expect(restoredTables.get('audit_trail_events')!.rows.length).toBeGreaterThan(5);
    expect(restoredTables.get('admin_users')!.rows.length).toBeGreaterThan(0);
    expect(restoredTables.get('strapi_api_tokens')!.rows.length).toBeGreaterThan(0);
  });

  it('passes npm run audit:verify', async () => {
    const verify = await npmRun('audit:verify', [], targetEnv);
    expect({ code: verify.code, output: verify.output }).toMatchObject({ code: 0 });
    expect(verify.output).toMatch(/cadenas, \d+ eventos verificados: íntegro\./);
  }, 120_000);

  it('keeps the website and CIF tokens: npm run tokens shows the same CIF token, unchanged', async () => {
    const tokens = await npmRun('tokens', [], targetEnv);
    expect({ code: tokens.code, output: tokens.output }).toMatchObject({ code: 0 });
    expect(tokens.output).toMatch(/\ncif \(existing\)\n/);
    expect(tokens.output).toContain(`token: ${cif}`);
  }, 120_000);

  describe('a server on the restored database', () => {
    beforeAll(async () => {
      restored = await startStrapiProcess({ env: { ...targetEnv, CRON_ENABLED: 'false' } });
    }, 180_000);

    it('serves the same bytes on the public API and the same files', async () => {
      const answers = await readPublicApi(restored!.url);
      expect(answers.map((a) => `${a.url} ${a.status} ${sha256(a.body)}`)).toEqual(publicAnswers.map((a) => `${a.url} ${a.status} ${sha256(a.body)}`));
      expect(answers.length).toBeGreaterThan(9);
    });

    it('gives archive staff every original byte for byte', async () => {
      for (const [documentId, hash] of originals) {
        const res = await get(restored!.url, `/api/media-archive-items/${documentId}/original`, bearer(fullAccess));
        expect({ documentId, status: res.status, hash: sha256(res.body) }).toEqual({ documentId, status: 200, hash });
      }
    });

    it("opens a private item's file and formats for archive staff through signed links, byte for byte, from the restored store", async () => {
      const res = await get(restored!.url, `/api/media-archive-items/${privateFiles.documentId}?populate=file`, bearer(fullAccess));
      expect(res.status).toBe(200);
      const urls = fileUrls(JSON.parse(res.body.toString()).data.file);
      const files = [];
      for (const url of urls) {
        const answer = await get(restored!.url, url);
        files.push({ name: url.split('?')[0], status: answer.status, hash: sha256(answer.body) });
      }
      expect(files).toEqual(privateFiles.files.map((file) => ({ ...file, status: 200 })));
      // Written where the restored environment keeps its private files, not read from the source's folder.
      expect(fs.readdirSync(path.join(work, 'archivos-privados'))).toEqual(expect.arrayContaining(privateFiles.files.map((file) => path.basename(file.name))));
    });

    it('keeps approved content approved: the hash over the restored draft is the approved one', async () => {
      const login = await fetch(`${restored!.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(gerente) });
      expect(login.status).toBe(200);
      const { data } = await login.json();
      const status = await fetch(`${restored!.url}/approval-workflow/documents/${NOTE}/${approvedNote.documentId}?locale=es-PE`, { headers: bearer(data.token) });
      expect((await status.json()).data).toMatchObject({ state: 'published', isApprovedVersion: true, editedSinceApproval: false });
    });

    it('lets a CIF consumer that polled before the backup continue without skipping or repeating, then get new changes', async () => {
      const page = async (since: number) => {
        const res = await fetch(`${restored!.url}/api/cif-sync/changes?since=${since}&limit=1000`, { headers: bearer(cif) });
        expect(res.status).toBe(200);
        return res.json();
      };
      const after = await page(consumerCursor);
      expect(after.data).toEqual(expectedAfterCursor);
      const last = after.meta.nextCursor;
      const created = await fetch(`${restored!.url}/api/transparency-pages`, {
        method: 'POST',
        headers: { ...bearer(fullAccess), 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: fixtures.transparencyPage() }),
      });
      expect(created.status).toBe(201);
      const { data: page2 } = await created.json();
      const next = await page(last);
      expect(next.data.map((item: any) => [item.action, item.documentId])).toEqual([['upsert', page2.documentId]]);
      // Cursors handed out after the backup are never reused: the new one is past the gap.
      expect(next.data[0].cursor).toBeGreaterThan(last + 1_000_000);
    });

    it('stops on SIGTERM with exit code 0', async () => {
      const { code } = await restored!.stop('SIGTERM');
      restored = undefined;
      expect(code).toBe(0);
    });
  });

  it('refuses a backup whose files were changed, and a database that already has content', async () => {
    const tampered = path.join(work, 'alterado');
    fs.cpSync(backupDir(), tampered, { recursive: true });
    const originalsDir = path.join(tampered, 'private', 'originals');
    const someOriginal = fs.readdirSync(originalsDir)[0];
    const file = path.join(originalsDir, someOriginal, fs.readdirSync(path.join(originalsDir, someOriginal))[0]);
    fs.appendFileSync(file, 'x');
    const refused = await npmRun('restore', ['--from', tampered], targetEnv);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/incompleto o alterado/);
    const occupied = await npmRun('restore', ['--from', backupDir()], targetEnv);
    expect(occupied.code).toBe(1);
    expect(occupied.output).toMatch(/ya tiene contenido/);
  }, 120_000);

  it('with --replace, replaces what a database holds by the backup (the page made after the restore is gone)', async () => {
    const before = await tables(target.db);
    expect(differingTables(before).some((t) => t.startsWith('transparency_pages:'))).toBe(true); // the CIF test created one
    const replaced = await npmRun('restore', ['--from', backupDir(), '--replace'], targetEnv);
    expect({ code: replaced.code, output: replaced.output }).toMatchObject({ code: 0 });
    expect(replaced.output).toMatch(/íntegro/);
    expect(differingTables(await tables(target.db))).toEqual([]);
  }, 180_000);
});
