#!/usr/bin/env node
'use strict';
// What the one edit rule costs a save: updating gated press notes (two locales each) with the
// approval workflow's edit tracking on (draft hash of every locale before and after, state
// checks) against the same updates with the workflow off (plugin config `gatedTypes: []`),
// interleaved one by one, in the same run, on a fresh SQLite file. Half of the notes are under
// review, so half the tracked saves also reset a review (one state change and audit event).
// Usage: node bench/edit-tracking.js [N=40]
const path = require('path');
const crypto = require('crypto');

const N = Number(process.argv[2] ?? 40);
process.env.DATABASE_CLIENT = 'sqlite';
process.env.DATABASE_FILENAME = path.join('.tmp', `bench-edit-tracking-${process.pid}.db`);
process.env.CRON_ENABLED = 'false';
process.env.LOG_LEVEL = 'error';

const { withStrapi } = require('../scripts/load-strapi');
const NOTE = 'api::press-note.press-note';
const SYSTEM = { kind: 'system', id: null, name: 'benchmark' };
const EDITOR = { kind: 'admin', id: 1, name: 'benchmark editor' };

const note = (i) => ({
  title: `Nota de referencia ${i} ${crypto.randomBytes(3).toString('hex')}`,
  slug: `nota-ref-${i}-${crypto.randomBytes(3).toString('hex')}`,
  lead: 'Entradilla de longitud habitual para una nota de prensa municipal.'.repeat(3),
  body: Array.from({ length: 8 }, (_, p) => ({ type: 'paragraph', children: [{ type: 'text', text: `Párrafo ${p} `.repeat(40) }] })),
  category: 'institucional',
  tags: ['frontera', 'feria', 'comercio'],
  seo: { metaTitle: 'Título SEO', metaDescription: 'Descripción SEO' },
});

withStrapi(async (strapi, appContext) => {
  // The plugin's own actor scope (compiled by withStrapi), so that the editor is recorded.
  const { runAs } = require(path.join(appContext.distDir, 'src/plugins/approval-workflow/server/src/actor'));
  const workflow = strapi.plugin('approval-workflow').service('workflow');
  const config = strapi.config.get('plugin::approval-workflow');
  const gated = config.gatedTypes;
  const docs = strapi.documents(NOTE);

  const make = async (i) => {
    const { documentId } = await docs.create({ data: note(i) });
    await docs.update({ documentId, locale: 'en', data: note(i + 1000) });
    return documentId;
  };
  const trackedIds = [];
  const plainIds = [];
  for (let i = 0; i < N; i++) {
    trackedIds.push(await make(i));
    plainIds.push(await make(i + N));
  }
  for (const [i, documentId] of trackedIds.entries()) if (i % 2) await workflow.act({ uid: NOTE, documentId, action: 'submit', actor: SYSTEM });

  let onMs = 0;
  let offMs = 0;
  for (let i = 0; i < N; i++) {
    // A shared (non-localised) field changed through the English locale.
    const data = { category: i % 2 ? 'obras' : 'cultura', lead: `Cambiada ${i} `.repeat(20) };
    config.gatedTypes = gated;
    let t = process.hrtime.bigint();
    await runAs(EDITOR, () => docs.update({ documentId: trackedIds[i], locale: 'en', data }), { silent: true });
    onMs += Number(process.hrtime.bigint() - t) / 1e6;

    config.gatedTypes = [];
    t = process.hrtime.bigint();
    await docs.update({ documentId: plainIds[i], locale: 'en', data });
    offMs += Number(process.hrtime.bigint() - t) / 1e6;
  }
  config.gatedTypes = gated;

  // The tracked saves did what they are for: every note under review went back to draft.
  const resets = await strapi.db.query('plugin::audit-trail.event').count({ where: { action: 'review-reset' } });
  if (resets !== Math.floor(N / 2)) throw new Error(`expected ${Math.floor(N / 2)} review resets, got ${resets}`);

  console.log(`update, edit tracking on: ${(onMs / N).toFixed(1)} ms/op`);
  console.log(`update, workflow off (baseline): ${(offMs / N).toFixed(1)} ms/op`);
  console.log(`ratio on/off: ${(onMs / offMs).toFixed(2)}  (N=${N}, 2 locales per note, half under review)`);
}).then(
  () => require('fs').rmSync(process.env.DATABASE_FILENAME, { force: true }),
  (error) => {
    console.error(error);
    process.exit(1);
  }
);
