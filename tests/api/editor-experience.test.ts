// What editors see and type: Spanish field labels, and tags kept tidy on every write path.
import { app, adminWithRole, bearer, contentManager, createApiToken, http } from '../helpers/app';
import { fixtures, uploadTestImage } from '../helpers/fixtures';

describe('field labels in the content manager', () => {
  it('are in Spanish, and a label edited in the admin is kept on the next start', async () => {
    const gerente = await adminWithRole('gerente-comunicaciones');
    const uid = 'api::protocol-contact.protocol-contact';
    const res = await http().get(`/content-manager/content-types/${uid}/configuration`).set(bearer(gerente.token));
    expect(res.status).toBe(200);
    const metadatas = res.body.data.contentType.metadatas;
    expect(metadatas.givenName.edit.label).toBe('Nombres');
    expect(metadatas.personalPhone.list.label).toBe('Teléfono personal (reservado)');

    const service = app().plugin('content-manager').service('content-types');
    const model = app().contentTypes[uid];
    const configuration = await service.findConfiguration(model);
    configuration.metadatas.givenName.edit.label = 'Nombre de pila';
    await service.updateConfiguration(model, configuration);
    const { ensureFieldLabels } = require('../../dist/src/bootstrap/field-labels');
    await ensureFieldLabels(app());
    expect((await service.findConfiguration(model)).metadatas.givenName.edit.label).toBe('Nombre de pila');
  });
});

describe('tags', () => {
  it('are trimmed, lowercased and de-duplicated on REST, the admin and the document service', async () => {
    const token = await createApiToken('full-access');
    const rest = await http()
      .post('/api/press-notes')
      .query({ status: 'draft' }) // gated type: REST would otherwise publish, which needs an approval
      .set(bearer(token))
      .send({ data: { ...fixtures.pressNote(), tags: [' Frontera ', 'frontera', 'Salud'] } });
    expect(rest.status).toBe(201);
    expect(rest.body.data.tags).toEqual(['frontera', 'salud']);

    const redactor = await adminWithRole('redactor');
    const admin = await contentManager(redactor, 'api::press-note.press-note').create({ ...fixtures.pressNote(), tags: ['Turismo', 'TURISMO'] });
    expect(admin.status).toBe(201);
    expect(admin.body.data.tags).toEqual(['turismo']);

    const doc: any = await app()
      .documents('api::media-archive-item.media-archive-item')
      .create({ data: { kind: 'photo', title: 'Foto', rights: 'own', isPublic: false, file: (await uploadTestImage()).id, tags: ['Archivo '] } } as any);
    expect(doc.tags).toEqual(['archivo']);
  });

  it.each([
    ['not a list', 'frontera, salud', /lista de palabras/],
    ['too many', Array.from({ length: 21 }, (_, i) => `t${i}`), /como máximo 20/],
    ['too long', ['x'.repeat(41)], /supera los 40/],
  ])('refuses tags that are %s, writing nothing', async (_label, tags, message) => {
    const token = await createApiToken('full-access');
    const before = await app().db.query('api::press-note.press-note').count();
    const res = await http().post('/api/press-notes').query({ status: 'draft' }).set(bearer(token)).send({ data: { ...fixtures.pressNote(), tags } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(message);
    expect(await app().db.query('api::press-note.press-note').count()).toBe(before);
  });
});
