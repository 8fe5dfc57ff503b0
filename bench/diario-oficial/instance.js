'use strict';
// One Strapi instance of the benchmark (a child process of run.js), on the compiled app.
//   node instance.js worker        boots; the plugin's cron worker dispatches the queue
//   node instance.js setup         creates the tables, the two files and a norm; prints their ids
//   node instance.js claim-cost N  times claims of one batch with N queued rows
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const REQUEST = 'plugin::diario-oficial.request';

async function boot() {
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [ROOT] }));
  const app = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  app.log.level = 'warn';
  return app;
}

async function setup(app) {
  const { makeDocx, makePdf, uploadBuffer } = require('../../tests/helpers/office-files');
  const pdf = await uploadBuffer(app, makePdf('Ordenanza firmada'), 'ordenanza-firmada.pdf', 'application/pdf');
  const docx = await uploadBuffer(app, makeDocx('Ordenanza'), 'ordenanza.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  const norm = await app.documents('api::norm.norm').create({
    data: {
      normType: 'ordenanza', level: 'local', number: 'Ordenanza N° 001-2026-BENCH', slug: 'ordenanza-001-2026-bench',
      title: 'Ordenanza de la prueba de carga', issuedBy: 'Concejo Municipal', issuedOn: '2026-03-01', legalStatus: 'draft',
      bodyFile: pdf.id, editableFile: docx.id,
    },
  });
  return { normDocumentId: norm.documentId };
}

/** Inserts `count` queued rows straight into the table (what the rules would have created). */
async function fillQueue(app, count, normDocumentId, tag) {
  const table = app.db.metadata.get(REQUEST).tableName;
  const now = Date.now();
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    rows.push({
      document_id: `${tag}${i}`.padEnd(24, 'x'),
      reference: `BENCH-${tag}-${String(i).padStart(6, '0')}`,
      norm_document_id: normDocumentId,
      norm_number: 'Ordenanza N° 001-2026-BENCH',
      channel: 'diario-judicial',
      outlet: 'diario-judicial',
      origin: 'manual',
      state: 'queued',
      priority: 0,
      attempts: 0,
      next_attempt_at: now,
    });
  }
  for (let i = 0; i < rows.length; i += 1000) await app.db.connection(table).insert(rows.slice(i, i + 1000));
}

async function claimCost(app, queued) {
  const table = app.db.metadata.get(REQUEST).tableName;
  await app.db.connection(table).del();
  await fillQueue(app, queued, 'none', `c${queued}-`);
  await app.db.connection.raw(`ANALYZE ${table}`);
  const worker = app.plugin('diario-oficial').service('worker');
  const samples = [];
  for (let i = 0; i < 30; i += 1) {
    const started = performance.now();
    const ids = await worker.claim(`cost-${i}`, 100);
    samples.push(performance.now() - started);
    if (ids.length !== 100) throw new Error(`claimed ${ids.length}`);
  }
  samples.sort((a, b) => a - b);
  const plan = await app.db.connection.raw(
    `EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM ${table} WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY priority DESC, next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
    [Date.now()]
  );
  await app.db.connection(table).del();
  return { queued, medianMs: samples[15], p90Ms: samples[27], plan: plan.rows.map((r) => r['QUERY PLAN']) };
}

async function main() {
  const [mode, arg, arg2] = process.argv.slice(2);
  const app = await boot();
  const reply = (message) => (process.send ? process.send(message) : console.log(JSON.stringify(message)));
  if (mode === 'setup') {
    reply({ setup: await setup(app) });
  } else if (mode === 'fill') {
    await fillQueue(app, Number(arg), arg2, `r${Date.now().toString(36)}-`);
    reply({ filled: Number(arg) });
  } else if (mode === 'claim-cost') {
    reply({ cost: await claimCost(app, Number(arg)) });
  } else {
    reply({ ready: process.pid });
    await new Promise((resolve) => process.on('message', (m) => m === 'stop' && resolve()));
  }
  await app.destroy();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
