// Every content type: created through the document service and through REST,
// read back through both.
import { app, bearer, createApiToken, http } from '../helpers/app';
import { fixtures, suffix, uploadTestImage } from '../helpers/fixtures';
import { approveAndPublish, isGated } from '../helpers/approval';

let fullAccess: string;
beforeAll(async () => {
  fullAccess = await createApiToken('full-access');
});

const CASES: Array<{ uid: string; plural: string; build: () => Promise<Record<string, unknown>> | Record<string, unknown>; key: string }> = [
  { uid: 'api::press-note.press-note', plural: 'press-notes', build: fixtures.pressNote, key: 'title' },
  { uid: 'api::broadcast-program.broadcast-program', plural: 'broadcast-programs', build: fixtures.broadcastProgram, key: 'name' },
  { uid: 'api::norm.norm', plural: 'norms', build: fixtures.norm, key: 'number' },
  { uid: 'api::institution.institution', plural: 'institutions', build: fixtures.institution, key: 'name' },
  { uid: 'api::protocol-contact.protocol-contact', plural: 'protocol-contacts', build: () => fixtures.contact(), key: 'familyName' },
  { uid: 'api::ceremony.ceremony', plural: 'ceremonies', build: () => fixtures.ceremony(true), key: 'title' },
  { uid: 'api::municipal-body.municipal-body', plural: 'municipal-bodies', build: fixtures.municipalBody, key: 'name' },
  { uid: 'api::transparency-page.transparency-page', plural: 'transparency-pages', build: fixtures.transparencyPage, key: 'title' },
  {
    uid: 'api::media-archive-item.media-archive-item',
    plural: 'media-archive-items',
    build: async () => ({ kind: 'photo', title: `Foto ${suffix()}`, rights: 'own', isPublic: true, file: (await uploadTestImage()).id }),
    key: 'title',
  },
];

describe.each(CASES)('$uid', ({ uid, plural, build, key }) => {
  it('is created and read through the document service', async () => {
    const data = await build();
    const created = await app().documents(uid as any).create({ data } as any);
    const found = await app().documents(uid as any).findOne({ documentId: created.documentId } as any);
    expect(found?.[key]).toBe(data[key]);
  });

  it('is created and read through REST with a full-access token', async () => {
    const data = await build();
    // REST creates published documents by default; a gated type is created as a draft and goes through approval.
    const created = await http().post(`/api/${plural}`).query(isGated(uid) ? { status: 'draft' } : {}).set(bearer(fullAccess)).send({ data });
    expect(created.status).toBe(201);
    expect(created.body.data[key]).toBe(data[key]);
    if (isGated(uid)) await approveAndPublish(uid, created.body.data.documentId);

    const read = await http().get(`/api/${plural}/${created.body.data.documentId}`).set(bearer(fullAccess));
    expect(read.status).toBe(200);
    expect(read.body.data[key]).toBe(data[key]);
  });
});

describe('relations and components', () => {
  it('links a press note to norms and ceremonies and a contact to its institution', async () => {
    const norm = await app().documents('api::norm.norm').create({ data: fixtures.norm() } as any);
    const ceremony = await app().documents('api::ceremony.ceremony').create({ data: fixtures.ceremony(true) } as any);
    const note = await app()
      .documents('api::press-note.press-note')
      .create({ data: { ...fixtures.pressNote(), relatedNorms: [norm.documentId], relatedCeremonies: [ceremony.documentId] } } as any);
    const found: any = await app()
      .documents('api::press-note.press-note')
      .findOne({ documentId: note.documentId, populate: ['relatedNorms', 'relatedCeremonies'] } as any);
    expect(found.relatedNorms.map((n: any) => n.documentId)).toEqual([norm.documentId]);
    expect(found.relatedCeremonies.map((c: any) => c.documentId)).toEqual([ceremony.documentId]);

    const institution = await app().documents('api::institution.institution').create({ data: fixtures.institution() } as any);
    const contact = await app()
      .documents('api::protocol-contact.protocol-contact')
      .create({ data: fixtures.contact(institution.documentId) } as any);
    const withInstitution: any = await app()
      .documents('api::protocol-contact.protocol-contact')
      .findOne({ documentId: contact.documentId, populate: ['institution', 'consent'] } as any);
    expect(withInstitution.institution.documentId).toBe(institution.documentId);
    expect(withInstitution.consent.purpose).toBe('Directorio protocolar');
  });

  it('stores a norm gazette publication with a well-formed gazette ID', async () => {
    const data = {
      ...fixtures.norm(),
      legalStatus: 'in-force',
      gazettePublication: { outlet: 'Diario Correo Sur', channel: 'diario-judicial', editionDate: '2026-03-05', gazetteId: '1835431-1', page: '12' },
      effectiveFrom: '2026-03-06',
    };
    const norm: any = await app().documents('api::norm.norm').create({ data, populate: ['gazettePublication'] } as any);
    expect(norm.gazettePublication.gazetteId).toBe('1835431-1');
  });
});
