// No path publishes a gated document locale unless the Gerente approved exactly
// its current draft: the admin's Publish and bulk publish, REST with a full-access
// token, and the document service (publish, and create/update with status=published).
import { app, adminWithRole, bearer, contentManager, createApiToken, http, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { approvals } from '../../helpers/approval';

const NOTE = 'api::press-note.press-note';
const PROGRAM = 'api::broadcast-program.broadcast-program';

let redactor: AdminSession;
let gerente: AdminSession;
let fullAccess: string;

beforeAll(async () => {
  redactor = await adminWithRole('redactor');
  gerente = await adminWithRole('gerente-comunicaciones');
  fullAccess = await createApiToken('full-access');
});

const draftOf = (uid: string, documentId: string, locale?: string) => app().documents(uid as any).findOne({ documentId, locale, status: 'draft' } as any);
const publishedOf = (uid: string, documentId: string, locale?: string) =>
  app().documents(uid as any).findOne({ documentId, locale, status: 'published' } as any);

async function writtenByRedactor(uid = NOTE, data: object = uid === NOTE ? fixtures.pressNote() : fixtures.broadcastProgram()) {
  const res = await contentManager(redactor, uid).create(data);
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

async function approved(uid = NOTE) {
  const documentId = await writtenByRedactor(uid);
  expect((await approvals(redactor).act(uid, documentId, 'submit')).status).toBe(200);
  expect((await approvals(gerente).act(uid, documentId, 'approve')).status).toBe(200);
  return documentId;
}

const expectCode = (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body.error.details.code).toBe(code);
  expect(res.body.error.message).toMatch(/[áéíóúñ]|aprobación|publicar/);
};

describe('without approval', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = await writtenByRedactor();
  });

  it('the admin Publish button is refused (APPROVAL_REQUIRED, 403)', async () => {
    expectCode(await contentManager(gerente, NOTE).publish(documentId), 403, 'APPROVAL_REQUIRED');
    expect(await publishedOf(NOTE, documentId)).toBeNull();
  });

  it('save-and-publish from the admin is refused and does not save the edit either', async () => {
    const before = await draftOf(NOTE, documentId);
    expectCode(await contentManager(gerente, NOTE).publish(documentId, { ...fixtures.pressNote(), title: 'Cambiado al publicar' }), 403, 'APPROVAL_REQUIRED');
    expect((await draftOf(NOTE, documentId))?.title).toBe(before?.title);
  });

  it('bulk publish is refused as a whole', async () => {
    const other = await approved();
    const res = await http()
      .post(`/content-manager/collection-types/${NOTE}/actions/bulkPublish`)
      .set(bearer(gerente.token))
      .send({ documentIds: [other, documentId] });
    expectCode(res, 403, 'APPROVAL_REQUIRED');
    expect(await publishedOf(NOTE, documentId)).toBeNull();
    expect(await publishedOf(NOTE, other)).toBeNull(); // one transaction: the approved one is not published either
  });

  it('REST with a full-access token: POST and PUT (published by default) are refused and change nothing', async () => {
    const count = await app().db.query(NOTE).count();
    expectCode(await http().post('/api/press-notes').set(bearer(fullAccess)).send({ data: fixtures.pressNote() }), 403, 'APPROVAL_REQUIRED');
    expect(await app().db.query(NOTE).count()).toBe(count);

    const before = await draftOf(NOTE, documentId);
    const put = await http().put(`/api/press-notes/${documentId}`).set(bearer(fullAccess)).send({ data: { title: 'Cambiado por REST' } });
    expectCode(put, 403, 'APPROVAL_REQUIRED');
    expect((await draftOf(NOTE, documentId))?.title).toBe(before?.title);
    expect(await publishedOf(NOTE, documentId)).toBeNull();

    const programs = await http().post('/api/broadcast-programs').set(bearer(fullAccess)).send({ data: fixtures.broadcastProgram() });
    expectCode(programs, 403, 'APPROVAL_REQUIRED');
  });

  it('REST may still write drafts (status=draft)', async () => {
    const res = await http().put(`/api/press-notes/${documentId}`).query({ status: 'draft' }).set(bearer(fullAccess)).send({ data: { lead: 'Entradilla por REST.' } });
    expect(res.status).toBe(200);
    expect(await publishedOf(NOTE, documentId)).toBeNull();
  });

  it('the document service: publish, create and update with status=published are refused', async () => {
    const documents = app().documents(NOTE);
    await expect(documents.publish({ documentId } as any)).rejects.toMatchObject({ details: { code: 'APPROVAL_REQUIRED' } });
    await expect(documents.publish({ documentId, locale: '*' } as any)).rejects.toMatchObject({ details: { code: 'APPROVAL_REQUIRED' } });

    const count = await app().db.query(NOTE).count();
    await expect(documents.create({ data: fixtures.pressNote(), status: 'published' } as any)).rejects.toMatchObject({ details: { code: 'APPROVAL_REQUIRED' } });
    expect(await app().db.query(NOTE).count()).toBe(count);

    const before = await draftOf(NOTE, documentId);
    await expect(documents.update({ documentId, data: { title: 'Cambiado por código' }, status: 'published' } as any)).rejects.toMatchObject({
      details: { code: 'APPROVAL_REQUIRED' },
    });
    expect((await draftOf(NOTE, documentId))?.title).toBe(before?.title);
    expect(await publishedOf(NOTE, documentId)).toBeNull();
  });

  it('a submitted but not yet approved document is refused too', async () => {
    expect((await approvals(redactor).act(NOTE, documentId, 'submit')).status).toBe(200);
    expectCode(await contentManager(gerente, NOTE).publish(documentId), 403, 'APPROVAL_REQUIRED');
  });
});

