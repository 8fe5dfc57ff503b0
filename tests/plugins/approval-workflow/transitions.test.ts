// The states and who may move a document locale between them, through the admin routes.
import { app, adminWithRole, contentManager, http, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { approvals, approveAndPublish } from '../../helpers/approval';

const NOTE = 'api::press-note.press-note';
const users: Record<string, AdminSession> = {};

beforeAll(async () => {
  for (const code of ['redactor', 'gerente-comunicaciones', 'archivo']) users[code] = await adminWithRole(code);
  users.otherRedactor = await adminWithRole('redactor');
  users.otherGerente = await adminWithRole('gerente-comunicaciones');
});

const as = (name: string) => approvals(users[name]);

async function noteBy(name = 'redactor') {
  const res = await contentManager(users[name], NOTE).create(fixtures.pressNote());
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

const expectRefused = (res: any, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.body.error.details.code).toBe(code);
};

describe('transitions', () => {
  it('draft → in-review → changes-requested → in-review → approved, each recorded', async () => {
    const id = await noteBy();
    const initial = await as('redactor').status(NOTE, id);
    expect(initial.status).toBe(200);
    expect(initial.body.data).toMatchObject({ state: 'draft', approvedHash: null, isApprovedVersion: false, history: [] });
    expect(initial.body.data.currentHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await as('redactor').act(NOTE, id, 'submit', { comment: 'Lista para revisión' })).body.data.state).toBe('in-review');
    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'request-changes'), 400, 'COMMENT_REQUIRED');
    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'request-changes', { comment: '   ' }), 400, 'COMMENT_REQUIRED');
    const changes = await as('gerente-comunicaciones').act(NOTE, id, 'request-changes', { comment: 'Corregir la cifra de beneficiarios.' });
    expect(changes.body.data.state).toBe('changes-requested');
    expect((await as('redactor').act(NOTE, id, 'submit')).body.data.state).toBe('in-review');
    const approved = await as('gerente-comunicaciones').act(NOTE, id, 'approve', { comment: 'Conforme.' });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ state: 'approved', isApprovedVersion: true });
    expect(approved.body.data.approvedHash).toBe(initial.body.data.currentHash);

    const history = approved.body.data.history;
    expect(history.map((e: any) => [e.action, e.fromState, e.toState])).toEqual([
      ['submit', 'draft', 'in-review'],
      ['request-changes', 'in-review', 'changes-requested'],
      ['submit', 'changes-requested', 'in-review'],
      ['approve', 'in-review', 'approved'],
    ]);
    expect(history[1].comment).toBe('Corregir la cifra de beneficiarios.');
    expect(history[3]).toMatchObject({ actorKind: 'admin', actorId: users['gerente-comunicaciones'].id, contentHash: initial.body.data.currentHash });
  });

  it('withdraw: only by the submitter', async () => {
    const id = await noteBy();
    await as('redactor').act(NOTE, id, 'submit');
    expectRefused(await as('otherRedactor').act(NOTE, id, 'withdraw'), 403, 'FORBIDDEN');
    expect((await as('redactor').act(NOTE, id, 'withdraw')).body.data.state).toBe('draft');
  });

  it('a transition that does not start from the current state: INVALID_TRANSITION, nothing recorded', async () => {
    const id = await noteBy();
    const res = await as('gerente-comunicaciones').act(NOTE, id, 'approve');
    expectRefused(res, 400, 'INVALID_TRANSITION');
    expect(res.body.error.message).toMatch(/borrador/);
    expectRefused(await as('redactor').act(NOTE, id, 'withdraw'), 400, 'INVALID_TRANSITION');
    expect((await as('redactor').status(NOTE, id)).body.data.history).toEqual([]);
  });

  it('unknown action, bad publishAt or unknown document are refused with a code', async () => {
    const id = await noteBy();
    expect((await as('redactor').act(NOTE, id, 'publish-now')).body.error.details.code).toBe('VALIDATION_ERROR');
    await as('redactor').act(NOTE, id, 'submit');
    const past = await as('gerente-comunicaciones').act(NOTE, id, 'approve', { publishAt: '2020-01-01T00:00:00Z' });
    expectRefused(past, 400, 'VALIDATION_ERROR');
    expect((await as('redactor').status(NOTE, 'no-existe')).status).toBe(404);
    expect((await as('redactor').status('api::norm.norm', id)).status).toBe(404);
  });
});

