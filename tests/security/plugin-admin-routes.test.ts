// The admin routes of the office's plugins and of the archive, attacked from outside:
// - generated from the route table: every one declares isAuthenticatedAdmin + hasPermissions,
//   and refuses a stranger, a forged token and a Content API token;
// - the routes the admin pages added (ceremony notices, CIF status, archive import and
//   near-duplicates): a lower role is refused, malformed requests get a 4xx with a stable
//   code and change nothing, and the role that may use them gets its answer.
import crypto from 'crypto';
import { adminWithRole, app, createApiToken, http, type AdminSession } from '../helpers/app';
import { photo } from '../archive/files';

const ARCHIVE = 'api::media-archive-item.media-archive-item';
const CEREMONY = 'api::ceremony.ceremony';
const PLUGINS = ['approval-workflow', 'diario-oficial', 'protocol', 'cif-sync', 'dissemination'];

type Route = { method: string; path: string; config?: { policies?: unknown[] } };

/** Every admin route of the office's plugins (prefixed by the plugin) and the archive's (src/archive/admin.ts). */
function adminRoutes(): Array<Route & { url: string }> {
  const strapi = app();
  const fromPlugins = PLUGINS.flatMap((name) => {
    const routes = (strapi.plugin(name).routes as any)?.admin?.routes ?? [];
    return (routes as Route[]).map((route) => ({ ...route, url: `/${name}${route.path}` }));
  });
  const { ADMIN_ROUTES } = require('../../dist/src/archive/admin');
  const archive = [...(ADMIN_ROUTES as Route[]), { method: 'GET', path: '/media-archive/items/:documentId/original', config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions' }] } }];
  return [...fromPlugins, ...archive.map((route) => ({ ...route, url: route.path }))];
}

/** A request to the route with its parameters filled in. */
const call = (route: { method: string; url: string }, token?: string) => {
  const url = route.url.replace(/:([a-zA-Z]+)/g, (_, name) => (name === 'uid' ? 'api::press-note.press-note' : name === 'action' ? 'submit' : 'abcdefghijklmnopqrstuvwx'));
  const req = (http() as any)[route.method.toLowerCase()](url);
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};

describe('every admin route of the plugins and the archive', () => {
  const routes = adminRoutes();

  test('there are routes to attack', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  test('each declares admin::isAuthenticatedAdmin and admin::hasPermissions', () => {
    const unguarded = routes.filter(({ config }) => {
      const names = (config?.policies ?? []).map((p: any) => (typeof p === 'string' ? p : p.name));
      return !names.includes('admin::isAuthenticatedAdmin') || !names.includes('admin::hasPermissions');
    });
    expect(unguarded.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  test('a stranger, a forged admin token and a Content API token are refused (401) by every one', async () => {
    const forged = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"id":1,"type":"access"}').toString('base64url')}.${crypto.randomBytes(16).toString('base64url')}`;
    const apiToken = await createApiToken('full-access');
    const answers: string[] = [];
    for (const route of routes) {
      for (const [caller, token] of [['stranger', undefined], ['forged', forged], ['api-token', apiToken]] as const) {
        const res = await call(route, token);
        if (res.status !== 401) answers.push(`${caller} ${route.method} ${route.url} → ${res.status}`);
      }
    }
    expect(answers).toEqual([]);
  });
});

describe('the routes of the admin pages', () => {
  let protocolo: AdminSession;
  let gerente: AdminSession;
  let redactor: AdminSession;
  let archivo: AdminSession;
  let normas: AdminSession;
  let ceremonyId: string;

  beforeAll(async () => {
    [protocolo, gerente, redactor, archivo, normas] = await Promise.all(['protocolo', 'gerente-comunicaciones', 'redactor', 'archivo', 'normas'].map(adminWithRole));
    const ceremony = await app().documents(CEREMONY).create({
      data: { title: 'Izamiento dominical del Pabellón Nacional', slug: `izamiento-${Date.now()}`, kind: 'civic', startsAt: '2026-12-13T13:00:00.000Z', venue: 'Plaza de Armas' },
      locale: 'es-PE',
    } as any);
    ceremonyId = ceremony.documentId;
  });

  const get = (session: AdminSession | undefined, url: string) => (session ? http().get(url).set('Authorization', `Bearer ${session.token}`) : http().get(url));

  test('ceremony notices: Protocolo and the Gerente read them; other roles are refused; bad and unknown ids are 4xx', async () => {
    for (const session of [protocolo, gerente]) {
      const res = await get(session, `/protocol/ceremonies/${ceremonyId}/notices`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
    for (const session of [redactor, archivo, normas]) expect((await get(session, `/protocol/ceremonies/${ceremonyId}/notices`)).status).toBe(403);
    const unknown = await get(protocolo, '/protocol/ceremonies/abcdefghijklmnopqrstuvwx/notices');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.code).toBe('CEREMONY_NOT_FOUND');
    for (const bad of ['ABC%20DEF', "x'%20OR%201=1", '%2e%2e', 'a'.repeat(65)]) {
      const res = await get(protocolo, `/protocol/ceremonies/${bad}/notices`);
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.error.message).toMatch(/[áéíóúñ]|no válido/i);
    }
  });

  test('CIF status: the Gerente reads it, without webhook URLs’ query strings; other roles are refused', async () => {
    const res = await get(gerente, '/cif-sync/status');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(expect.objectContaining({ feed: expect.objectContaining({ head: expect.any(Number) }), deliveries: expect.objectContaining({ counts: expect.any(Object) }) }));
    expect(JSON.stringify(res.body)).not.toMatch(/\?[^"]*=/);
    for (const session of [protocolo, redactor, archivo, normas]) expect((await get(session, '/cif-sync/status')).status).toBe(403);
  });

  describe('archive import and near-duplicates', () => {
    const ingest = (session: AdminSession, file?: { buffer: Buffer; name: string }, data?: unknown) => {
      const req = http().post('/media-archive/items/ingest').set('Authorization', `Bearer ${session.token}`);
      if (data !== undefined) req.field('data', typeof data === 'string' ? data : JSON.stringify(data));
      if (file) req.attach('file', file.buffer, file.name);
      return req;
    };
    const counts = async () => ({ items: await app().db.query(ARCHIVE).count(), files: await app().db.query('plugin::upload.file').count() });

    test('roles that cannot create archive items are refused, and nothing is stored', async () => {
      const jpeg = await photo(9101);
      const before = await counts();
      for (const session of [protocolo, normas]) expect((await ingest(session, { buffer: jpeg, name: 'foto.jpg' }, { kind: 'photo' })).status).toBe(403);
      expect(await counts()).toEqual(before);
    });

    test('malformed imports get a 400 with a stable code and leave no item and no upload', async () => {
      const jpeg = await photo(9102);
      const before = await counts();
      const cases: Array<[string, () => any, string]> = [
        ['no file', () => ingest(archivo, undefined, { kind: 'photo' }), 'FILE_REQUIRED'],
        ['data not JSON', () => ingest(archivo, { buffer: jpeg, name: 'foto.jpg' }, '{kind: photo'), 'VALIDATION_ERROR'],
        ['unknown kind', () => ingest(archivo, { buffer: jpeg, name: 'foto.jpg' }, { kind: 'painting' }), 'VALIDATION_ERROR'],
        ['no kind', () => ingest(archivo, { buffer: jpeg, name: 'foto.jpg' }, { title: 'Sin tipo' }), 'VALIDATION_ERROR'],
        ['a derived field', () => ingest(archivo, { buffer: jpeg, name: 'foto.jpg' }, { kind: 'photo', sha256: '0'.repeat(64) }), 'VALIDATION_ERROR'],
        ['a relation smuggled in', () => ingest(archivo, { buffer: jpeg, name: 'foto.jpg' }, { kind: 'photo', ceremony: { connect: ['x'] } }), 'VALIDATION_ERROR'],
        ['text sent as a photo', () => ingest(archivo, { buffer: Buffer.from('<script>alert(1)</script>'), name: 'foto.jpg' }, { kind: 'photo' }), 'INVALID_FILE_TYPE'],
        ['too many tags', () => ingest(archivo, { buffer: jpeg, name: 'foto.jpg' }, { kind: 'photo', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 'VALIDATION_ERROR'],
      ];
      for (const [name, send, code] of cases) {
        const res = await send();
        expect([name, res.status, res.body.error?.details?.code]).toEqual([name, 400, code]);
        expect(typeof res.body.error.message).toBe('string');
      }
      expect(await counts()).toEqual(before);
    });

    test('Archivo imports a photo; the same bytes again are a 409 naming the item; near-duplicates are listed with their distance', async () => {
      const jpeg = await photo(9103);
      const created = await ingest(archivo, { buffer: jpeg, name: 'plaza-de-armas.jpg' }, { kind: 'photo', credit: 'Imagen Institucional', tags: 'plaza, bandera' });
      expect(created.status).toBe(201);
      expect(created.body.data).toEqual(expect.objectContaining({ kind: 'photo', title: 'plaza-de-armas', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
      expect(created.body.meta.similar).toEqual([]);
      const item = await app().db.query(ARCHIVE).findOne({ where: { documentId: created.body.data.documentId } });
      expect(item.tags).toEqual(['plaza', 'bandera']);

      const again = await ingest(gerente, { buffer: jpeg, name: 'copia.jpg' }, { kind: 'photo' });
      expect(again.status).toBe(409);
      expect(again.body.error.details).toEqual(expect.objectContaining({ code: 'DUPLICATE_FILE', existing: expect.objectContaining({ documentId: created.body.data.documentId }) }));

      const sharp = require('sharp');
      const resized = await sharp(jpeg).resize(600).jpeg({ quality: 80 }).toBuffer();
      const near = await ingest(archivo, { buffer: resized, name: 'plaza-de-armas-web.jpg' }, { kind: 'photo' });
      expect(near.status).toBe(201);
      expect(near.body.meta.similar).toEqual([expect.objectContaining({ documentId: created.body.data.documentId, distance: expect.any(Number) })]);

      const similar = await get(redactor, `/media-archive/items/${created.body.data.documentId}/similar`);
      expect(similar.status).toBe(200);
      expect(similar.body.data.map((i: any) => i.documentId)).toEqual([near.body.data.documentId]);
    });

    test('near-duplicates: other roles are refused; bad distances and ids are 4xx', async () => {
      const [item] = await app().db.query(ARCHIVE).findMany({ limit: 1 });
      for (const session of [protocolo, normas]) expect((await get(session, `/media-archive/items/${item.documentId}/similar`)).status).toBe(403);
      for (const bad of ['abc', '-1', '25', '1.5', '1e3']) {
        const res = await get(archivo, `/media-archive/items/${item.documentId}/similar?maxDistance=${bad}`);
        expect([bad, res.status, res.body.error?.details?.code]).toEqual([bad, 400, 'VALIDATION_ERROR']);
      }
      expect((await get(archivo, '/media-archive/items/abcdefghijklmnopqrstuvwx/similar')).status).toBe(404);
      expect((await get(archivo, '/media-archive/items/NOT%20AN%20ID/similar')).status).toBe(400);
    });
  });
});