describe('with approval', () => {
  it('the admin Publish button publishes, the public API serves it and the state becomes published', async () => {
    const documentId = await approved();
    const res = await contentManager(gerente, NOTE).publish(documentId);
    expect(res.status).toBe(200);
    const pub = await http().get(`/api/press-notes/${documentId}`);
    expect(pub.status).toBe(200);
    const status = await approvals(gerente).status(NOTE, documentId);
    expect(status.body.data.state).toBe('published');
    expect(status.body.data.history.map((e: any) => e.action)).toEqual(['submit', 'approve', 'publish']);
    expect(status.body.data.history[2].actorName).toBe('gerente-comunicaciones Prueba');
  });

  it('bulk publish publishes approved documents', async () => {
    const [a, b] = [await approved(), await approved()];
    const res = await http().post(`/content-manager/collection-types/${NOTE}/actions/bulkPublish`).set(bearer(gerente.token)).send({ documentIds: [a, b] });
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    expect(await publishedOf(NOTE, a)).not.toBeNull();
    expect(await publishedOf(NOTE, b)).not.toBeNull();
  });

  it('REST PUT (published) of the unchanged approved draft publishes; with a change it is refused and changes nothing', async () => {
    const documentId = await approved();
    const before = await draftOf(NOTE, documentId);
    const changed = await http().put(`/api/press-notes/${documentId}`).set(bearer(fullAccess)).send({ data: { title: 'Cambio de último minuto' } });
    expectCode(changed, 403, 'APPROVAL_REQUIRED');
    expect((await draftOf(NOTE, documentId))?.title).toBe(before?.title);
    expect((await approvals(gerente).status(NOTE, documentId)).body.data.state).toBe('approved');

    const same = await http().put(`/api/press-notes/${documentId}`).set(bearer(fullAccess)).send({ data: { title: before?.title } });
    expect(same.status).toBe(200);
    expect(await publishedOf(NOTE, documentId)).not.toBeNull();
  });

  it('document service update with status=published publishes an approved programme (non-localised type)', async () => {
    const documentId = await approved(PROGRAM);
    const draft: any = await draftOf(PROGRAM, documentId);
    const published: any = await app().documents(PROGRAM).update({ documentId, data: { name: draft.name }, status: 'published' } as any);
    expect(published.publishedAt).toBeTruthy();
    expect((await approvals(gerente).status(PROGRAM, documentId)).body.data.state).toBe('published');
  });

  it('each locale is approved on its own', async () => {
    const documentId = await approved();
    await app().documents(NOTE).update({ documentId, locale: 'en', data: { title: 'Approved in Spanish only', slug: `en-${documentId}` } } as any);
    await expect(app().documents(NOTE).publish({ documentId, locale: 'en' } as any)).rejects.toMatchObject({ details: { code: 'APPROVAL_REQUIRED' } });
    await expect(app().documents(NOTE).publish({ documentId, locale: '*' } as any)).rejects.toMatchObject({ details: { code: 'APPROVAL_REQUIRED' } });
    await app().documents(NOTE).publish({ documentId } as any);
    expect(await publishedOf(NOTE, documentId, 'es-PE')).not.toBeNull();
    expect(await publishedOf(NOTE, documentId, 'en')).toBeNull();
  });
});

