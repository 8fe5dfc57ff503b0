// The queue through its admin routes, the content manager, the Content API and the
// document service: requests created by the art. 44 rules, by hand, and every transition.
import { app, adminWithRole, bearer, contentManager, createApiToken, http, projectToken, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { NORM, REQUEST, normWithFiles, queueApi, requestsOf, submittedRequest, upload, worker } from './queue';

const users: Record<string, AdminSession> = {};

beforeAll(async () => {
  for (const code of ['normas', 'gerente-comunicaciones', 'redactor']) users[code] = await adminWithRole(code);
});

const todayInLima = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(new Date());
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('requests created by the art. 44 rules (Tacna: judicial-notices newspaper and portal)', () => {
  it('a promulgated ordinance through the document service gets one request per channel', async () => {
    const norm = await normWithFiles();
    const requests = await requestsOf(norm.documentId);
    expect(requests.map((r) => [r.channel, r.outlet, r.state, r.origin])).toEqual([
      ['diario-judicial', 'diario-judicial', 'queued', 'rules'],
      ['portal', 'portal', 'queued', 'rules'],
    ]);
    expect(requests[0].reference).toMatch(/^MPSRF-\d{4}-\d{6}$/);
    expect(requests[0].dueBy).toBeTruthy();
  });

  it('is idempotent: saving and publishing again creates nothing more', async () => {
    const norm = await normWithFiles();
    await app().documents(NORM).update({ documentId: norm.documentId, data: { title: 'Ordenanza de prueba modificada' } } as any);
    await app().documents(NORM).update({ documentId: norm.documentId, data: { legalStatus: 'promulgated' } } as any);
    expect(await requestsOf(norm.documentId)).toHaveLength(2);
  });

  it('through the content manager (admin UI)', async () => {
    const res = await contentManager(users.normas, NORM).create({ ...fixtures.norm(), normType: 'decreto-de-alcaldia' });
    expect(res.status).toBe(201);
    expect((await requestsOf(res.body.data.documentId)).map((r) => r.channel)).toEqual(['diario-judicial', 'portal']);
  });

  it('through the Content API with a full-access token', async () => {
    const token = await createApiToken('full-access');
    const res = await http()
      .post('/api/norms')
      .set(bearer(token))
      .send({ data: { ...fixtures.norm(), normType: 'acuerdo-de-concejo', concernsAuthorityPay: true } });
    expect(res.status).toBe(201);
    expect((await requestsOf(res.body.data.documentId)).map((r) => r.channel)).toEqual(['diario-judicial', 'portal']);
  });

  it('when a draft becomes promulgated, not before', async () => {
    const norm = await app().documents(NORM).create({ data: { ...fixtures.norm(), legalStatus: 'draft' } } as any);
    expect(await requestsOf(norm.documentId)).toHaveLength(0);
    await app().documents(NORM).update({ documentId: norm.documentId, data: { legalStatus: 'promulgated' } } as any);
    expect(await requestsOf(norm.documentId)).toHaveLength(2);
  });

  it('not for norms art. 44 does not cover, nor for tax ordinances awaiting ratification', async () => {
    const resolution = await app().documents(NORM).create({ data: { ...fixtures.norm(), normType: 'resolucion-de-alcaldia' } } as any);
    const acuerdo = await app().documents(NORM).create({ data: { ...fixtures.norm(), normType: 'acuerdo-de-concejo' } } as any);
    const tax = await app().documents(NORM).create({ data: { ...fixtures.norm(), requiresRatification: true } } as any);
    for (const norm of [resolution, acuerdo, tax]) expect(await requestsOf(norm.documentId)).toHaveLength(0);
    await app().documents(NORM).update({ documentId: tax.documentId, data: { ratifiedBy: 'Acuerdo de Concejo N° 010-2026-MPT' } } as any);
    expect(await requestsOf(tax.documentId)).toHaveLength(2);
  });
});

describe('queueing by hand', () => {
  it('queues any norm in a channel, and refuses a second live request (DUPLICATE_REQUEST)', async () => {
    const norm = await normWithFiles({ normType: 'resolucion-de-alcaldia' });
    const api = queueApi(users.normas);
    const created = await api.create({ normDocumentId: norm.documentId, channel: 'diario-judicial', priority: 3 });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ state: 'queued', channel: 'diario-judicial', origin: 'manual', priority: 3 });
    expect(created.body.data.timeline).toEqual([expect.objectContaining({ action: 'create', toState: 'queued' })]);

    const again = await api.create({ normDocumentId: norm.documentId, channel: 'diario-judicial' });
    expect(again.status).toBe(400);
    expect(again.body.error.details.code).toBe('DUPLICATE_REQUEST');
    expect(await requestsOf(norm.documentId)).toHaveLength(1);
  });

  it('refuses a norm without its two files (MISSING_FILES)', async () => {
    const norm = await app().documents(NORM).create({ data: { ...fixtures.norm(), normType: 'resolucion-de-alcaldia' } } as any);
    const res = await queueApi(users.normas).create({ normDocumentId: norm.documentId, channel: 'diario-judicial' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'MISSING_FILES', missing: ['signedPdf', 'editableDocx'] });
    expect(res.body.error.message).toMatch(/Faltan archivos/);
    expect(await requestsOf(norm.documentId)).toHaveLength(0);
  });

  it.each([
    ['a PDF named .docx', 'pdfNamedDocx', 'pdf'],
    ['a ZIP without word/document.xml', 'zipNamedDocx', 'other'],
  ] as const)('checks files by content: refuses %s as the editable file (INVALID_FILE_TYPE)', async (_case, maker, detected) => {
    const norm = await app().documents(NORM).create({ data: { ...fixtures.norm(), normType: 'resolucion-de-alcaldia' } } as any);
    const [pdf, fake] = [await upload.pdf(), await upload[maker]()];
    const res = await queueApi(users.normas).create({ normDocumentId: norm.documentId, channel: 'diario-judicial', signedPdfId: pdf.id, editableDocxId: fake.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'INVALID_FILE_TYPE', role: 'editableDocx', detected });
    expect(await requestsOf(norm.documentId)).toHaveLength(0);
  });

  it('refuses a DOCX as the signed PDF, whatever its name', async () => {
    const norm = await app().documents(NORM).create({ data: { ...fixtures.norm(), normType: 'resolucion-de-alcaldia' } } as any);
    const docxAsPdf = await upload.docx('firmado.pdf');
    const res = await queueApi(users.normas).create({ normDocumentId: norm.documentId, channel: 'diario-judicial', signedPdfId: docxAsPdf.id, editableDocxId: (await upload.docx()).id });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'INVALID_FILE_TYPE', role: 'signedPdf', detected: 'docx' });
  });

  it('refuses unknown norms, channels without outlet and malformed bodies', async () => {
    const api = queueApi(users.normas);
    expect((await api.create({ normDocumentId: 'no-existe', channel: 'portal' })).body.error.details.code).toBe('NORM_NOT_FOUND');
    const norm = await normWithFiles({ normType: 'resolucion-de-alcaldia' });
    const carteles = await api.create({ normDocumentId: norm.documentId, channel: 'carteles' });
    expect(carteles.status).toBe(400);
    expect(carteles.body.error.details.code).toBe('UNKNOWN_OUTLET');
    const bad = await api.create({ normDocumentId: norm.documentId, channel: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_ERROR');
  });
});

