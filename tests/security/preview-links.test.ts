// Attacks on the preview links (/preview/<token>, its /data and the JWK set): a preview link is
// never a way to read a draft for anyone but the holder of a genuine, unexpired token for
// exactly that document locale, and never a way to write. Cases are generated from a real
// token's claims, from a list of malformed tokens and from every HTTP method.
import crypto from 'crypto';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { app, adminWithRole, contentManager, http, type AdminSession } from '../helpers/app';
import { fixtures } from '../helpers/fixtures';
import { approvals } from '../helpers/approval';
import { openInBrowser, previewUrlFor, tokenOf } from '../helpers/preview';

const NOTE = 'api::press-note.press-note';
const PROGRAM = 'api::broadcast-program.broadcast-program';
const tokens = () => app().plugin('approval-workflow').service('preview-tokens');
const previewService = () => app().plugin('approval-workflow').service('preview');
const hashes = () => app().plugin('approval-workflow').service('content-hash');

let redactor: AdminSession;
let gerente: AdminSession;
let noteA: { documentId: string; title: string };
let noteB: { documentId: string; title: string };
let englishTitle: string;
let link: string; // the e-mail's link token for A (es-PE)
let editor: string; // the admin Preview's token for A (es-PE)

const ok = (res: any, status = 200) => {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

beforeAll(async () => {
  redactor = await adminWithRole('redactor');
  gerente = await adminWithRole('gerente-comunicaciones');
  noteA = ok(await contentManager(redactor, NOTE).create({ ...fixtures.pressNote(), title: `Borrador reservado A ${crypto.randomBytes(3).toString('hex')}` }, 'es-PE'), 201);
  englishTitle = `Reserved English draft ${crypto.randomBytes(3).toString('hex')}`;
  ok(await contentManager(redactor, NOTE).update(noteA.documentId, { ...fixtures.pressNote(), title: englishTitle }, 'en'));
  noteB = ok(await contentManager(redactor, NOTE).create({ ...fixtures.pressNote(), title: `Borrador reservado B ${crypto.randomBytes(3).toString('hex')}` }, 'es-PE'), 201);
  ok(await approvals(redactor).act(NOTE, noteA.documentId, 'submit', {}, 'es-PE'));
  const hash = await hashes().draftHash(NOTE, noteA.documentId, 'es-PE');
  link = tokenOf(previewService().linkFor({ uid: NOTE, documentId: noteA.documentId, locale: 'es-PE', hash }).url);
  editor = tokenOf(ok(await previewUrlFor(redactor, NOTE, { documentId: noteA.documentId, locale: 'es-PE' })).url);
});

/** Every door of a token: the page (as a browser and as a program) and the data. Never a 500, never a draft's text unless allowed. */
async function open(token: string) {
  const path = `/preview/${encodeURIComponent(token)}`;
  const [page, pageForProgram, data] = await Promise.all([openInBrowser(path), http().get(path), http().get(`${path}/data`)]);
  for (const res of [page, pageForProgram, data]) expect(res.status).toBeLessThan(500);
  return { page, pageForProgram, data };
}

const drafts = () => [noteA.title, noteB.title, englishTitle];

async function expectRefused(token: string, status: number, code: string) {
  const { page, pageForProgram, data } = await open(token);
  expect([page.status, pageForProgram.status, data.status]).toEqual([status, status, status]);
  expect(data.body).toEqual({ data: null, error: { status, name: expect.any(String), message: expect.any(String), details: { code } } });
  // The page: an HTML page for a browser, the same error shape as the data for a program.
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(pageForProgram.body).toEqual(data.body);
  for (const title of drafts()) {
    expect(page.text).not.toContain(title);
    expect(JSON.stringify(data.body)).not.toContain(title);
  }
}

const segments = (token: string) => token.split('.');
const withPayload = (token: string, change: (claims: Record<string, unknown>) => void) => {
  const [header, payload, signature] = segments(token);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
};

describe('genuine tokens', () => {
  it('the link and the editor token open exactly their document locale', async () => {
    for (const token of [link, editor]) {
      const { page, data } = await open(token);
      expect([page.status, data.status]).toEqual([200, 200]);
      expect(page.text).toContain(noteA.title);
      expect(data.body.data.title).toBe(noteA.title);
      for (const other of [noteB.title, englishTitle]) expect(page.text + JSON.stringify(data.body)).not.toContain(other);
    }
    // Query parameters never choose another document, locale or status.
    const steered = await http().get(`/preview/${link}/data`).query({ documentId: noteB.documentId, locale: 'en', status: 'published', populate: '*' });
    expect(steered.status).toBe(200);
    expect(steered.body.data.title).toBe(noteA.title);
  });
});

describe('forged, tampered and malformed tokens', () => {
  it('every claim changed under the original signature is refused', async () => {
    const claims = decodeJwt(link);
    const changes: Record<string, unknown> = {
      uid: PROGRAM,
      documentId: noteB.documentId,
      locale: 'en',
      status: 'published',
      purpose: 'editor',
      hash: '0'.repeat(64),
      exp: (claims.exp as number) + 3600,
      iat: (claims.iat as number) - 3600,
      iss: 'otro-emisor',
      aud: 'admin',
      sub: `${NOTE}|${noteB.documentId}|es-PE`,
      jti: 'otro',
    };
    expect(Object.keys(changes).sort()).toEqual(Object.keys(claims).sort());
    for (const [key, value] of Object.entries(changes)) await expectRefused(withPayload(link, (c) => (c[key] = value)), 403, 'PREVIEW_INVALID');
    await expectRefused(withPayload(link, (c) => delete c.hash), 403, 'PREVIEW_INVALID');
  });

  it('a token signed with another key, with "none", or with HMAC over the public key is refused', async () => {
    const claims = decodeJwt(link);
    const { kid } = decodeProtectedHeader(link);
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: kid!, typ: 'JWT' }).sign(privateKey);
    await expectRefused(foreign, 403, 'PREVIEW_INVALID');
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${segments(link)[1]}.`;
    await expectRefused(none, 403, 'PREVIEW_INVALID');
    const jwks = (await http().get('/preview/jwks.json')).body;
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: kid! }).sign(Buffer.from(jwks.keys[0].x, 'base64url'));
    await expectRefused(hmac, 403, 'PREVIEW_INVALID');
    // The header itself is signed: a foreign kid or algorithm over the real signature fails too.
    for (const header of [{ alg: 'EdDSA', kid: 'otra' }, { alg: 'ES256', kid }, { alg: 'EdDSA', kid, typ: 'JOSE+JSON' }]) {
      await expectRefused(`${base64url.encode(JSON.stringify(header))}.${segments(link)[1]}.${segments(link)[2]}`, 403, 'PREVIEW_INVALID');
    }
  });

  it('malformed tokens get a clear refusal, never an error', async () => {
    const [h, p, s] = segments(link);
    const malformed = [
      'x',
      'a.b',
      'a.b.c',
      '..',
      `${h}.${p}`,
      `${h}.${p}.${s}.${s}`,
      `${h}.${p}.${s.slice(0, -4)}`,
      `${h}.${p}.${s}AAAA`,
      `${h}.${p}.${s.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`,
      `${h}.${base64url.encode('no es json')}.${s}`,
      `${h}.${base64url.encode('[1,2,3]')}.${s}`,
      `${base64url.encode('null')}.${p}.${s}`,
      `${h}.${p}.${s} `,
      `${h}.${p}.${s}%00`,
      `${h}.${p}.€${s}`,
      `${h}.${p}.${s}`.replace(/\./g, '%2E'),
      'A'.repeat(5000),
      `${h}.${'A'.repeat(3000)}.${s}`,
    ];
    for (const token of malformed) await expectRefused(token, 403, 'PREVIEW_INVALID');
  });
});

describe('time and edits', () => {
  it('an expired token is refused with its own code, and its expiry cannot be moved', async () => {
    const { token } = tokens().sign({ uid: NOTE, documentId: noteA.documentId, locale: 'es-PE', status: 'draft', purpose: 'editor', ttlSeconds: -5 });
    await expectRefused(token, 410, 'PREVIEW_EXPIRED');
    await expectRefused(withPayload(token, (c) => (c.exp = Math.floor(Date.now() / 1000) + 600)), 403, 'PREVIEW_INVALID');
  });

  it("an edit voids the e-mail's link (the editor's own short-lived view follows the draft)", async () => {
    const documentId = ok(await contentManager(redactor, NOTE).create(fixtures.pressNote(), 'es-PE'), 201).documentId;
    const hash = await hashes().draftHash(NOTE, documentId, 'es-PE');
    const token = tokenOf(previewService().linkFor({ uid: NOTE, documentId, locale: 'es-PE', hash }).url);
    const editorToken = tokenOf(ok(await previewUrlFor(redactor, NOTE, { documentId, locale: 'es-PE' })).url);
    expect((await open(token)).page.status).toBe(200);
    const draft = ok(await contentManager(redactor, NOTE).findOne(documentId, 'es-PE'));
    ok(await contentManager(redactor, NOTE).update(documentId, { ...draft, title: `${draft.title} editada` }, 'es-PE'));
    await expectRefused(token, 410, 'PREVIEW_OUTDATED');
    expect((await open(editorToken)).data.body.data.title).toBe(`${draft.title} editada`);
    // Deleted: nothing left to show.
    expect((await contentManager(gerente, NOTE).delete(documentId, 'es-PE')).status).toBe(200);
    await expectRefused(editorToken, 404, 'NOT_FOUND');
    await expectRefused(token, 404, 'NOT_FOUND');
  });
});

describe('the public, writes and leaks', () => {
  it('without a token, nobody reads a draft: not here, not through the Content API', async () => {
    for (const path of ['/preview', '/preview/', `/preview/${noteA.documentId}`, `/preview/${noteA.documentId}/data`]) {
      const res = await http().get(path);
      expect([403, 404]).toContain(res.status);
      expect(res.text).not.toContain(noteA.title);
    }
    for (const query of [{ status: 'draft' }, { status: 'draft', locale: 'es-PE' }, {}]) {
      const res = await http().get(`/api/press-notes/${noteA.documentId}`).query(query);
      expect(res.text).not.toContain(noteA.title);
    }
  });

  it('no method but GET does anything, and the draft is unchanged', async () => {
    const before = await hashes().draftHash(NOTE, noteA.documentId, 'es-PE');
    for (const path of [`/preview/${link}`, `/preview/${link}/data`, '/preview/jwks.json']) {
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        const res = await (http() as any)[method](path).send({ data: { title: 'Cambiado por un extraño' } });
        expect([404, 405]).toContain(res.status);
      }
    }
    expect(await hashes().draftHash(NOTE, noteA.documentId, 'es-PE')).toBe(before);
    expect((await approvals(gerente).status(NOTE, noteA.documentId, 'es-PE')).body.data.state).toBe('in-review');
  });

  it('nothing about the admin leaks: no users, no authorship, no workflow data, no cookies', async () => {
    const { page, data } = await open(link);
    const everything = `${page.text}${JSON.stringify(data.body)}${JSON.stringify(page.headers)}${JSON.stringify(data.headers)}`;
    for (const secret of [redactor.email, gerente.email, 'createdBy', 'updatedBy', 'password', 'approvedHash', 'submittedBy', 'localizations', redactor.token, gerente.token]) {
      expect(everything).not.toContain(secret);
    }
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(data.headers['set-cookie']).toBeUndefined();
    const jwks = (await http().get('/preview/jwks.json')).body;
    expect(Object.keys(jwks.keys[0]).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
  });
});
