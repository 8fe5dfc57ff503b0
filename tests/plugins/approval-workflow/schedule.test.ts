// Scheduled publication (embargo) and concurrent reviewers: each thing happens exactly once.
import { app, adminWithRole, contentManager, mailbox, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { approvals } from '../../helpers/approval';

const NOTE = 'api::press-note.press-note';
const scheduler = () => app().plugin('approval-workflow').service('scheduler');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

let redactor: AdminSession;
let gerente: AdminSession;
let otherGerente: AdminSession;

beforeAll(async () => {
  redactor = await adminWithRole('redactor');
  gerente = await adminWithRole('gerente-comunicaciones');
  otherGerente = await adminWithRole('gerente-comunicaciones');
});

async function submitted() {
  const res = await contentManager(redactor, NOTE).create(fixtures.pressNote());
  const id = res.body.data.documentId as string;
  expect((await approvals(redactor).act(NOTE, id, 'submit')).status).toBe(200);
  return { id, title: res.body.data.title as string };
}

const history = async (id: string) => (await approvals(gerente).status(NOTE, id)).body.data.history as any[];
const publishEvents = async (id: string) => (await history(id)).filter((e) => e.action === 'publish');
const isPublished = async (id: string) => Boolean(await app().documents(NOTE).findOne({ documentId: id, status: 'published' } as any));

describe('scheduled publication', () => {
  it('is not published before publishAt, then exactly once even with several workers at the same time', async () => {
    const notes = [await submitted(), await submitted(), await submitted()];
    const publishAt = inMs(2500);
    for (const { id } of notes) {
      const res = await approvals(gerente).act(NOTE, id, 'approve', { publishAt });
      expect(res.body.data).toMatchObject({ state: 'approved', publishAt });
    }
    const early = await contentManager(gerente, NOTE).publish(notes[0].id);
    expect(early.status).toBe(400);
    expect(early.body.error.details.code).toBe('INVALID_TRANSITION');
    await scheduler().publishDue();
    expect(await isPublished(notes[0].id)).toBe(false);

    await sleep(2600);
    // Four workers (as four instances would) racing for the same due rows; Strapi's own cron may join in.
    await Promise.all([scheduler().publishDue(), scheduler().publishDue(), scheduler().publishDue(), scheduler().publishDue()]);
    for (const { id, title } of notes) {
      expect(await isPublished(id)).toBe(true);
      const events = await publishEvents(id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorKind: 'system', actorName: 'sistema (publicación programada)', fromState: 'approved', toState: 'published' });
      await mailbox().waitFor((m) => m.subject === `Publicado: «${title}»` && mailbox().to(redactor.email).includes(m));
    }
    await scheduler().publishDue();
    for (const { id } of notes) expect(await publishEvents(id)).toHaveLength(1);
  });

  it('an edit after the approval cancels it and the submitter is told', async () => {
    const { id, title } = await submitted();
    await approvals(gerente).act(NOTE, id, 'approve', { publishAt: inMs(1500) });
    expect((await contentManager(redactor, NOTE).update(id, { lead: 'Cambio tras la aprobación.' })).status).toBe(200);
    const mail = await mailbox().waitFor((m) => m.subject === `Publicación programada cancelada: «${title}»`);
    expect(mailbox().to(redactor.email)).toContain(mail);
    await sleep(1600);
    await scheduler().publishDue();
    expect(await isPublished(id)).toBe(false);
    expect((await approvals(gerente).status(NOTE, id)).body.data).toMatchObject({ state: 'draft', publishAt: null });
  });

  it('a change made behind the workflow (in the database) is caught by the worker: not published, submitter told', async () => {
    const { id, title } = await submitted();
    await approvals(gerente).act(NOTE, id, 'approve', { publishAt: inMs(1500) });
    await app().db.query(NOTE).updateMany({ where: { documentId: id, publishedAt: null }, data: { lead: 'Cambiado en la base de datos.' } });
    await sleep(1600);
    await scheduler().publishDue();
    expect(await isPublished(id)).toBe(false);
    const last = (await history(id)).at(-1);
    expect(last).toMatchObject({ action: 'invalidate', actorName: 'sistema (publicación programada)', toState: 'draft' });
    await mailbox().waitFor((m) => m.subject === `Publicación programada cancelada: «${title}»` && mailbox().to(redactor.email).includes(m));
  });

  it("runs on its own from Strapi's cron", async () => {
    const { id } = await submitted();
    await approvals(gerente).act(NOTE, id, 'approve', { publishAt: inMs(1000) });
    const deadline = Date.now() + 30000;
    while (!(await isPublished(id)) && Date.now() < deadline) await sleep(500);
    expect(await isPublished(id)).toBe(true);
    expect(await publishEvents(id)).toHaveLength(1);
  }, 40000);
});

describe('concurrent reviewers', () => {
  it('two approvals at once: exactly one succeeds, the other gets INVALID_TRANSITION', async () => {
    for (let round = 0; round < 3; round++) {
      const { id } = await submitted();
      const results = await Promise.all([approvals(gerente).act(NOTE, id, 'approve'), approvals(otherGerente).act(NOTE, id, 'request-changes', { comment: 'No.' })]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 400]);
      expect(results.find((r) => r.status === 400)!.body.error.details.code).toBe('INVALID_TRANSITION');
      const decisions = (await history(id)).filter((e) => e.action !== 'submit');
      expect(decisions).toHaveLength(1);
    }
  });

  it('the same approval twice at once: one event', async () => {
    const { id } = await submitted();
    const results = await Promise.all([approvals(gerente).act(NOTE, id, 'approve'), approvals(otherGerente).act(NOTE, id, 'approve')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await history(id)).filter((e) => e.action === 'approve')).toHaveLength(1);
  });
});