describe('permissions', () => {
  it('the Redactor may not see or act on the queue', async () => {
    const api = queueApi(users.redactor);
    expect((await api.list()).status).toBe(403);
    expect((await api.create({ normDocumentId: 'x', channel: 'portal' })).status).toBe(403);
  });

  it('the Gerente may, and an unauthenticated caller may not', async () => {
    expect((await queueApi(users['gerente-comunicaciones']).list()).status).toBe(200);
    expect((await http().get('/diario-oficial/requests')).status).toBe(401);
  });

  it('an action needs its own permission (cancel)', async () => {
    const norm = await normWithFiles();
    const [request] = await requestsOf(norm.documentId);
    const role = await app().service('admin::role').create({ name: `Solo registro ${Date.now()}`, description: 'prueba' });
    await app()
      .service('admin::role')
      .assignPermissions(role.id, ['read', 'record'].map((a) => ({ action: `plugin::diario-oficial.${a}`, subject: null, properties: {}, conditions: [] })));
    const session = await adminWithRole((await app().service('admin::role').findOne({ id: role.id })).code);
    const res = await queueApi(session).act(request.id, 'cancel');
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('FORBIDDEN');
    expect((await app().db.query(REQUEST).findOne({ where: { id: request.id } })).state).toBe('queued');
  });
});

