// A norm deleted, or taken back from promulgated to draft, has nothing left to publish:
// its live requests are cancelled, each with the reason in its audit chain; published
// ones stay as they are, and saving a draft norm does not touch requests queued by hand.
import { app, adminWithRole, contentManager, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { NORM, REQUEST, normWithFiles, queueApi, requestsOf } from './queue';

const trail = () => app().plugin('audit-trail').service('chains');
const lastEvent = async (request: any) => (await trail().history(`${REQUEST}|${request.documentId}`)).at(-1);

let normas: AdminSession;

beforeAll(async () => {
  normas = await adminWithRole('normas');
});

it('deleting a norm (content manager) cancels its live requests, naming who and why', async () => {
  const norm = await normWithFiles();
  const [newspaper, portal] = await requestsOf(norm.documentId);
  // The portal request was already published: it stays published.
  await app().db.query(REQUEST).update({ where: { id: portal.id }, data: { state: 'published', liveKey: null } });

  const res = await contentManager(normas, NORM).delete(norm.documentId);
  expect(res.status).toBe(200);

  const after = await requestsOf(norm.documentId);
  expect(after.map((r) => [r.id, r.state])).toEqual([
    [newspaper.id, 'cancelled'],
    [portal.id, 'published'],
  ]);
  expect(after[0].liveKey).toBeNull();
  expect(await lastEvent(after[0])).toMatchObject({
    action: 'cancel',
    fromState: 'queued',
    toState: 'cancelled',
    actorKind: 'user',
    actorId: normas.id,
    comment: expect.stringMatching(/eliminada/),
    details: { reason: expect.stringMatching(/eliminada/), cause: 'norm' },
  });
  expect((await trail().verify()).broken).toEqual([]);
});

it('a norm taken back from promulgated to draft has its requests cancelled; a refused one is left as it was', async () => {
  const norm = await normWithFiles();
  const [newspaper, portal] = await requestsOf(norm.documentId);
  await app().db.query(REQUEST).update({ where: { id: newspaper.id }, data: { state: 'rejected', rejectionReason: 'Falta la firma.' } });

  await app().documents(NORM).update({ documentId: norm.documentId, data: { legalStatus: 'draft' } } as any);

  const after = await requestsOf(norm.documentId);
  expect(after.map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
  expect(await lastEvent(after[0])).toMatchObject({ action: 'cancel', fromState: 'rejected', actorKind: 'system', comment: expect.stringMatching(/promulgación/) });
  expect(await lastEvent(after[1])).toMatchObject({ action: 'cancel', fromState: 'queued' });
  expect(portal.id).toBe(after[1].id);

  // Promulgated again: new requests, the cancelled ones stay cancelled.
  await app().documents(NORM).update({ documentId: norm.documentId, data: { legalStatus: 'promulgated' } } as any);
  expect((await requestsOf(norm.documentId)).map((r) => r.state)).toEqual(['cancelled', 'cancelled', 'queued', 'queued']);
});

it('saving a draft norm leaves a request queued by hand alone', async () => {
  const norm = await normWithFiles({ legalStatus: 'draft' });
  const created = await queueApi(normas).create({ normDocumentId: norm.documentId, channel: 'diario-judicial' });
  expect(created.status).toBe(201);
  await app().documents(NORM).update({ documentId: norm.documentId, data: { title: `${fixtures.norm().title} (corregida)` } } as any);
  expect((await requestsOf(norm.documentId)).map((r) => r.state)).toEqual(['queued']);
});
