// The versions store: what was approved or published is kept; the Gerente sees field by field what
// the draft changes against it, lists the versions with who and when, and restores one (an edit
// that needs approval again).
import { app, adminWithRole, contentManager, type AdminSession } from '../../helpers/app';
import { fixtures, uploadTestImage } from '../../helpers/fixtures';
import { approvals } from '../../helpers/approval';

const NOTE = 'api::press-note.press-note';
const PROGRAM = 'api::broadcast-program.broadcast-program';
const paragraphs = (...texts: string[]) => texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

let redactor: AdminSession;
let gerente: AdminSession;
let covers: Array<{ id: number; name?: string }>;

beforeAll(async () => {
  redactor = await adminWithRole('redactor');
  gerente = await adminWithRole('gerente-comunicaciones');
  covers = [await uploadTestImage('#336699'), await uploadTestImage('#993366')];
});

const ok = (res: any, status = 200) => {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

/** A press note approved and published through the admin routes, as the office does it. */
async function publishedNote(extra: object = {}) {
  const data = { ...fixtures.pressNote(), lead: 'La feria reunirá a productores de ambos lados.', body: paragraphs('La feria abre el sábado en la plaza.', 'Habrá música.'), cover: covers[0].id, seo: { metaTitle: 'Feria binacional' }, ...extra };
  const id = ok(await contentManager(redactor, NOTE).create(data, 'es-PE'), 201).documentId as string;
  ok(await approvals(redactor).act(NOTE, id, 'submit', {}, 'es-PE'));
  ok(await approvals(gerente).act(NOTE, id, 'approve', {}, 'es-PE'));
  ok(await contentManager(gerente, NOTE).publish(id, {}, 'es-PE'));
  return id;
}

describe('the versions store', () => {
  it('keeps the approved content with who approved it, and marks it when published', async () => {
    const id = await publishedNote();
    const [version] = ok(await approvals(gerente).versions(NOTE, id, 'es-PE'));
    const status = ok(await approvals(gerente).status(NOTE, id, 'es-PE'));
    expect(version).toMatchObject({
      number: 1,
      contentHash: status.approvedHash,
      submittedByName: 'redactor Prueba',
      approvedByName: 'gerente-comunicaciones Prueba',
      publishedByName: 'gerente-comunicaciones Prueba',
      isCurrentDraft: true,
    });
    expect(Date.parse(version.approvedAt)).toBeLessThanOrEqual(Date.parse(version.publishedOn));
    // Kept as the content hash sees the content.
    const row = await app().db.query('plugin::approval-workflow.version').findOne({ where: { id: version.id } });
    expect(app().plugin('approval-workflow').service('content-hash').hashOf(NOTE, { ...row.content })).toBeDefined();
    // As the content hash sees a file (format 2): its bytes, name, caption and alternative text too.
    expect(row.content.cover).toEqual({
      id: covers[0].id,
      hash: expect.any(String),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      name: expect.any(String),
      caption: expect.any(String),
      alternativeText: expect.any(String),
    });
    expect(row.display.files[String(covers[0].id)].name).toBeTruthy();
  });

  it('shows field by field what the draft changes: words for text and blocks, old/new for media, nested components', async () => {
    const id = await publishedNote();
    const before = ok(await contentManager(redactor, NOTE).findOne(id, 'es-PE'));
    ok(
      await contentManager(redactor, NOTE).update(
        id,
        { ...before, body: paragraphs('La feria abre el domingo en la plaza.', 'Habrá música.'), cover: covers[1].id, seo: { ...before.seo, metaTitle: 'Feria binacional 2026' }, category: 'cultura' },
        'es-PE'
      )
    );
    const { against, fields } = ok(await approvals(gerente).changes(NOTE, id, { locale: 'es-PE' }));
    expect(against).toMatchObject({ kind: 'version', number: 1, approvedByName: 'gerente-comunicaciones Prueba' });
    const byPath = Object.fromEntries(fields.map((f: any) => [f.path.join('.'), f]));
    expect(Object.keys(byPath).sort()).toEqual(['body', 'category', 'cover', 'seo.metaTitle']);

    // Labels as editors read them in the content manager.
    expect(byPath.body).toMatchObject({ label: 'Cuerpo', kind: 'text', type: 'blocks' });
    expect(byPath.body.parts.filter((p: any) => p.removed).map((p: any) => p.value.trim())).toEqual(['sábado']);
    expect(byPath.body.parts.filter((p: any) => p.added).map((p: any) => p.value.trim())).toEqual(['domingo']);
    expect(byPath.body.parts.map((p: any) => (p.removed ? '' : p.value)).join('')).toBe('La feria abre el domingo en la plaza.\nHabrá música.');
    expect(byPath['seo.metaTitle']).toMatchObject({ label: 'SEO › Meta título', before: 'Feria binacional', after: 'Feria binacional 2026' });
    expect(byPath.cover).toMatchObject({ label: 'Portada', kind: 'list' });
    expect(byPath.cover.before).not.toEqual(byPath.cover.after);
    // Enumerations read as their labels (config: preview.valueLabel), as the admin shows them.
    expect(byPath.category).toMatchObject({ kind: 'value', before: 'Institucional', after: 'Cultura' });
  });

  it('a draft without a kept version is compared with what is published, and a first draft with nothing', async () => {
    const id = await publishedNote();
    await app().db.query('plugin::approval-workflow.version').deleteMany({ where: { targetDocumentId: id } });
    const before = ok(await contentManager(redactor, NOTE).findOne(id, 'es-PE'));
    ok(await contentManager(redactor, NOTE).update(id, { ...before, lead: 'Otra entradilla.' }, 'es-PE'));
    const changes = ok(await approvals(gerente).changes(NOTE, id, { locale: 'es-PE' }));
    expect(changes.against).toEqual({ kind: 'published' });
    expect(changes.fields.map((f: any) => f.path.join('.'))).toEqual(['lead']);

    const fresh = ok(await contentManager(redactor, NOTE).create(fixtures.pressNote(), 'es-PE'), 201).documentId;
    expect(ok(await approvals(gerente).changes(NOTE, fresh, { locale: 'es-PE' }))).toEqual({ against: null, fields: [] });
  });

  it('restores an earlier approved version into the draft: recorded, approval voided, approved again as a new version', async () => {
    const id = await publishedNote();
    const original = ok(await contentManager(redactor, NOTE).findOne(id, 'es-PE'));
    ok(await contentManager(redactor, NOTE).update(id, { ...original, title: `${original.title} (corregida)`, cover: covers[1].id }, 'es-PE'));
    ok(await approvals(redactor).act(NOTE, id, 'submit', {}, 'es-PE'));
    ok(await approvals(gerente).act(NOTE, id, 'approve', {}, 'es-PE'));
    const [second, first] = ok(await approvals(gerente).versions(NOTE, id, 'es-PE'));
    expect([second.number, first.number, second.isCurrentDraft, first.isCurrentDraft]).toEqual([2, 1, true, false]);

    const restored = ok(await approvals(gerente).restore(NOTE, id, first.id, { comment: 'Volvemos a la versión publicada.' }, 'es-PE'));
    expect(restored).toMatchObject({ restoredNumber: 1, contentHash: first.contentHash, missing: [] });
    expect(restored.status).toMatchObject({ state: 'draft', currentHash: first.contentHash, approvedHash: null });
    // The edit voids the approval, then the restore is recorded with the version it brought back.
    const [voided, last] = restored.status.history.slice(-2);
    expect(voided).toMatchObject({ action: 'invalidate', fromState: 'approved', toState: 'draft', actorId: gerente.id });
    expect(last).toMatchObject({ action: 'restore', fromState: 'draft', toState: 'draft', actorId: gerente.id, contentHash: first.contentHash });
    expect(last.comment).toMatch(/Restaurada la versión 1.*Volvemos a la versión publicada\./);

    const draft = ok(await contentManager(redactor, NOTE).findOne(id, 'es-PE'));
    expect(draft.title).toBe(original.title);
    expect(draft.cover.id).toBe(covers[0].id);

    // An edit like any other: it cannot be published until approved again…
    const publish = await contentManager(gerente, NOTE).publish(id, {}, 'es-PE');
    expect([publish.status, publish.body.error.details.code]).toEqual([403, 'APPROVAL_REQUIRED']);
    // …and approving it keeps a new version that says it is the same content as version 1.
    ok(await approvals(redactor).act(NOTE, id, 'submit', {}, 'es-PE'));
    ok(await approvals(gerente).act(NOTE, id, 'approve', {}, 'es-PE'));
    const [third] = ok(await approvals(gerente).versions(NOTE, id, 'es-PE'));
    expect(third).toMatchObject({ number: 3, contentHash: first.contentHash, sameContentAsNumber: 1, isCurrentDraft: true });
  });

  it('restoring what the draft already is changes nothing', async () => {
    const id = await publishedNote();
    const [version] = ok(await approvals(gerente).versions(NOTE, id, 'es-PE'));
    const res = await approvals(gerente).restore(NOTE, id, version.id, {}, 'es-PE');
    expect([res.status, res.body.error.details.code]).toEqual([400, 'INVALID_TRANSITION']);
    expect(ok(await approvals(gerente).status(NOTE, id, 'es-PE')).state).toBe('published');
  });

  it('a non-localised programme: repeatable components compared line by line, restored whole', async () => {
    const data = fixtures.broadcastProgram();
    const id = ok(await contentManager(redactor, PROGRAM).create(data), 201).documentId;
    ok(await approvals(redactor).act(PROGRAM, id, 'submit'));
    ok(await approvals(gerente).act(PROGRAM, id, 'approve'));
    const current = ok(await contentManager(redactor, PROGRAM).findOne(id));
    const slots = [...current.scheduleSlots.map(({ id: _id, ...slot }: any) => slot), { day: 'friday', start: '18:00:00.000', end: '19:00:00.000' }];
    ok(await contentManager(redactor, PROGRAM).update(id, { ...current, scheduleSlots: slots }));
    const { fields } = ok(await approvals(gerente).changes(PROGRAM, id));
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({ path: ['scheduleSlots'], kind: 'list' });
    expect(fields[0].after).toHaveLength(2);
    expect(fields[0].parts.filter((p: any) => p.added).map((p: any) => p.value)).toEqual([expect.stringContaining('18:00')]);

    const [version] = ok(await approvals(gerente).versions(PROGRAM, id));
    ok(await approvals(gerente).restore(PROGRAM, id, version.id));
    expect(ok(await contentManager(redactor, PROGRAM).findOne(id)).scheduleSlots).toHaveLength(1);
  });
});
