#!/usr/bin/env node
'use strict';
// What the approval gate costs a publication: publishing approved press notes with the
// gate on (hash the draft, check the state, record the event) against publishing the
// same kind of notes with the gate off, interleaved, in the same run, on a fresh SQLite file.
// Usage: node bench/approval-gate.js [N=40]
const path = require('path');
const crypto = require('crypto');

const N = Number(process.argv[2] ?? 40);
process.env.DATABASE_CLIENT = 'sqlite';
process.env.DATABASE_FILENAME = path.join('.tmp', `bench-approval-${process.pid}.db`);
process.env.CRON_ENABLED = 'false';
process.env.LOG_LEVEL = 'error';

const { withStrapi } = require('../scripts/load-strapi');
const NOTE = 'api::press-note.press-note';
const SYSTEM = { kind: 'system', id: null, name: 'benchmark' };

const note = (i) => ({
  title: `Nota de referencia ${i} ${crypto.randomBytes(3).toString('hex')}`,
  slug: `nota-ref-${i}-${crypto.randomBytes(3).toString('hex')}`,
  lead: 'Entradilla de longitud habitual para una nota de prensa municipal.'.repeat(3),
  body: Array.from({ length: 8 }, (_, p) => ({ type: 'paragraph', children: [{ type: 'text', text: `Párrafo ${p} `.repeat(40) }] })),
  category: 'institucional',
  tags: ['frontera', 'feria', 'comercio'],
  seo: { metaTitle: 'Título SEO', metaDescription: 'Descripción SEO' },
});

withStrapi(async (strapi) => {
  const workflow = strapi.plugin('approval-workflow').service('workflow');
  const config = strapi.config.get('plugin::approval-workflow');
  const gated = config.gatedTypes;
  const docs = strapi.documents(NOTE);

  const gatedIds = [];
  const plainIds = [];
  for (let i = 0; i < N; i++) {
    gatedIds.push((await docs.create({ data: note(i) })).documentId);
    plainIds.push((await docs.create({ data: note(i + N) })).documentId);
  }
  for (const documentId of gatedIds) {
    await workflow.act({ uid: NOTE, documentId, action: 'submit', actor: SYSTEM });
    await workflow.act({ uid: NOTE, documentId, action: 'approve', actor: SYSTEM });
  }

  let onMs = 0;
  let offMs = 0;
  for (let i = 0; i < N; i++) {
    config.gatedTypes = gated;
    let t = process.hrtime.bigint();
    await workflow.publish({ uid: NOTE, documentId: gatedIds[i], locale: 'es-PE' }, SYSTEM);
    onMs += Number(process.hrtime.bigint() - t) / 1e6;

    config.gatedTypes = [];
    t = process.hrtime.bigint();
    await docs.publish({ documentId: plainIds[i], locale: 'es-PE' });
    offMs += Number(process.hrtime.bigint() - t) / 1e6;
  }
  config.gatedTypes = gated;

  const hashes = strapi.plugin('approval-workflow').service('content-hash');
  let t = process.hrtime.bigint();
  for (const documentId of gatedIds) await hashes.draftHash(NOTE, documentId, 'es-PE');
  const hashMs = Number(process.hrtime.bigint() - t) / 1e6 / N;

  console.log(`publish, gate on (approved): ${(onMs / N).toFixed(1)} ms/op`);
  console.log(`publish, gate off (baseline): ${(offMs / N).toFixed(1)} ms/op`);
  console.log(`ratio on/off: ${(onMs / offMs).toFixed(2)}  (N=${N})`);
  console.log(`draft hash alone: ${hashMs.toFixed(1)} ms/op`);
}).then(
  () => require('fs').rmSync(process.env.DATABASE_FILENAME, { force: true }),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
