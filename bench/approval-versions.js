#!/usr/bin/env node
'use strict';
// What the versions store costs, in the same run on a fresh SQLite file:
// - an approval, which now keeps the approved content (load the draft, names of its files and
//   related documents, one insert), against a request-changes, the same state change and audit
//   event without it, interleaved on similar notes;
// - the panel's "what changed" (draft against the kept version, word diff of 8 paragraphs)
//   against the panel's status read (draft hash and history).
// Usage: node bench/approval-versions.js [N=30]
const path = require('path');
const crypto = require('crypto');

const N = Number(process.argv[2] ?? 30);
process.env.DATABASE_CLIENT = 'sqlite';
process.env.DATABASE_FILENAME = path.join('.tmp', `bench-versions-${process.pid}.db`);
process.env.CRON_ENABLED = 'false';
process.env.LOG_LEVEL = 'error';

const { withStrapi } = require('../scripts/load-strapi');
const NOTE = 'api::press-note.press-note';
const actor = (id, name) => ({ kind: 'admin', id, name });

const paragraphs = (word) => Array.from({ length: 8 }, (_, p) => ({ type: 'paragraph', children: [{ type: 'text', text: `Párrafo ${p} ${word} `.repeat(40) }] }));
const note = (i) => ({
  title: `Nota de referencia ${i} ${crypto.randomBytes(3).toString('hex')}`,
  slug: `nota-ref-${i}-${crypto.randomBytes(3).toString('hex')}`,
  lead: 'Entradilla de longitud habitual para una nota de prensa municipal.'.repeat(3),
  body: paragraphs('feria'),
  category: 'institucional',
  tags: ['frontera', 'feria', 'comercio'],
  seo: { metaTitle: 'Título SEO', metaDescription: 'Descripción SEO' },
});
const time = async (fn) => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

withStrapi(async (strapi) => {
  const workflow = strapi.plugin('approval-workflow').service('workflow');
  const versions = strapi.plugin('approval-workflow').service('versions');
  const docs = strapi.documents(NOTE);
  const submitter = actor(1, 'Redactor');
  const reviewer = actor(2, 'Gerente');

  const approved = [];
  const asked = [];
  for (let i = 0; i < N; i++) {
    for (const list of [approved, asked]) {
      const { documentId } = await docs.create({ data: note(i) });
      await workflow.act({ uid: NOTE, documentId, action: 'submit', actor: submitter });
      list.push(documentId);
    }
  }
  let approveMs = 0;
  let changesMs = 0;
  for (let i = 0; i < N; i++) {
    approveMs += await time(() => workflow.act({ uid: NOTE, documentId: approved[i], action: 'approve', actor: reviewer }));
    changesMs += await time(() => workflow.act({ uid: NOTE, documentId: asked[i], action: 'request-changes', comment: 'Revisar.', actor: reviewer }));
  }

  // One word changed in every paragraph since the kept version.
  for (const documentId of approved) await docs.update({ documentId, locale: 'es-PE', data: { body: paragraphs('fiesta') } });
  let diffMs = 0;
  let statusMs = 0;
  let fields = 0;
  for (const documentId of approved) {
    const target = { uid: NOTE, documentId, locale: 'es-PE' };
    diffMs += await time(async () => (fields += (await versions.changes(target)).fields.length));
    statusMs += await time(() => workflow.status(NOTE, documentId, 'es-PE'));
  }

  console.log(`approve (keeps the version): ${(approveMs / N).toFixed(1)} ms/op`);
  console.log(`request-changes (baseline): ${(changesMs / N).toFixed(1)} ms/op`);
  console.log(`ratio approve/request-changes: ${(approveMs / changesMs).toFixed(2)}  (N=${N})`);
  console.log(`what changed (${fields / N} field): ${(diffMs / N).toFixed(1)} ms/op`);
  console.log(`status (baseline): ${(statusMs / N).toFixed(1)} ms/op`);
  console.log(`ratio changes/status: ${(diffMs / statusMs).toFixed(2)}`);
}).then(
  () => require('fs').rmSync(process.env.DATABASE_FILENAME, { force: true }),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
