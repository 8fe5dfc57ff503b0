// The CIF change feed: rows written by the document service on publish,
// unpublish and delete, served to the cif token with sanitized entries.
import { adminWithRole, app, bearer, contentManager, http, projectToken } from '../../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../../helpers/fixtures';
import { approvals, approveAndPublish, submitAndApprove } from '../../helpers/approval';
import { changesSince, feedHead } from '../../helpers/cif-sync';

let cif: string;
let website: string;
const NOTE = 'api::press-note.press-note';
const CEREMONY = 'api::ceremony.ceremony';

beforeAll(async () => {
  cif = await projectToken('cif');
  website = await projectToken('website');
});

const summary = (items: any[]) => items.map((i) => [i.action, i.uid, i.documentId, i.locale]);

describe('rows on every change of a synced type', () => {
  it('publish gives an upsert whose entry is what the Content API serves to the cif token', async () => {
    const since = await feedHead(cif);
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const items = await changesSince(cif, since);
    expect(summary(items)).toEqual([['upsert', NOTE, note.documentId, 'es-PE']]);
    expect(items[0].cursor).toBeGreaterThan(since);

    const { populateFor } = app().plugin('cif-sync').service('feed');
    const api = await http().get(`/api/press-notes/${note.documentId}`).set(bearer(cif)).query({ locale: 'es-PE', populate: populateFor(NOTE) });
    expect(api.status).toBe(200);
    expect(items[0].entry).toEqual(api.body.data);
    expect(items[0].entry.title).toBe(api.body.data.title);
  });

  it('entries with media and components equal the Content API answer for the cif token, type by type', async () => {
    // The feed applies a projection derived from the Content API sanitizer; here every
    // media (single, multiple), component and repeatable component of the synced types is filled.
    const [cover, first, second] = [await uploadTestImage('#aa3300'), await uploadTestImage('#0033aa'), await uploadTestImage('#33aa00')];
    const since = await feedHead(cif);
    const documents = [
      [NOTE, 'press-notes', await publishedDocument(NOTE, {
        ...fixtures.pressNote(),
        cover: cover.id,
        gallery: [first.id, second.id],
        seo: { metaTitle: 'Título SEO', metaDescription: 'Descripción', shareImage: first.id, keywords: 'obras' },
        pressContact: { name: 'Oficina de prensa', position: 'Jefa', phone: '+51 52 000 000', email: 'prensa@municipalidad.test' },
      })],
      ['api::transparency-page.transparency-page', 'transparency-pages', await publishedDocument('api::transparency-page.transparency-page', {
        ...fixtures.transparencyPage(),
        attachments: [first.id, second.id],
      })],
      [CEREMONY, 'ceremonies', await publishedDocument(CEREMONY, {
        ...fixtures.ceremony(true),
        programme: [{ time: '10:00:00.000', activity: 'Izamiento', responsible: 'Protocolo' }, { activity: 'Desfile' }],
      })],
      ['api::norm.norm', 'norms', await publishedDocument('api::norm.norm', {
        ...fixtures.norm(),
        prepublication: { publishedOn: '2026-02-01', url: 'https://muni.example/pre', commentPeriodDays: 15, exempted: false },
        gazettePublication: { outlet: 'Diario Oficial El Peruano', channel: 'el-peruano', editionDate: '2026-03-02', gazetteId: '2401234-1', page: '4' },
      })],
    ] as const;
    const items = await changesSince(cif, since);
    const { populateFor } = app().plugin('cif-sync').service('feed');
    for (const [uid, collection, document] of documents) {
      const item = items.find((i) => i.documentId === document.documentId);
      const api = await http().get(`/api/${collection}/${document.documentId}`).set(bearer(cif)).query({ populate: populateFor(uid) });
      expect(api.status).toBe(200);
      expect(item.entry).toEqual(api.body.data);
      expect(JSON.stringify(item.entry)).toBe(JSON.stringify(api.body.data));
    }
    const note = items.find((i) => i.documentId === documents[0][2].documentId).entry;
    expect(note.gallery).toHaveLength(2);
    expect(note.cover.formats).toBeDefined();
    expect(note.cover).not.toHaveProperty('folderPath');
  });

  it('draft edits give nothing; unpublish and delete give tombstones', async () => {
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const since = await feedHead(cif);
    const documents = app().documents(NOTE as any);
    await documents.update({ documentId: note.documentId, data: { lead: 'Borrador nuevo.' } } as any);
    expect(await changesSince(cif, since)).toEqual([]);

    await documents.unpublish({ documentId: note.documentId } as any);
    await approveAndPublish(NOTE, note.documentId); // the edited draft needs a new approval
    await documents.delete({ documentId: note.documentId } as any);
    const items = await changesSince(cif, since);
    expect(summary(items)).toEqual([
      ['delete', NOTE, note.documentId, 'es-PE'],
      ['upsert', NOTE, note.documentId, 'es-PE'],
      ['delete', NOTE, note.documentId, 'es-PE'],
    ]);
    expect(items[0].entry).toBeNull();
    // The entry is the current version: the document is gone, so the old upsert has none.
    expect(items[1].entry).toBeNull();
  });

  it('one row per locale; publishing one locale refreshes the others it synced', async () => {
    const documents = app().documents(NOTE as any);
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    await documents.update({ documentId: note.documentId, locale: 'en', data: { ...fixtures.pressNote(), title: 'English press note' } } as any);
    const since = await feedHead(cif);
    await approveAndPublish(NOTE, note.documentId, 'en');
    let items = await changesSince(cif, since);
    expect(summary(items).sort()).toEqual([
      ['upsert', NOTE, note.documentId, 'en'],
      ['upsert', NOTE, note.documentId, 'es-PE'],
    ]);
    expect(items.find((i) => i.locale === 'en').entry.title).toBe('English press note');
    expect(await changesSince(cif, since, { locale: 'en' })).toHaveLength(1);

    const before = await feedHead(cif);
    await documents.delete({ documentId: note.documentId, locale: '*' } as any);
    items = await changesSince(cif, before);
    expect(summary(items).sort()).toEqual([
      ['delete', NOTE, note.documentId, 'en'],
      ['delete', NOTE, note.documentId, 'es-PE'],
    ]);
  });

  it('a ceremony is in the feed only while public: turning private is a delete', async () => {
    const since = await feedHead(cif);
    const ceremony = await publishedDocument(CEREMONY, fixtures.ceremony(true));
    const documents = app().documents(CEREMONY as any);
    await documents.update({ documentId: ceremony.documentId, data: { isPublic: false } } as any);
    await documents.publish({ documentId: ceremony.documentId } as any);
    const privateOne = await publishedDocument(CEREMONY, fixtures.ceremony(false));
    const items = await changesSince(cif, since);
    expect(summary(items)).toEqual([
      ['upsert', CEREMONY, ceremony.documentId, 'es-PE'],
      ['delete', CEREMONY, ceremony.documentId, 'es-PE'],
      ['delete', CEREMONY, privateOne.documentId, 'es-PE'],
    ]);
    // Now private: nothing of it in any entry.
    expect(items.every((i) => i.entry === null)).toBe(true);
    expect(JSON.stringify(items)).not.toContain('"isPublic":false');
  });

  it('types the CIF does not mirror stay out of the feed', async () => {
    const since = await feedHead(cif);
    await publishedDocument('api::broadcast-program.broadcast-program', fixtures.broadcastProgram());
    expect(await changesSince(cif, since)).toEqual([]);
  });

  it('the admin (publish, bulk publish, the approval panel\'s unpublish, delete) writes rows too', async () => {
    const gerente = await adminWithRole('gerente-comunicaciones');
    const redactor = await adminWithRole('redactor');
    const cm = contentManager(gerente, NOTE);
    const since = await feedHead(cif);
    const a = (await contentManager(redactor, NOTE).create(fixtures.pressNote())).body.data;
    const b = (await contentManager(redactor, NOTE).create(fixtures.pressNote())).body.data;
    for (const { documentId } of [a, b]) await submitAndApprove(redactor, gerente, NOTE, documentId);
    expect((await cm.publish(a.documentId)).status).toBe(200);
    const bulk = await http()
      .post(`/content-manager/collection-types/${NOTE}/actions/bulkPublish`)
      .set(bearer(gerente.token))
      .send({ documentIds: [b.documentId] });
    expect(bulk.status).toBe(200);
    // The content manager's Unpublish is refused for gated types; retraction goes through the approval panel.
    const unpublish = await approvals(gerente).act(NOTE, a.documentId, 'unpublish', { comment: 'Retirada para prueba del registro de cambios.' });
    expect(unpublish.status).toBe(200);
    expect((await cm.delete(b.documentId)).status).toBe(200);
    expect(summary(await changesSince(cif, since))).toEqual([
      ['upsert', NOTE, a.documentId, 'es-PE'],
      ['upsert', NOTE, b.documentId, 'es-PE'],
      ['delete', NOTE, a.documentId, 'es-PE'],
      ['delete', NOTE, b.documentId, 'es-PE'],
    ]);
  });
});

