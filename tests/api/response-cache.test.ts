// The response cache and HTTP caching of public reads: who is served from the
// cache, the headers, and invalidation through the change log on every write path.
import { adminWithRole, app, bearer, contentManager, createApiToken, http, projectToken } from '../helpers/app';
import { fixtures, publishedDocument } from '../helpers/fixtures';
import { CHANGE_UID } from '../helpers/cif-sync';
import { approveAndPublish, approvals, submitAndApprove } from '../helpers/approval';

const NOTE = 'api::press-note.press-note';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  tokens.website = await projectToken('website');
  tokens.cif = await projectToken('cif');
  tokens.full = await createApiToken('full-access');
});

const get = (path: string, headers: Record<string, string> = {}) => http().get(path).set(headers);

describe('headers and who is cached', () => {
  it('public reads: MISS then HIT with the same bytes, strong ETag, 304, public Cache-Control', async () => {
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const path = `/api/press-notes/${note.documentId}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await get(path);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toMatch(/application\/json/);
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(second.headers.vary).toMatch(/Authorization/);

    const notModified = await get(path, { 'If-None-Match': first.headers.etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect((await get(path, { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('repeated hits (answered before Koa) carry exactly the headers of the full chain, per Origin', async () => {
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const path = `/api/press-notes/${note.documentId}`;
    const comparable = (headers: Record<string, string>) => {
      const { date, 'x-cache': _state, connection, 'keep-alive': _keepAlive, ...rest } = headers;
      return rest;
    };
    for (const origin of ['https://www.muni.example', 'https://cif.example']) {
      const first = await get(path, { Origin: origin });
      const repeated = [await get(path, { Origin: origin }), await get(path, { Origin: origin })];
      for (const hit of repeated) {
        expect(hit.headers['x-cache']).toBe('HIT');
        expect(hit.text).toBe(first.text);
        expect(comparable(hit.headers)).toEqual(comparable(first.headers));
      }
      // CORS answers this Origin, not the one whose headers were recorded first.
      expect(first.headers['access-control-allow-origin']).toBe(origin);
      expect(first.headers.vary).toMatch(/Origin/);
      expect(first.headers.vary).toMatch(/Authorization/);
      expect(first.headers['content-security-policy']).toBeDefined();
      const notModified = await get(path, { Origin: origin, 'If-None-Match': first.headers.etag });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.etag).toBe(first.headers.etag);
      expect(notModified.headers['access-control-allow-origin']).toBe(origin);
      expect(notModified.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    }
    // HEAD is answered by the full chain, without a body.
    const head = await http().head(path);
    expect(head.status).toBe(200);
    expect(head.text).toBeUndefined();
  });

  it('the website and cif tokens are cached apart and never marked public', async () => {
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const path = `/api/press-notes/${note.documentId}`;
    for (const name of ['website', 'cif']) {
      const first = await get(path, bearer(tokens[name]));
      expect(first.headers['x-cache']).toBe('MISS');
      const second = await get(path, bearer(tokens[name]));
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.headers['cache-control']).toBe('private, no-cache');
      expect((await get(path, { ...bearer(tokens[name]), 'If-None-Match': first.headers.etag })).status).toBe(304);
    }
    // The cif token may not read programmes: a cached public answer is not served to it.
    expect((await get('/api/broadcast-programs')).status).toBe(200);
    expect((await get('/api/broadcast-programs', bearer(tokens.cif))).status).toBe(403);
  });

  it('other callers bypass the cache and are private, no-store', async () => {
    const privateCeremony = await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(false));
    const query = `/api/ceremonies?filters[documentId]=${privateCeremony.documentId}`;
    expect((await get(query)).body.data).toEqual([]);
    expect((await get(query)).headers['x-cache']).toBe('HIT');
    const full = await get(query, bearer(tokens.full));
    expect(full.body.data.map((c: any) => c.documentId)).toEqual([privateCeremony.documentId]);
    expect(full.headers['x-cache']).toBeUndefined();
    expect(full.headers.etag).toBeUndefined();
    expect(full.headers['cache-control']).toBe('private, no-store');

    const wrong = await get(query, bearer('not-a-token'));
    expect(wrong.status).toBe(401);
    expect(wrong.headers['cache-control']).toBe('private, no-store');
    const readOnly = await get(query, bearer(await createApiToken('read-only')));
    expect(readOnly.headers['cache-control']).toBe('private, no-store');
  });

  it('errors are not cached; the CIF feed is cached for the cif token only', async () => {
    const missing = await get('/api/press-notes/does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const path = '/api/cif-sync/changes?since=0&limit=1';
    await get(path, bearer(tokens.cif));
    const feed = await get(path, bearer(tokens.cif));
    expect(feed.headers['x-cache']).toBe('HIT');
    expect(feed.headers['cache-control']).toBe('private, no-cache');
    for (const headers of [{}, bearer(tokens.website)]) {
      const refused = await get(path, headers);
      expect(refused.status).toBe(403);
      expect(refused.headers.etag).toBeUndefined();
    }
  });
});

describe('invalidation on every write path', () => {
  let gerente: Awaited<ReturnType<typeof adminWithRole>>;
  let redactor: Awaited<ReturnType<typeof adminWithRole>>;
  beforeAll(async () => {
    gerente = await adminWithRole('gerente-comunicaciones');
    redactor = await adminWithRole('redactor');
  });
  // Press notes are gated: every publish below is preceded by the approval it needs.
  const approveInAdmin = (documentId: string) => submitAndApprove(redactor, gerente, NOTE, documentId);

  /** Caches the public answer for the slug, runs the write, and returns the fresh answer. */
  async function afterWrite(slug: string, write: () => Promise<unknown>, collection = 'press-notes') {
    const path = `/api/${collection}?filters[slug]=${slug}`;
    await get(path);
    expect((await get(path)).headers['x-cache']).toBe('HIT');
    await write();
    const fresh = await get(path);
    expect(fresh.headers['x-cache']).toBe('MISS');
    return fresh.body.data as any[];
  }

  it('admin publish, edit + publish, unpublish (the approval panel\'s retraction) and delete', async () => {
    const cm = contentManager(gerente, NOTE);
    const data = fixtures.pressNote();
    const created = (await contentManager(redactor, NOTE).create(data)).body.data;
    await approveInAdmin(created.documentId);
    expect(await afterWrite(data.slug, () => cm.publish(created.documentId).expect(200))).toHaveLength(1);
    await contentManager(redactor, NOTE).update(created.documentId, { title: 'Título corregido por el redactor' }).expect(200);
    await approveInAdmin(created.documentId);
    const edited = await afterWrite(data.slug, () => cm.publish(created.documentId).expect(200));
    expect(edited[0].title).toBe('Título corregido por el redactor');
    // The content manager's Unpublish is refused for gated types; the panel's retraction is the admin path.
    const unpublish = () => approvals(gerente).act(NOTE, created.documentId, 'unpublish', { comment: 'Retirada para prueba de caché.' }).expect(200);
    expect(await afterWrite(data.slug, unpublish)).toEqual([]);
    await contentManager(redactor, NOTE).update(created.documentId, { lead: 'Entradilla corregida tras la retirada.' }).expect(200);
    await approveInAdmin(created.documentId);
    await cm.publish(created.documentId).expect(200);
    expect(await afterWrite(data.slug, () => cm.delete(created.documentId).expect(200))).toEqual([]);
  });

  it('admin bulk publish and bulk unpublish', async () => {
    const bulk = (uid: string, action: string, documentId: string) => () =>
      http().post(`/content-manager/collection-types/${uid}/actions/${action}`).set(bearer(gerente.token)).send({ documentIds: [documentId] }).expect(200);
    const data = fixtures.pressNote();
    const created = (await contentManager(redactor, NOTE).create(data)).body.data;
    await approveInAdmin(created.documentId);
    expect(await afterWrite(data.slug, bulk(NOTE, 'bulkPublish', created.documentId))).toHaveLength(1);
    // Bulk unpublish is refused for gated types (retraction needs a comment): exercised on a non-gated public type.
    const PAGE = 'api::transparency-page.transparency-page';
    const page = fixtures.transparencyPage();
    const createdPage = (await contentManager(gerente, PAGE).create(page)).body.data;
    expect(await afterWrite(page.slug, bulk(PAGE, 'bulkPublish', createdPage.documentId), 'transparency-pages')).toHaveLength(1);
    expect(await afterWrite(page.slug, bulk(PAGE, 'bulkUnpublish', createdPage.documentId), 'transparency-pages')).toEqual([]);
  });

  it('Content API writes (create, update, delete with a full-access token)', async () => {
    // A published create or edit of a press note is refused by the approval gate:
    // the plain REST write paths are exercised on a non-gated public type.
    const data = fixtures.transparencyPage();
    let documentId = '';
    const created = await afterWrite(
      data.slug,
      async () => {
        const res = await http().post('/api/transparency-pages').set(bearer(tokens.full)).send({ data });
        expect(res.status).toBe(201);
        documentId = res.body.data.documentId;
      },
      'transparency-pages'
    );
    expect(created.map((n) => n.documentId)).toEqual([documentId]);
    const updated = await afterWrite(
      data.slug,
      () => http().put(`/api/transparency-pages/${documentId}`).set(bearer(tokens.full)).send({ data: { responsible: 'Gerencia Municipal' } }).expect(200),
      'transparency-pages'
    );
    expect(updated[0].responsible).toBe('Gerencia Municipal');
    expect(
      await afterWrite(data.slug, () => http().delete(`/api/transparency-pages/${documentId}`).set(bearer(tokens.full)).expect(204), 'transparency-pages')
    ).toEqual([]);
  });

  it('Content API publish of approved press notes (REST draft writes, approval, PUT published) and delete', async () => {
    const data = fixtures.pressNote();
    const draft = await http().post('/api/press-notes').query({ status: 'draft' }).set(bearer(tokens.full)).send({ data }).expect(201);
    const documentId = draft.body.data.documentId;
    await approveInAdmin(documentId);
    const published = await afterWrite(data.slug, () => http().put(`/api/press-notes/${documentId}`).set(bearer(tokens.full)).send({ data: { title: data.title } }).expect(200));
    expect(published.map((n) => n.documentId)).toEqual([documentId]);
    await http().put(`/api/press-notes/${documentId}`).query({ status: 'draft' }).set(bearer(tokens.full)).send({ data: { lead: 'Entradilla nueva.' } }).expect(200);
    await approveInAdmin(documentId);
    const updated = await afterWrite(data.slug, () =>
      http().put(`/api/press-notes/${documentId}`).set(bearer(tokens.full)).send({ data: { lead: 'Entradilla nueva.' } }).expect(200)
    );
    expect(updated[0].lead).toBe('Entradilla nueva.');
    expect(await afterWrite(data.slug, () => http().delete(`/api/press-notes/${documentId}`).set(bearer(tokens.full)).expect(204))).toEqual([]);
  });

  it('the document service (what scheduled publishing and scripts use)', async () => {
    const documents = app().documents(NOTE as any);
    const data = fixtures.pressNote();
    const created = await documents.create({ data } as any);
    // approveAndPublish ends in documents.publish, through the gate (as the scheduler does).
    expect(await afterWrite(data.slug, () => approveAndPublish(NOTE, created.documentId))).toHaveLength(1);
    expect(await afterWrite(data.slug, () => documents.unpublish({ documentId: created.documentId } as any))).toEqual([]);
    await approveAndPublish(NOTE, created.documentId);
    expect(await afterWrite(data.slug, () => documents.delete({ documentId: created.documentId } as any))).toEqual([]);
  });

  it('a change made by another instance is seen within a second, through the database', async () => {
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const path = `/api/press-notes/${note.documentId}`;
    await get(path);
    expect((await get(path)).headers['x-cache']).toBe('HIT');
    // Another instance appends to the log: this one has no in-process signal of it.
    await app().db.query(CHANGE_UID as any).create({
      data: { contentType: NOTE, entryDocumentId: note.documentId, entryLocale: 'es-PE', action: 'upsert' },
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get(path)).headers['x-cache']).toBe('MISS');
  });
});