describe('from promulgated to in force through the queue', () => {
  it('dispatch, quote, payment, schedule, publication: the norm gets the gazette data and is in force', async () => {
    const norm = await normWithFiles();
    await app().documents(NORM).publish({ documentId: norm.documentId } as any);
    const id = await submittedRequest(norm);
    const api = queueApi(users.normas);
    const submittedOn = todayInLima();

    expect((await api.act(id, 'record-quote', { quoteAmount: 850.5, quoteReference: 'COT-2026-118' })).body.data.state).toBe('quoted');
    expect((await api.act(id, 'record-payment', { paymentReference: 'OC-0457', paymentDate: submittedOn })).body.data.state).toBe('paid');
    expect((await api.act(id, 'record-schedule', { expectedEditionDate: addDays(submittedOn, 1) })).body.data.state).toBe('scheduled');
    const proof = await upload.pdf('constancia.pdf');
    const editionDate = submittedOn; // published the same day: in force from tomorrow
    const published = await api.act(id, 'record-publication', { editionDate, page: '12', proofFileId: proof.id });
    expect(published.status).toBe(200);
    expect(published.body.data).toMatchObject({ state: 'published', editionDate, page: '12', overdue: false });
    expect(published.body.data.proof.id).toBe(proof.id);
    expect(published.body.data.timeline.map((e: any) => [e.action, e.fromState, e.toState])).toEqual([
      ['create', null, 'queued'],
      ['claim', 'queued', 'dispatching'],
      ['dispatch-email', 'dispatching', 'submitted'],
      ['record-quote', 'submitted', 'quoted'],
      ['record-payment', 'quoted', 'paid'],
      ['record-schedule', 'paid', 'scheduled'],
      ['record-publication', 'scheduled', 'published'],
    ]);

    const draft = await app().documents(NORM).findOne({ documentId: norm.documentId, populate: ['gazettePublication'] } as any);
    expect(draft).toMatchObject({
      effectiveFrom: addDays(editionDate, 1),
      legalStatus: 'promulgated',
      gazettePublication: { channel: 'diario-judicial', editionDate, page: '12', outlet: 'Diario Frontera Sur (avisos judiciales)' },
    });

    // The daily task puts it in force from effectiveFrom, on the website too.
    expect(await app().plugin('diario-oficial').service('norms').promoteInForce(addDays(editionDate, 0))).not.toContain(norm.documentId);
    expect(await app().plugin('diario-oficial').service('norms').promoteInForce(addDays(editionDate, 1))).toContain(norm.documentId);
    const website = await projectToken('website');
    const listed = await http()
      .get('/api/norms')
      .set(bearer(website))
      .query({ 'filters[legalStatus][$eq]': 'in-force', 'filters[documentId][$eq]': norm.documentId, populate: 'gazettePublication' });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ effectiveFrom: addDays(editionDate, 1), gazettePublication: { editionDate, page: '12' } });
  });

  it('a publication before today puts the norm in force at once; a stated later date wins', async () => {
    const norm = await normWithFiles({ statedEffectiveFrom: '2099-01-01' });
    const other = await normWithFiles();
    for (const n of [norm, other]) {
      const id = await submittedRequest(n);
      await app().db.query(REQUEST).update({ where: { id }, data: { submittedAt: '2026-01-05T15:00:00.000Z' } });
      const res = await queueApi(users.normas).act(id, 'record-publication', { editionDate: '2026-01-06', page: 'A4' });
      expect(res.status).toBe(200);
    }
    expect(await app().documents(NORM).findOne({ documentId: norm.documentId } as any)).toMatchObject({ effectiveFrom: '2099-01-01', legalStatus: 'promulgated' });
    expect(await app().documents(NORM).findOne({ documentId: other.documentId } as any)).toMatchObject({ effectiveFrom: '2026-01-07', legalStatus: 'in-force' });
  });

  it('publishing the norm on the website records the portal request as published', async () => {
    const norm = await normWithFiles();
    await app().documents(NORM).publish({ documentId: norm.documentId } as any);
    const portal = (await requestsOf(norm.documentId)).find((r) => r.channel === 'portal');
    expect(portal).toMatchObject({ state: 'published', editionDate: todayInLima(), page: `/normas/${norm.slug}` });
  });

  it('through the content manager, publishing records the portal request too', async () => {
    const res = await contentManager(users.normas, NORM).create(fixtures.norm());
    expect((await contentManager(users.normas, NORM).publish(res.body.data.documentId)).status).toBe(200);
    expect((await requestsOf(res.body.data.documentId)).find((r) => r.channel === 'portal')?.state).toBe('published');
  });
});