describe('entries reused between pages', () => {
  // The feed keeps each entry's JSON between pages; one row per page here, so that
  // the older rows are answered from entries cached before the later changes.
  it('older rows carry the current version at once: an edit republished, then a turn to private', async () => {
    const since = await feedHead(cif);
    const note = await publishedDocument(NOTE, fixtures.pressNote());
    const ceremony = await publishedDocument(CEREMONY, fixtures.ceremony(true));
    const first = await changesSince(cif, since, { limit: 1 });
    expect(first.map((i) => i.entry?.documentId)).toEqual([note.documentId, ceremony.documentId]);

    await app().documents(NOTE as any).update({ documentId: note.documentId, locale: 'es-PE', data: { title: 'Título corregido tras la publicación' } } as any);
    await approveAndPublish(NOTE, note.documentId);
    const ceremonies = app().documents(CEREMONY as any);
    await ceremonies.update({ documentId: ceremony.documentId, data: { isPublic: false } } as any);
    await ceremonies.publish({ documentId: ceremony.documentId } as any);

    const items = await changesSince(cif, since, { limit: 1 });
    expect(summary(items)).toEqual([
      ['upsert', NOTE, note.documentId, 'es-PE'],
      ['upsert', CEREMONY, ceremony.documentId, 'es-PE'],
      ['upsert', NOTE, note.documentId, 'es-PE'],
      ['delete', CEREMONY, ceremony.documentId, 'es-PE'],
    ]);
    expect(items[0].entry.title).toBe('Título corregido tras la publicación');
    expect(items[2].entry).toEqual(items[0].entry);
    expect(items[1].entry).toBeNull();
    expect(JSON.stringify(items)).not.toContain(ceremony.title);
  });

  it('timestamps read as text on PostgreSQL give what postgres-date and the datetime field give', () => {
    const { timestampToISO } = require('../../../dist/src/plugins/cif-sync/server/src/services/published-entries');
    const postgresDate = require('pg').types.getTypeParser(1114, 'text');
    const viaDate = (text: string) => {
      const date = postgresDate(text);
      return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
    };
    const samples = [
      '2026-11-26 11:13:20', '2026-11-26 11:13:20.1', '2026-11-26 11:13:20.57', '2026-11-26 11:13:20.999999',
      '2026-01-01 00:00:00.000001', '1999-12-31 23:59:59.5', '2024-02-29 12:00:00.057', '0099-03-01 10:00:00',
      '0001-01-01 00:00:00 BC', '12026-01-01 00:00:00', 'infinity', '-infinity',
    ];
    for (let i = 0; i < 2000; i++) {
      const at = new Date(Date.UTC(1970 + (i % 80), i % 12, 1 + (i % 28), i % 24, i % 60, (i * 7) % 60));
      const fraction = String(Math.floor(Math.random() * 1e6)).padStart(6, '0').slice(0, 1 + (i % 6));
      samples.push(`${at.toISOString().slice(0, 19).replace('T', ' ')}.${fraction}`);
    }
    for (const text of samples) expect([text, timestampToISO(text)]).toEqual([text, viaDate(text)]);
  });
});

