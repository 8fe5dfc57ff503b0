// Bad input answers 400 with a Spanish message and a stable code, and writes nothing.
import { app, adminWithRole, bearer, contentManager, createApiToken, http } from '../helpers/app';
import { fixtures } from '../helpers/fixtures';
import { isGated } from '../helpers/approval';

let fullAccess: string;
beforeAll(async () => {
  fullAccess = await createApiToken('full-access');
});

const count = (uid: string) => app().db.query(uid as any).count();

const BAD_INPUTS: Array<[string, string, string, () => Record<string, unknown>, RegExp]> = [
  ['a bad enumeration value', 'norms', 'api::norm.norm', () => ({ ...fixtures.norm(), normType: 'edicto' }), /normType.*no es válido/],
  ['a missing required field', 'norms', 'api::norm.norm', () => ({ ...fixtures.norm(), title: undefined }), /«title» es obligatorio/],
  [
    'a malformed gazette ID',
    'norms',
    'api::norm.norm',
    () => ({ ...fixtures.norm(), gazettePublication: { outlet: 'El Peruano', channel: 'el-peruano', editionDate: '2026-01-02', gazetteId: '1835431' } }),
    /gazetteId.*formato/,
  ],
  ['a malformed e-mail', 'institutions', 'api::institution.institution', () => ({ ...fixtures.institution(), institutionalEmail: 'no-es-correo' }), /correo electrónico válido/],
  ['a malformed phone', 'protocol-contacts', 'api::protocol-contact.protocol-contact', () => ({ ...fixtures.contact(), personalPhone: 'llamar al 952' }), /personalPhone.*formato/],
  ['a too long title', 'press-notes', 'api::press-note.press-note', () => ({ ...fixtures.pressNote(), title: 'x'.repeat(201) }), /como máximo 200/],
];

describe.each(BAD_INPUTS)('REST with %s', (_label, plural, uid, build, message) => {
  it('answers 400 in Spanish with VALIDATION_ERROR and writes nothing', async () => {
    const before = await count(uid);
    // Gated types (approval workflow) can only be created as drafts: REST publishes by default.
    const res = await http().post(`/api/${plural}`).query(isGated(uid) ? { status: 'draft' } : {}).set(bearer(fullAccess)).send({ data: build() });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(message);
    expect(await count(uid)).toBe(before);
  });
});

describe('the admin content manager', () => {
  it('refuses a bad enumeration with a Spanish message and writes nothing', async () => {
    const gerente = await adminWithRole('gerente-comunicaciones');
    const before = await count('api::ceremony.ceremony');
    const res = await contentManager(gerente, 'api::ceremony.ceremony').create({ ...fixtures.ceremony(true), kind: 'fiesta' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/kind.*no es válido/);
    expect(await count('api::ceremony.ceremony')).toBe(before);
  });
});

describe('the document service', () => {
  it('rejects a bad enumeration and writes nothing', async () => {
    const before = await count('api::transparency-page.transparency-page');
    await expect(
      app().documents('api::transparency-page.transparency-page').create({ data: { ...fixtures.transparencyPage(), pteSection: 'otros' } } as any)
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await count('api::transparency-page.transparency-page')).toBe(before);
  });

  it('rejects a published document with a missing required field', async () => {
    const before = await count('api::norm.norm');
    await expect(
      app().documents('api::norm.norm').create({ data: { ...fixtures.norm(), issuedBy: undefined }, status: 'published' } as any)
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await count('api::norm.norm')).toBe(before);
  });
});

describe('query validation', () => {
  it('answers 400 with a stable code to an unknown query parameter', async () => {
    const res = await http().get('/api/press-notes').query({ foo: 'bar' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_ERROR');
  });
});