describe('who may do what', () => {
  it('the Redactor submits but cannot approve, request changes or retract', async () => {
    const id = await noteBy('otherRedactor');
    await as('otherRedactor').act(NOTE, id, 'submit');
    expectRefused(await as('redactor').act(NOTE, id, 'approve'), 403, 'FORBIDDEN');
    expectRefused(await as('redactor').act(NOTE, id, 'request-changes', { comment: 'No' }), 403, 'FORBIDDEN');
    expectRefused(await as('redactor').act(NOTE, id, 'unpublish', { comment: 'No' }), 403, 'FORBIDDEN');
    expect((await as('redactor').status(NOTE, id)).body.data.state).toBe('in-review');
  });

  it('a role without the plugin permissions sees nothing', async () => {
    const id = await noteBy();
    expect((await as('archivo').status(NOTE, id)).status).toBe(403);
    expect((await as('archivo').act(NOTE, id, 'submit')).status).toBe(403);
    expect((await as('archivo').queue()).status).toBe(403);
  });

  it('four-eyes: the Gerente cannot approve what they submitted', async () => {
    const id = await noteBy('gerente-comunicaciones');
    await as('gerente-comunicaciones').act(NOTE, id, 'submit');
    const res = await as('gerente-comunicaciones').act(NOTE, id, 'approve');
    expectRefused(res, 403, 'SELF_APPROVAL_FORBIDDEN');
    expect(res.body.error.message).toMatch(/otra persona/);
    expect((await as('otherGerente').act(NOTE, id, 'approve')).body.data.state).toBe('approved');
  });

  it('four-eyes: nor what they edited, even if someone else submitted it (the edit also resets the review)', async () => {
    const id = await noteBy();
    await as('redactor').act(NOTE, id, 'submit');
    expect((await contentManager(users['gerente-comunicaciones'], NOTE).update(id, { lead: 'Retocada por la Gerencia.' })).status).toBe(200);
    const reset = (await as('redactor').status(NOTE, id)).body.data;
    expect(reset.state).toBe('draft');
    expect(reset.history.at(-1)).toMatchObject({ action: 'review-reset', fromState: 'in-review', toState: 'draft' });
    await as('redactor').act(NOTE, id, 'submit');
    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'approve'), 403, 'SELF_APPROVAL_FORBIDDEN');
    expect((await as('otherGerente').act(NOTE, id, 'approve')).status).toBe(200);
  });

  it("selfApproval: 'allow' lifts the rule", async () => {
    const config = app().config.get('plugin::approval-workflow') as any;
    const id = await noteBy('gerente-comunicaciones');
    await as('gerente-comunicaciones').act(NOTE, id, 'submit');
    config.selfApproval = 'allow';
    try {
      expect((await as('gerente-comunicaciones').act(NOTE, id, 'approve')).status).toBe(200);
    } finally {
      config.selfApproval = 'forbid';
    }
  });

  it('approving what the reviewer did not see (draft changed since): APPROVAL_OUTDATED', async () => {
    const id = await noteBy();
    await as('redactor').act(NOTE, id, 'submit');
    const seen = (await as('gerente-comunicaciones').status(NOTE, id)).body.data.currentHash;
    // A change through the document service resets the review; one behind it (directly in the database) does not.
    await app().db.query(NOTE).updateMany({ where: { documentId: id, publishedAt: null }, data: { lead: 'Cambiada mientras se revisaba.' } });
    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'approve', { expectedHash: seen }), 400, 'APPROVAL_OUTDATED');
    expect((await as('gerente-comunicaciones').status(NOTE, id)).body.data.state).toBe('in-review');
  });

  it('an edit while under review sends it back to draft, whoever makes it', async () => {
    const id = await noteBy();
    await as('redactor').act(NOTE, id, 'submit');
    await contentManager(users.redactor, NOTE).update(id, { lead: 'Cambiada mientras se revisaba.' });
    const status = (await as('gerente-comunicaciones').status(NOTE, id)).body.data;
    expect(status.state).toBe('draft');
    expect(status.history.at(-1)).toMatchObject({ action: 'review-reset', actorName: expect.stringContaining('redactor') });
    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'approve'), 400, 'INVALID_TRANSITION');
  });
});