describe('paging', () => {
  it('since=0 pages through everything; the same cursor gives the same rows', async () => {
    for (let i = 0; i < 3; i++) await publishedDocument(NOTE, fixtures.pressNote());
    const all = await changesSince(cif, 0);
    const cursors = all.map((i) => i.cursor);
    expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
    expect(new Set(cursors).size).toBe(cursors.length);

    const paged: number[] = [];
    let since = 0;
    for (;;) {
      const res = await http().get('/api/cif-sync/changes').set(bearer(cif)).query({ since, limit: 2 });
      const again = await http().get('/api/cif-sync/changes').set(bearer(cif)).query({ since, limit: 2 });
      expect(again.body).toEqual(res.body);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      paged.push(...res.body.data.map((i: any) => i.cursor));
      since = res.body.meta.nextCursor;
      if (!res.body.meta.hasMore) break;
    }
    expect(paged).toEqual(cursors);
    const end = await http().get('/api/cif-sync/changes').set(bearer(cif)).query({ since });
    expect(end.body).toEqual({ data: [], meta: { nextCursor: since, hasMore: false } });
  });
});

describe('refusals', () => {
  it.each([
    [{ since: '-1' }, 'INVALID_CURSOR'],
    [{ since: 'abc' }, 'INVALID_CURSOR'],
    [{ since: '1.5' }, 'INVALID_CURSOR'],
    [{ limit: '0' }, 'INVALID_LIMIT'],
    [{ limit: '1001' }, 'INVALID_LIMIT'],
    [{ limit: 'x' }, 'INVALID_LIMIT'],
    [{ locale: 'xx' }, 'INVALID_LOCALE'],
    [{ cursor: '3' }, 'INVALID_PARAMETER'],
  ])('%j → 400 %s', async (query, code) => {
    const res = await http().get('/api/cif-sync/changes').set(bearer(cif)).query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe(code);
    expect(res.body.error.message).toMatch(/[áéíóú«]|cursor|límite|idioma/);
  });

  it('without the cif token: 403 (public, website token) or 401 (wrong token)', async () => {
    expect((await http().get('/api/cif-sync/changes')).status).toBe(403);
    expect((await http().get('/api/cif-sync/changes').set(bearer(website))).status).toBe(403);
    const wrong = await http().get('/api/cif-sync/changes').set(bearer('not-a-token'));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.details.code).toBe('UNAUTHORIZED');
  });
});
