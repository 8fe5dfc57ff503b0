// The reference consumer converges: after random publish, edit, unpublish and
// delete operations, the mirror holds exactly what the Content API serves to
// the cif token, no more, no less.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { app, bearer, http, projectToken } from '../../helpers/app';
import { fixtures, publishDraft, publishedDocument } from '../../helpers/fixtures';
import { runMirror, serverUrl } from '../../helpers/cif-sync';

const TYPES = {
  'api::press-note.press-note': () => fixtures.pressNote(),
  'api::norm.norm': () => fixtures.norm(),
  'api::transparency-page.transparency-page': () => fixtures.transparencyPage(),
  'api::ceremony.ceremony': () => fixtures.ceremony(true),
} as const;
type Uid = keyof typeof TYPES;
const LOCALES = ['es-PE', 'en'];

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.MIRROR_TEST_SEED ?? 20261126);
let token: string;
let url: string;
let out: string;
const touched: Array<{ uid: Uid; documentId: string }> = [];

beforeAll(async () => {
  token = await projectToken('cif');
  url = await serverUrl();
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'cif-mirror-'));
});

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

async function randomOperation(next: () => number) {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const uid = pick(Object.keys(TYPES) as Uid[]);
  const documents = app().documents(uid as any);
  const existing = touched.filter((t) => t.uid === uid);
  const target = existing.length ? pick(existing) : undefined;
  const operation = target ? pick(['publish-edit', 'translate', 'unpublish', 'delete', 'draft-edit', 'visibility', 'create']) : 'create';
  const documentId = target?.documentId as string;
  switch (operation) {
    case 'create': {
      const created = await publishedDocument(uid, TYPES[uid]());
      touched.push({ uid, documentId: created.documentId });
      return;
    }
    case 'publish-edit':
      await documents.update({ documentId, data: { title: `Título editado ${Math.floor(next() * 1e6)}` } } as any);
      await publishDraft(uid, documentId);
      return;
    case 'translate':
      await documents.update({ documentId, locale: 'en', data: { ...TYPES[uid](), title: `English title ${Math.floor(next() * 1e6)}` } } as any);
      await publishDraft(uid, documentId, 'en');
      return;
    case 'unpublish':
      await documents.unpublish({ documentId, locale: pick(LOCALES) } as any);
      return;
    case 'delete':
      await documents.delete({ documentId, locale: pick([...LOCALES, '*']) } as any);
      return;
    case 'draft-edit':
      await documents.update({ documentId, data: { title: `Borrador sin publicar ${Math.floor(next() * 1e6)}` } } as any);
      return;
    case 'visibility':
      if (uid !== 'api::ceremony.ceremony') return;
      await documents.update({ documentId, data: { isPublic: next() < 0.5 } } as any);
      await publishDraft(uid, documentId);
      return;
  }
}

const mirrorFile = (uid: string, locale: string, documentId: string) => path.join(out, uid.split('.').pop()!, locale, `${documentId}.json`);

async function servedEntry(uid: Uid, documentId: string, locale: string) {
  const { populateFor } = app().plugin('cif-sync').service('feed');
  const plural = (app().getModel(uid) as any).info.pluralName;
  const res = await http().get(`/api/${plural}/${documentId}`).set(bearer(token)).query({ locale, populate: populateFor(uid) });
  if (res.status === 404) return null;
  expect(res.status).toBe(200);
  return res.body.data;
}

it('random operations, mirrored twice along the way, end in exactly what the Content API serves', async () => {
  const next = random(SEED);
  for (let i = 0; i < 40; i++) {
    await randomOperation(next);
    if (i === 20) await runMirror(['--url', url, '--token', token, '--out', out, '--once']);
  }
  await runMirror(['--url', url, '--token', token, '--out', out, '--once']);

  let served = 0;
  for (const { uid, documentId } of touched) {
    for (const locale of LOCALES) {
      const expected = await servedEntry(uid, documentId, locale);
      const file = mirrorFile(uid, locale, documentId);
      if (expected) served++;
      expect([uid, documentId, locale, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null]).toEqual([uid, documentId, locale, expected]);
    }
  }
  expect(served).toBeGreaterThan(3);

  // Nothing else in the mirror that the API would not serve (e.g. a ceremony now private).
  for (const type of fs.readdirSync(out).filter((name) => !name.startsWith('.'))) {
    const uid = (Object.keys(TYPES) as Uid[]).find((u) => u.endsWith(`.${type}`))!;
    expect(uid).toBeDefined();
    for (const locale of fs.readdirSync(path.join(out, type))) {
      for (const file of fs.readdirSync(path.join(out, type, locale))) {
        const onDisk = JSON.parse(fs.readFileSync(path.join(out, type, locale, file), 'utf8'));
        expect(await servedEntry(uid, file.replace(/\.json$/, ''), locale)).toEqual(onDisk);
      }
    }
  }
}, 240000);
