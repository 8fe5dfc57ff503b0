// E-mails to a real SMTP server and webhook events to a local HTTP listener.
import http from 'http';
import type { AddressInfo } from 'net';
import { app, adminWithRole, contentManager, mailbox, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { approvals } from '../../helpers/approval';

const NOTE = 'api::press-note.press-note';

let redactor: AdminSession;
let gerente: AdminSession;
let listener: http.Server;
let webhook: any;
const received: Array<{ event: string; body: any }> = [];

beforeAll(async () => {
  redactor = await adminWithRole('redactor');
  gerente = await adminWithRole('gerente-comunicaciones');
  listener = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      received.push({ event: String(req.headers['x-strapi-event']), body: JSON.parse(data) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/hook`;
  webhook = await app()
    .get('webhookStore')
    .createWebhook({ name: 'aprobaciones', url, headers: {}, events: ['approval.submitted', 'approval.approved', 'approval.changes-requested', 'approval.published'] });
  app().get('webhookRunner').add(webhook);
});

afterAll(async () => {
  app().get('webhookRunner').remove(webhook);
  await app().get('webhookStore').deleteWebhook(webhook.id);
  await new Promise((resolve) => listener.close(resolve));
});

const webhookFor = async (event: string, documentId: string) => {
  const deadline = Date.now() + 10000;
  for (;;) {
    const hit = received.find((r) => r.event === event && r.body.documentId === documentId);
    if (hit) return hit.body;
    if (Date.now() > deadline) throw new Error(`No webhook ${event} for ${documentId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const mailTo = (email: string, subject: string) => mailbox().waitFor((m) => m.subject === subject && mailbox().to(email).includes(m));

it('the allowed webhook events are registered', () => {
  const events = [...app().get('webhookStore').allowedEvents.values()];
  expect(events).toEqual(expect.arrayContaining(['approval.submitted', 'approval.approved', 'approval.changes-requested', 'approval.published']));
});

it('submit → reviewers; changes requested, approved, published → the submitter; a webhook event for each', async () => {
  const created = await contentManager(redactor, NOTE).create(fixtures.pressNote());
  const { documentId, title } = created.body.data;

  await approvals(redactor).act(NOTE, documentId, 'submit', { comment: 'Urgente para mañana.' });
  const toReviewers = await mailTo(gerente.email, `Para aprobar: «${title}»`);
  expect(toReviewers.text).toContain('Urgente para mañana.');
  expect(toReviewers.text).toContain(`/content-manager/collection-types/${NOTE}/${documentId}`);
  expect(mailbox().to(redactor.email)).not.toContain(toReviewers);
  expect(await webhookFor('approval.submitted', documentId)).toMatchObject({ uid: NOTE, locale: 'es-PE', state: 'in-review', title });

  await approvals(gerente).act(NOTE, documentId, 'request-changes', { comment: 'Agregar la fuente.' });
  expect((await mailTo(redactor.email, `Cambios solicitados: «${title}»`)).text).toContain('Agregar la fuente.');
  expect(await webhookFor('approval.changes-requested', documentId)).toMatchObject({ comment: 'Agregar la fuente.', state: 'changes-requested' });

  await approvals(redactor).act(NOTE, documentId, 'submit');
  await approvals(gerente).act(NOTE, documentId, 'approve');
  await mailTo(redactor.email, `Aprobado: «${title}»`);
  const approvedHook = await webhookFor('approval.approved', documentId);
  expect(approvedHook.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(approvedHook.actor).toMatchObject({ kind: 'admin', id: gerente.id });

  expect((await contentManager(gerente, NOTE).publish(documentId)).status).toBe(200);
  await mailTo(redactor.email, `Publicado: «${title}»`);
  expect(await webhookFor('approval.published', documentId)).toMatchObject({ state: 'published' });
});

it('a failed e-mail never blocks or undoes the transition; it is logged', async () => {
  const email = app().plugin('email').service('email');
  const original = email.send;
  const errors: string[] = [];
  const logError = app().log.error;
  // Fault injection: the SMTP relay is down for this one transition.
  email.send = async () => {
    throw new Error('SMTP caído');
  };
  app().log.error = ((message: string) => void errors.push(String(message))) as any;
  try {
    const { documentId } = (await contentManager(redactor, NOTE).create(fixtures.pressNote())).body.data;
    const res = await approvals(redactor).act(NOTE, documentId, 'submit');
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('in-review');
    const deadline = Date.now() + 5000;
    while (!errors.some((e) => e.includes('SMTP caído')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(errors.join('\n')).toMatch(/no se pudo enviar el correo «Para aprobar/);
  } finally {
    email.send = original;
    app().log.error = logError;
  }
});
