// The OpenAPI document describes the real responses: live answers of every
// public list and detail (default populate), the CIF feed and errors are
// validated against it with ajv.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { bearer, http, projectToken } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
let spec: any;
const docs: Record<string, any> = {};

const validate = (schemaName: string, body: unknown) => {
  const check = ajv.getSchema(`openapi#/components/schemas/${schemaName}`)!;
  const ok = check(body);
  if (!ok) throw new Error(`${schemaName}: ${ajv.errorsText(check.errors)}\n${JSON.stringify(body).slice(0, 2000)}`);
};

beforeAll(async () => {
  const res = await http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  spec = res.body;
  ajv.addSchema(spec, 'openapi');

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

it('is an OpenAPI 3.1 document with every public read, the feeds and the CIF feed', () => {
  expect(spec.openapi).toBe('3.1.0');
  for (const path of ['/api/press-notes', '/api/press-notes/{documentId}', '/api/norms', '/api/ceremonies/{documentId}', '/api/cif-sync/changes', '/api/feeds/press-notes.{format}']) {
    expect(spec.paths[path]).toBeDefined();
  }
});

describe.each([
  ['press-notes', 'PressNote', 'note'],
  ['norms', 'Norm', 'norm'],
  ['ceremonies', 'Ceremony', 'ceremony'],
  ['transparency-pages', 'TransparencyPage', 'page'],
  ['broadcast-programs', 'BroadcastProgram', 'program'],
  ['media-archive-items', 'MediaArchiveItem', 'item'],
])('%s', (plural, schema, key) => {
  it('list and detail match the document', async () => {
    const list = await http().get(`/api/${plural}`);
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    validate(`${schema}ListResponse`, list.body);
    const one = await http().get(`/api/${plural}/${docs[key].documentId}`);
    expect(one.status).toBe(200);
    validate(`${schema}Response`, one.body);
  });
});

it('the document is strict: an unexpected field fails validation', async () => {
  const one = await http().get(`/api/press-notes/${docs.note.documentId}`);
  expect(one.body.data.cover.url).toBeDefined();
  expect(one.body.data.seo.shareImage.url).toBeDefined();
  expect(() => validate('PressNoteResponse', { ...one.body, data: { ...one.body.data, secret: 1 } })).toThrow(/additional/);
});

it('the CIF feed and error answers match the document', async () => {
  const cif = await projectToken('cif');
  const feed = await http().get('/api/cif-sync/changes').set(bearer(cif)).query({ since: 0, limit: 1000 });
  expect(feed.body.data.some((i: any) => i.entry)).toBe(true);
  validate('CifChangesResponse', feed.body);
  const bad = await http().get('/api/cif-sync/changes').set(bearer(cif)).query({ limit: 0 });
  validate('Error', bad.body);
  validate('Error', (await http().get('/api/press-notes/nope')).body);
});
