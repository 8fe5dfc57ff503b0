// The documentation plugin's document describes the real responses: it is read
// from the plugin's Swagger UI page of the running instance, validated as OpenAPI
// 3.0 by @apidevtools/swagger-parser, and live answers of every public list and
// detail (default populate and every documented `populate`), the slug lookup, the
// archive search, the feeds, the CIF feed, the sitemap and errors are validated
// against the schema the document gives for that path and status, with ajv.
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { adminWithRole, bearer, http, app, projectToken, type AdminSession } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { documentationFile } from '../../src/delivery/openapi';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
let spec: any;
const docs: Record<string, any> = {};

/** OpenAPI 3.0 schema objects are not JSON Schema: `nullable: true` means "or null". */
function toJsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node;
  const out: any = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toJsonSchema(v)]));
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Validates `body` against the document's schema for GET `path` answering `status` as `type`. */
function validate(path: string, body: unknown, status = 200, type = 'application/json') {
  const pointer = ['paths', path, 'get', 'responses', String(status), 'content', type, 'schema']
    .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  const check = ajv.getSchema(`openapi#/${pointer}`);
  if (!check) throw new Error(`The document has no schema for GET ${path} ${status} ${type}`);
  if (!check(body)) throw new Error(`GET ${path} ${status}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(body).slice(0, 2000)}`);
}

/** The document the plugin inlines in its Swagger UI page (it has no JSON route of its own). */
async function swaggerUiDocument() {
  const page = await http().get('/documentation');
  expect(page.status).toBe(200);
  const inlined = page.text.match(/spec: (\{.*\}),\n/);
  if (!inlined) throw new Error('No document inlined in /documentation');
  return { page, document: JSON.parse(inlined[1]) };
}

beforeAll(async () => {
  spec = (await swaggerUiDocument()).document;
  ajv.addSchema(toJsonSchema(spec), 'openapi');

  const image = await uploadTestImage();
  const institution = await publishedDocument('api::institution.institution', fixtures.institution());
  const contact = await publishedDocument('api::protocol-contact.protocol-contact', fixtures.contact(institution.documentId));
  docs.item = await publishedDocument('api::media-archive-item.media-archive-item', {
    kind: 'photo', title: 'Foto del izamiento', rights: 'own', isPublic: true, file: image.id,
    source: { outlet: 'Diario La Frontera', section: 'Local', page: '3', date: '2026-03-02' },
  });
  docs.ceremony = await publishedDocument('api::ceremony.ceremony', {
    ...fixtures.ceremony(true), host: contact.documentId, archiveItems: [docs.item.documentId],
    programme: [{ time: '10:00:00.000', activity: 'Izamiento del pabellón', responsible: 'Protocolo' }],
    invitees: [{ contact: contact.documentId, rsvp: 'confirmed' }],
  });
  docs.norm = await publishedDocument('api::norm.norm', {
    ...fixtures.norm(), bodyFile: image.id,
    gazettePublication: { channel: 'el-peruano', outlet: 'Diario Oficial El Peruano', editionDate: '2026-03-05', page: '12' },
  });
  docs.note = await publishedDocument('api::press-note.press-note', {
    ...fixtures.pressNote(), cover: image.id, gallery: [image.id],
    seo: { metaTitle: 'Nota', metaDescription: 'Descripción', shareImage: image.id },
    pressContact: { name: 'Oficina de prensa', email: 'prensa@municipalidad.test' },
    relatedNorms: [docs.norm.documentId], relatedCeremonies: [docs.ceremony.documentId],
  });
  docs.page = await publishedDocument('api::transparency-page.transparency-page', { ...fixtures.transparencyPage(), attachments: [image.id] });
  docs.program = await publishedDocument('api::broadcast-program.broadcast-program', {
    ...fixtures.broadcastProgram(), spots: [{ title: 'Spot de vacunación', durationSeconds: 30 }],
  });
});