describe('refused transitions change nothing', () => {
  let id: number;
  beforeAll(async () => {
    id = await submittedRequest(await normWithFiles());
  });
  const state = async () => (await app().db.query(REQUEST).findOne({ where: { id } })).state;

  it.each([
    ['record-payment', { paymentReference: 'OC-1', paymentDate: '2026-12-01' }],
    ['retry', {}],
    ['record-submission', {}],
  ])('%s from submitted: INVALID_TRANSITION', async (action, body) => {
    const res = await queueApi(users.normas).act(id, action, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'INVALID_TRANSITION', state: 'submitted' });
    expect(await state()).toBe('submitted');
  });

  it('dates before the submission: INVALID_DATE', async () => {
    const res = await queueApi(users.normas).act(id, 'record-publication', { editionDate: '2020-01-01', page: '3' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'INVALID_DATE', field: 'editionDate' });
    expect(await state()).toBe('submitted');
  });

  it('a malformed gazette ID: INVALID_GAZETTE_ID', async () => {
    const res = await queueApi(users.normas).act(id, 'record-publication', { editionDate: addDays(todayInLima(), 1), page: '3', gazetteId: '18354311' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('INVALID_GAZETTE_ID');
    expect(await state()).toBe('submitted');
  });

  it('publication without page: VALIDATION_ERROR in Spanish', async () => {
    const res = await queueApi(users.normas).act(id, 'record-publication', { editionDate: addDays(todayInLima(), 1) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('VALIDATION_ERROR');
    expect(await state()).toBe('submitted');
  });

  it('an unknown action or request', async () => {
    expect((await queueApi(users.normas).act(id, 'publish')).body.error.details.code).toBe('VALIDATION_ERROR');
    const missing = await queueApi(users.normas).act(999999, 'cancel');
    expect(missing.status).toBe(404);
    expect(missing.body.error.details.code).toBe('REQUEST_NOT_FOUND');
  });

  it('rejection needs a reason; a rejected request is corrected and re-queued', async () => {
    const api = queueApi(users.normas);
    expect((await api.act(id, 'record-rejection', {})).body.error.details.code).toBe('VALIDATION_ERROR');
    const rejected = await api.act(id, 'record-rejection', { rejectionReason: 'El PDF no lleva la firma digital.' });
    expect(rejected.body.data).toMatchObject({ state: 'rejected', rejectionReason: 'El PDF no lleva la firma digital.' });
    const pdf = await upload.pdf('firmado-digitalmente.pdf');
    const retried = await api.act(id, 'retry', { signedPdfId: pdf.id });
    expect(retried.body.data).toMatchObject({ state: 'queued', attempts: 0, rejectionReason: null });
    expect(retried.body.data.signedPdf.id).toBe(pdf.id);
    // An action takes nothing from the query string: a parameter there is refused before anything changes.
    for (const query of ['locale[$ne]=x', 'reason=otra', 'state[]=a&state[]=b']) {
      const refused = await http().post(`/diario-oficial/requests/${id}/actions/cancel?${query}`).set('Authorization', `Bearer ${users.normas.token}`).send({});
      expect([refused.status, refused.body.error?.details?.code]).toEqual([400, 'VALIDATION_ERROR']);
    }
    expect((await app().db.query(REQUEST).findOne({ where: { id } })).state).toBe('queued');
    const cancelled = await api.act(id, 'cancel', { reason: 'Se derogó antes de publicarse.' });
    expect(cancelled.body.data.state).toBe('cancelled');
    expect((await api.act(id, 'retry')).body.error.details.code).toBe('INVALID_TRANSITION');
  });
});

describe('the Diario Oficial (manual outlet) needs a well-formed gazette ID', () => {
  it('awaiting manual submission → submitted → published with ID 1835431-1', async () => {
    const norm = await normWithFiles({ normType: 'resolucion-de-alcaldia' });
    const api = queueApi(users['gerente-comunicaciones']);
    const created = await api.create({ normDocumentId: norm.documentId, channel: 'el-peruano', priority: 9 });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    for (let i = 0; i < 10 && (await app().db.query(REQUEST).findOne({ where: { id } })).state === 'queued'; i += 1) await worker().tick();
    expect((await api.get(id)).body.data.state).toBe('awaiting-manual-submission');
    const submitted = await api.act(id, 'record-submission', { submissionReference: 'PORTAL-EP-7781' });
    expect(submitted.body.data).toMatchObject({ state: 'submitted', submissionReference: 'PORTAL-EP-7781' });
    expect(submitted.body.data.expectedEditionDate).toBeTruthy();
    const editionDate = addDays(todayInLima(), 1);
    const noId = await api.act(id, 'record-publication', { editionDate, page: '5' });
    expect(noId.body.error.details.code).toBe('INVALID_GAZETTE_ID');
    const done = await api.act(id, 'record-publication', { editionDate, page: '5', gazetteId: '1835431-1' });
    expect(done.body.data).toMatchObject({ state: 'published', gazetteId: '1835431-1' });
    const saved = await app().documents(NORM).findOne({ documentId: norm.documentId, populate: ['gazettePublication'] } as any);
    expect(saved.gazettePublication).toMatchObject({ channel: 'el-peruano', gazetteId: '1835431-1', editionDate, page: '5' });
  });
});

describe('listing', () => {
  it('filters by state and outlet; overdue first and flagged', async () => {
    const norm = await normWithFiles({ normType: 'resolucion-de-alcaldia' });
    const api = queueApi(users.normas);
    const late = await api.create({ normDocumentId: norm.documentId, channel: 'diario-judicial', dueBy: '2026-01-02' });
    expect(late.body.data.overdue).toBe(true);
    const overdue = await api.list({ overdue: 'true', pageSize: 200 });
    expect(overdue.status).toBe(200);
    expect(overdue.body.results.map((r: any) => r.id)).toContain(late.body.data.id);
    expect(overdue.body.results.every((r: any) => r.overdue)).toBe(true);
    const all = await api.list({ pageSize: 5 });
    expect(all.body.results[0].overdue).toBe(true);
    const secondPage = await api.list({ pageSize: 1, page: 2 });
    expect(secondPage.body.results).toHaveLength(1);
    expect(secondPage.body.pagination.total).toBe(all.body.pagination.total);
    const onTime = await api.list({ overdue: 'false', pageSize: 200 });
    expect(onTime.body.results.some((r: any) => r.overdue)).toBe(false);
    expect(onTime.body.pagination.total + overdue.body.pagination.total).toBe(all.body.pagination.total);
    expect(all.body.counts.queued).toBeGreaterThan(0);
    const byOutlet = await api.list({ outlet: 'portal', state: 'published', pageSize: 200 });
    expect(byOutlet.body.results.every((r: any) => r.outlet === 'portal' && r.state === 'published')).toBe(true);
    expect((await api.list({ state: 'nope' })).status).toBe(400);
  });
});