describe('edited after approval', () => {
  it('an edit that changes the content voids the approval (event logged) and publishing is refused', async () => {
    const documentId = await approved();
    const res = await contentManager(redactor, NOTE).update(documentId, { lead: 'Entradilla cambiada tras la aprobación.' });
    expect(res.status).toBe(200);
    const status = (await approvals(gerente).status(NOTE, documentId)).body.data;
    expect(status.state).toBe('draft');
    expect(status.editedSinceApproval).toBe(true);
    expect(status.history.at(-1)).toMatchObject({ action: 'invalidate', fromState: 'approved', toState: 'draft', actorName: 'redactor Prueba' });
    expectCode(await contentManager(gerente, NOTE).publish(documentId), 403, 'APPROVAL_REQUIRED');
    expect(await publishedOf(NOTE, documentId)).toBeNull();
  });

  it('a change to a non-localised field made from another locale voids the approval too', async () => {
    const documentId = await approved();
    await app().documents(NOTE).update({ documentId, locale: 'en', data: { title: 'Shared fields', slug: `sf-${documentId}`, category: 'obras' } } as any);
    expect((await approvals(gerente).status(NOTE, documentId, 'es-PE')).body.data.state).toBe('draft');
  });

  it('saving without changing the content keeps the approval', async () => {
    const documentId = await approved();
    const draft: any = await draftOf(NOTE, documentId);
    expect((await contentManager(redactor, NOTE).update(documentId, { title: draft.title, lead: draft.lead })).status).toBe(200);
    expect((await approvals(gerente).status(NOTE, documentId)).body.data.state).toBe('approved');
  });

  it('a change made behind the document service (directly in the database) is caught at publish time: APPROVAL_OUTDATED', async () => {
    const documentId = await approved();
    await app().db.query(NOTE).updateMany({ where: { documentId, publishedAt: null }, data: { lead: 'Cambiado directamente en la base de datos.' } });
    await expect(app().documents(NOTE).publish({ documentId } as any)).rejects.toMatchObject({ details: { code: 'APPROVAL_OUTDATED' } });
    expect(await publishedOf(NOTE, documentId)).toBeNull();
    // The admin's Publish saves the draft first, which voids the approval: refused, and the
    // refused request changes nothing (no event either); the panel shows the draft as edited.
    expectCode(await contentManager(gerente, NOTE).publish(documentId), 403, 'APPROVAL_REQUIRED');
    const status = (await approvals(gerente).status(NOTE, documentId)).body.data;
    expect(status).toMatchObject({ state: 'approved', isApprovedVersion: false, editedSinceApproval: true });
    expect(status.history.at(-1).action).toBe('approve');
    expect(await publishedOf(NOTE, documentId)).toBeNull();
  });
});

describe('types outside the workflow', () => {
  it('publish as before', async () => {
    const norm = await app().documents('api::norm.norm').create({ data: fixtures.norm() } as any);
    await app().documents('api::norm.norm').publish({ documentId: norm.documentId } as any);
    const created = await app().documents('api::ceremony.ceremony').create({ data: fixtures.ceremony(true), status: 'published' } as any);
    expect(created.publishedAt).toBeTruthy();
  });
});