describe('retraction (unpublish)', () => {
  it('needs a reviewer and a reason, and sends the locale back to draft', async () => {
    const id = await noteBy();
    await as('redactor').act(NOTE, id, 'submit');
    await as('gerente-comunicaciones').act(NOTE, id, 'approve');
    expect((await contentManager(users['gerente-comunicaciones'], NOTE).publish(id)).status).toBe(200);

    // The content manager's own Unpublish has no reason field: refused, use the panel.
    const unpublishCm = await http()
      .post(`/content-manager/collection-types/${NOTE}/${id}/actions/unpublish`)
      .set('Authorization', `Bearer ${users['gerente-comunicaciones'].token}`)
      .send({});
    expectRefused(unpublishCm, 400, 'COMMENT_REQUIRED');

    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'unpublish'), 400, 'COMMENT_REQUIRED');
    const res = await as('gerente-comunicaciones').act(NOTE, id, 'unpublish', { comment: 'Dato erróneo sobre el horario de atención.' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'draft', hasPublishedVersion: false });
    expect(res.body.data.history.at(-1)).toMatchObject({ action: 'unpublish', fromState: 'published', comment: 'Dato erróneo sobre el horario de atención.' });
    expect(await app().documents(NOTE).findOne({ documentId: id, status: 'published' } as any)).toBeNull();
    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'unpublish', { comment: 'Otra vez' }), 400, 'INVALID_TRANSITION');
  });

  it('the Gerente who published and retracted may approve the same content again, but not their own edit', async () => {
    const id = await noteBy();
    await as('redactor').act(NOTE, id, 'submit');
    await as('gerente-comunicaciones').act(NOTE, id, 'approve');
    // The content manager saves the draft on publish: Strapi now names the Gerente as its last editor.
    expect((await contentManager(users['gerente-comunicaciones'], NOTE).publish(id)).status).toBe(200);
    await as('gerente-comunicaciones').act(NOTE, id, 'unpublish', { comment: 'Se publicará la próxima semana.' });

    await as('redactor').act(NOTE, id, 'submit', { comment: 'Sin cambios, para la próxima semana.' });
    const again = await as('gerente-comunicaciones').act(NOTE, id, 'approve');
    expect(again.status).toBe(200);
    expect(again.body.data.state).toBe('approved');

    // An edit by the same Gerente is new content (it voids the approval): four-eyes applies again.
    const edited = await contentManager(users['gerente-comunicaciones'], NOTE).update(id, { title: 'Título corregido por la Gerencia' });
    expect(edited.status).toBe(200);
    await as('redactor').act(NOTE, id, 'submit');
    expectRefused(await as('gerente-comunicaciones').act(NOTE, id, 'approve'), 403, 'SELF_APPROVAL_FORBIDDEN');
    expect((await as('otherGerente').act(NOTE, id, 'approve')).status).toBe(200);
  });

  it('an unpublish by server code is allowed but recorded', async () => {
    const id = await noteBy();
    await approveAndPublish(NOTE, id);
    await app().documents(NOTE).unpublish({ documentId: id } as any);
    const status = (await as('gerente-comunicaciones').status(NOTE, id)).body.data;
    expect(status.state).toBe('draft');
    expect(status.history.at(-1)).toMatchObject({ action: 'unpublish', actorKind: 'system' });
  });
});

describe('inbox', () => {
  it('lists what waits for review, oldest first, with submitter and waiting time; filters by state, type and locale', async () => {
    const first = await noteBy();
    const second = await noteBy();
    await as('redactor').act(NOTE, first, 'submit');
    await as('redactor').act(NOTE, second, 'submit');
    const res = await as('gerente-comunicaciones').queue();
    expect(res.status).toBe(200);
    const ids = res.body.data.map((item: any) => item.documentId);
    expect(ids.indexOf(first)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    const item = res.body.data.find((i: any) => i.documentId === first);
    expect(item).toMatchObject({ uid: NOTE, locale: 'es-PE', state: 'in-review', submitter: { id: users.redactor.id, email: users.redactor.email } });
    expect(item.waitingSeconds).toBeGreaterThanOrEqual(0);
    expect(item.title).toMatch(/^Nota de prensa/);

    expect((await as('gerente-comunicaciones').queue({ state: 'approved' })).body.data.map((i: any) => i.documentId)).not.toContain(first);
    expect((await as('gerente-comunicaciones').queue({ uid: 'api::broadcast-program.broadcast-program' })).body.data.map((i: any) => i.documentId)).not.toContain(first);
    expect((await as('gerente-comunicaciones').queue({ locale: 'en' })).body.data.map((i: any) => i.documentId)).not.toContain(first);
    expect((await as('gerente-comunicaciones').queue({ state: 'archivado' })).status).toBe(400);
  });
});