describe('the documentation plugin', () => {
  it('serves an OpenAPI 3.0 document of the public API only, in Swagger UI and as JSON', async () => {
    expect(spec.openapi).toBe('3.0.3');
    expect(spec.info.title).toMatch(/API pública/);
    for (const path of ['/press-notes', '/press-notes/{documentId}', '/norms', '/ceremonies/{documentId}', '/media-archive-items/search', '/cif-sync/changes', '/feeds/press-notes.{format}', '/feeds/ceremonies.ics']) {
      expect(spec.paths[path]?.get).toBeDefined();
    }
    // Nothing generated by the plugin: no private types, no writes, no users-permissions or upload.
    const operations = Object.values<any>(spec.paths).flatMap((item) => Object.keys(item).filter((key) => key !== 'servers'));
    expect(new Set(operations)).toEqual(new Set(['get']));
    expect(Object.keys(spec.paths).filter((p) => /contact|institution|precedence|municipal-bod|auth|users|upload|similar/.test(p))).toEqual([]);
    expect(spec.security).toBeUndefined();

    const alias = await http().get('/api/openapi.json');
    expect(alias.status).toBe(200);
    expect(alias.body).toEqual(spec);
  });

  it('is a valid OpenAPI 3.0 document for swagger-parser (schema and every $ref)', async () => {
    const api: any = await SwaggerParser.validate(structuredClone(spec));
    expect(api.openapi).toBe('3.0.3');
    // The root routes say so, the others live under /api.
    expect(spec.paths['/sitemap.xml'].servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(spec.servers).toEqual([expect.objectContaining({ url: '/api' })]);
  });

  it('Swagger UI loads under the security headers: inline script allowed there, bundle served', async () => {
    const { page } = await swaggerUiDocument();
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'unsafe-inline'/);
    const bundle = await http().get('/plugins/documentation/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
  });

  it('writes the same bytes at every generation, and the committed document is current', async () => {
    const file = documentationFile(app());
    const before = readFileSync(file, 'utf8');
    await app().plugin('documentation').service('documentation').generateFullDoc();
    expect(readFileSync(file, 'utf8')).toBe(before);
    const changed = execFileSync('git', ['status', '--porcelain', '--', file], { encoding: 'utf8' });
    if (changed) throw new Error(`${file} differs from the committed one: the API changed, commit the regenerated document.\n${changed}`);
  });

  describe('admin', () => {
    let admin: AdminSession;
    beforeAll(async () => {
      admin = await adminWithRole('strapi-super-admin');
    });

    it('the Documentation page lists the generated version', async () => {
      const infos = await http().get('/documentation/getInfos').set(bearer(admin.token));
      expect(infos.status).toBe(200);
      expect(infos.body).toMatchObject({ currentVersion: '1.0.0', documentationAccess: { restrictedAccess: false } });
      expect(infos.body.docVersions).toEqual([expect.objectContaining({ version: '1.0.0', generatedDate: spec.info['x-generation-date'] })]);
    });

    it('restricted access closes Swagger UI and the JSON alike', async () => {
      const settings = (restrictedAccess: boolean) =>
        http().put('/documentation/updateSettings').set(bearer(admin.token)).send(restrictedAccess ? { restrictedAccess, password: 'Clave-Docs-2026' } : { restrictedAccess });
      expect((await settings(true)).status).toBe(200);
      try {
        const ui = await http().get('/documentation');
        expect(ui.status).toBe(302);
        expect(ui.headers.location).toMatch(/\/documentation\/login$/);
        // A query the response cache has not seen: a cached copy lives up to 60 s (README).
        const json = await http().get('/api/openapi.json?after=restriction');
        expect(json.status).toBe(403);
        expect(json.body.error.details.code).toBe('DOCUMENTATION_RESTRICTED');
      } finally {
        expect((await settings(false)).status).toBe(200);
      }
    });
  });
});

/** The `populate` values the document offers for GET `path`. */
const documentedPopulate = (path: string): string[] =>
  spec.paths[path].get.parameters.find((p: any) => p.name === 'populate').schema.items.enum;

describe.each([
  ['press-notes', 'note'],
  ['norms', 'norm'],
  ['ceremonies', 'ceremony'],
  ['transparency-pages', 'page'],
  ['broadcast-programs', 'program'],
  ['media-archive-items', 'item'],
])('%s', (plural, key) => {
  it('list and detail match the document', async () => {
    const list = await http().get(`/api/${plural}`);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    validate(`/${plural}`, list.body);
    const one = await http().get(`/api/${plural}/${docs[key].documentId}`);
    expect(one.status).toBe(200);
    validate(`/${plural}/{documentId}`, one.body);
  });

  it('every documented populate, alone and all together, answers what the document says (a generated client accepts it)', async () => {
    for (const path of [`/${plural}`, `/${plural}/{documentId}`]) {
      const values = documentedPopulate(path);
      expect(values).toContain('*');
      const url = `/api${path.replace('{documentId}', docs[key].documentId)}`;
      for (const populate of [...values, values.filter((v) => v !== '*').join(',')].filter(Boolean)) {
        const res = await http().get(url).query({ populate });
        expect(res.status).toBe(200);
        validate(path, res.body);
        const entry = Array.isArray(res.body.data) ? res.body.data.find((d: any) => d.documentId === docs[key].documentId) ?? res.body.data[0] : res.body.data;
        // What was asked for is there (media and to-one relations may be null).
        for (const name of populate === '*' ? values.filter((v) => v !== '*') : populate.split(',')) expect(entry).toHaveProperty(name);
      }
    }
  });
});

it('the README\'s "norms in force" query matches the document', async () => {
  await app().documents('api::norm.norm').update({ documentId: docs.norm.documentId, locale: 'es-PE', data: { legalStatus: 'in-force' } } as any);
  await app().documents('api::norm.norm').publish({ documentId: docs.norm.documentId, locale: 'es-PE' } as any);
  const res = await http().get('/api/norms').query({ 'filters[legalStatus][$eq]': 'in-force', populate: 'gazettePublication' });
  expect(res.status).toBe(200);
  expect(res.body.data.find((n: any) => n.documentId === docs.norm.documentId)?.gazettePublication?.page).toBe('12');
  validate('/norms', res.body);
});

it('detail responses of press notes, ceremonies and norms carry their page metadata, as documented', async () => {
  for (const [plural, key, type] of [['press-notes', 'note', 'NewsArticle'], ['ceremonies', 'ceremony', 'Event'], ['norms', 'norm', 'Legislation']]) {
    const one = await http().get(`/api/${plural}/${docs[key].documentId}`);
    expect(one.body.meta.jsonLd['@type']).toBe(type);
    expect(one.body.meta.openGraph['og:title']).toBeTruthy();
    validate(`/${plural}/{documentId}`, one.body);
    // Whatever the request narrows, the page metadata is the same.
    const narrow = await http().get(`/api/${plural}/${docs[key].documentId}`).query({ 'fields[0]': 'title' });
    expect(narrow.body.meta).toEqual(one.body.meta);
  }
  const program = await http().get(`/api/broadcast-programs/${docs.program.documentId}`);
  expect(program.body.meta).toEqual({});
});

it('the slug lookup and the archive search match the document', async () => {
  const bySlug = await http().get('/api/press-notes').query({ 'filters[slug]': docs.note.slug, locale: 'es-PE' });
  expect(bySlug.body.data.map((n: any) => n.documentId)).toEqual([docs.note.documentId]);
  validate('/press-notes', bySlug.body);
  const search = await http().get('/api/media-archive-items/search').query({ q: 'izamiento' });
  expect(search.status).toBe(200);
  // Other suites (the seed) archive photos of an izamiento too: look for this suite's item.
  const found = search.body.data.find((item: any) => item.documentId === docs.item.documentId);
  expect(found?.ceremony?.documentId).toBe(docs.ceremony.documentId);
  validate('/media-archive-items/search', search.body);
});

it('the document is strict: an unexpected field fails validation', async () => {
  const one = await http().get(`/api/press-notes/${docs.note.documentId}`);
  expect(one.body.data.cover.url).toBeDefined();
  expect(one.body.data.seo.shareImage.url).toBeDefined();
  expect(() => validate('/press-notes/{documentId}', { ...one.body, data: { ...one.body.data, secret: 1 } })).toThrow(/additional/);
});

it('the feeds match the document', async () => {
  const json = await http().get('/api/feeds/press-notes.json');
  expect(json.status).toBe(200);
  expect(json.headers['content-type']).toMatch(/^application\/feed\+json/);
  const feed = JSON.parse(json.text);
  expect(feed.items.length).toBeGreaterThan(0);
  validate('/feeds/press-notes.{format}', feed, 200, 'application/feed+json');
  for (const [format, type] of [['rss', 'application/rss+xml'], ['atom', 'application/atom+xml']]) {
    const res = await http().get(`/api/feeds/press-notes.${format}`);
    expect(Object.keys(spec.paths['/feeds/press-notes.{format}'].get.responses[200].content)).toContain(type);
    expect(res.headers['content-type']).toMatch(new RegExp(`^${type.replace('+', '\\+')}`));
  }
  const bad = await http().get('/api/feeds/ceremonies.ics').query({ locale: 'xx' });
  validate('/feeds/ceremonies.ics', bad.body, 400);
  for (const [path, type] of [['/sitemap.xml', 'application/xml'], ['/robots.txt', 'text/plain']]) {
    const res = await http().get(path);
    expect(res.status).toBe(200);
    expect(Object.keys(spec.paths[path].get.responses[200].content)).toEqual([res.headers['content-type'].split(';')[0]]);
    expect(type).toBe(res.headers['content-type'].split(';')[0]);
  }
  validate('/sitemap-{part}.xml', (await http().get('/sitemap-999.xml')).body, 404);
  const ics = await http().get('/api/feeds/ceremonies.ics');
  expect(ics.status).toBe(200);
  expect(Object.keys(spec.paths['/feeds/ceremonies.ics'].get.responses[200].content)).toEqual([ics.headers['content-type'].split(';')[0]]);
  const unknown = await http().get('/api/feeds/press-notes.xml');
  validate('/feeds/press-notes.{format}', unknown.body, 404);
});

it('the CIF feed and error answers match the document', async () => {
  const cif = await projectToken('cif');
  const feed = await http().get('/api/cif-sync/changes').set(bearer(cif)).query({ since: 0, limit: 1000 });
  expect(feed.body.data.some((i: any) => i.entry)).toBe(true);
  validate('/cif-sync/changes', feed.body);
  const bad = await http().get('/api/cif-sync/changes').set(bearer(cif)).query({ limit: 0 });
  expect(bad.status).toBe(400);
  validate('/cif-sync/changes', bad.body, 400);
  const missing = await http().get('/api/press-notes/nope');
  expect(missing.status).toBe(404);
  validate('/press-notes/{documentId}', missing.body, 404);
});
