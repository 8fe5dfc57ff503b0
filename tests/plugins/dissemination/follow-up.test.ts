// Follow-up of circulars: a body that has not acknowledged gets a reminder after the
// configured business days (the Diario Oficial's calendar: a national holiday in between
// does not count), the Gerente is told about those still silent after the reminder, each
// step happens once; a failed e-mail never blocks the circular and is retried with
// back-off until delivered. The clock is moved by calling the services with `now`, as
// the Diario Oficial's tests do.
import { adminWithRole, app, http, mailbox, type AdminSession } from '../../helpers/app';
import { DELIVERY, ackLinkOf, addressesOf, disseminationApi, mailTo, newBody, rowsOf, service } from './helpers';

let gerente: AdminSession;

beforeAll(async () => {
  gerente = await adminWithRole('gerente-comunicaciones');
});

const calendar = () => app().plugin('diario-oficial').service('calendar');
const followUp = (at: string) => service('follow-up').run(new Date(at));

describe('reminders in business days, then the Gerente', () => {
  let silent: any;
  let diligent: any;
  let circularId: number;
  const title = `Circular de seguimiento ${Date.now()}`;
  const subject = `Circular: ${title}`;
  const reminder = `Recordatorio: ${subject}`;

  beforeAll(async () => {
    silent = await newBody(['personal'], 1);
    diligent = await newBody(['personal'], 0);
    const res = await disseminationApi(gerente).post('/circulars', { title, message: 'Directiva de control de asistencia.', bodies: [silent.documentId, diligent.documentId] });
    expect(res.status).toBe(201);
    circularId = res.body.data.id;
    // Sent on Monday 7 December 2026, 10:00 in Lima; Tuesday 8 (Inmaculada Concepción) and Wednesday 9 (Batalla de Ayacucho) are national holidays.
    await app().db.query(DELIVERY).updateMany({ where: { circularId }, data: { sentAt: '2026-12-07T15:00:00.000Z' } }); // a string: a Date of the test's realm does not bind
    const link = ackLinkOf(await mailTo(diligent.email.toLowerCase(), subject));
    expect((await http().post(link.path).send({ confirm: true })).status).toBe(200);
  });

  const remindersTo = (address: string) => mailbox().to(address).filter((m) => m.subject === reminder);

  it('counts business days with the holidays: no reminder on the fourth weekday when two were holidays', async () => {
    expect(calendar().holidayOn('2026-12-08')).toMatchObject({ date: '2026-12-08' });
    expect(calendar().holidayOn('2026-12-09')).toMatchObject({ date: '2026-12-09' });
    await followUp('2026-12-11T15:00:00Z'); // Thu 10 and Fri 11: two business days (four weekdays)
    await new Promise((r) => setTimeout(r, 300));
    for (const address of addressesOf(silent)) expect(remindersTo(address)).toHaveLength(0);
    expect((await rowsOf(DELIVERY, { circularId })).every((d) => !d.remindedAt)).toBe(true);
  });

  it('reminds every recipient of a body that did not acknowledge, once; not the body that did', async () => {
    const result = await followUp('2026-12-14T15:00:00Z'); // Monday: the third business day
    expect(result.reminded).toBeGreaterThanOrEqual(addressesOf(silent).length);
    for (const address of addressesOf(silent)) {
      const mail = await mailTo(address, reminder);
      expect(mail.text).toContain('RECORDATORIO');
      const link = ackLinkOf(mail);
      expect((await http().get(link.path)).status).toBe(200);
    }
    await followUp('2026-12-14T16:00:00Z');
    await new Promise((r) => setTimeout(r, 300));
    for (const address of addressesOf(silent)) expect(remindersTo(address)).toHaveLength(1);
    expect(remindersTo(diligent.email.toLowerCase())).toHaveLength(0);
  });

  it('tells the Gerente, once, about the bodies still silent after the reminder', async () => {
    const told = (m: any) => m.subject === 'Difusión: órganos sin acuse de recibo tras el recordatorio' && mailbox().to(gerente.email).includes(m) && m.text.includes(silent.name);
    await followUp('2026-12-15T15:00:00Z'); // Tuesday: one business day after the reminder
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox().messages.filter(told)).toHaveLength(0);
    await followUp('2026-12-16T15:00:00Z'); // Wednesday: two
    const mail = await mailbox().waitFor(told);
    expect(mail.text).toContain(title);
    expect(mail.text).not.toContain(diligent.name);
    await followUp('2026-12-17T15:00:00Z');
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox().messages.filter(told)).toHaveLength(1);

    const events = await app().plugin('audit-trail').service('chains').history(`${DELIVERY}|${(await rowsOf(DELIVERY, { circularId, email: silent.email }))[0].documentId}`);
    expect(events.map((e: any) => e.action)).toEqual(['delivery.sent', 'delivery.reminded', 'delivery.escalated']);
  });
});

describe('a failed e-mail', () => {
  it('never blocks the circular and is retried with back-off until delivered', async () => {
    const body = await newBody(['transparencia'], 1);
    mailbox().refuse(body.email);
    try {
      const title = `Circular con fallo ${Date.now()}`;
      const res = await disseminationApi(gerente).post('/circulars', { title, message: 'Portal de transparencia.', bodies: [body.documentId] });
      expect(res.status).toBe(201);
      const statuses = Object.fromEntries(res.body.data.recipients.map((r: any) => [r.email.toLowerCase(), r.status]));
      expect(statuses).toEqual({ [body.email.toLowerCase()]: 'failed', [body.recipients[0].email.toLowerCase()]: 'sent' });
      await mailTo(body.recipients[0].email.toLowerCase(), `Circular: ${title}`);

      let [row] = await rowsOf(DELIVERY, { circularId: res.body.data.id, email: body.email });
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.lastError).toMatch(/550|unavailable/i);
      const retryAt = new Date(row.nextAttemptAt).getTime();
      expect(retryAt).toBeGreaterThan(Date.now() + 30_000); // back-off, not a busy loop

      const outbox = service('outbox');
      expect(await outbox.processOutbox(new Date())).toMatchObject({ sent: 0 });
      mailbox().accept(body.email);
      const result = await outbox.processOutbox(new Date(retryAt + 1000));
      expect(result.sent).toBeGreaterThanOrEqual(1);
      await mailTo(body.email.toLowerCase(), `Circular: ${title}`);
      [row] = await rowsOf(DELIVERY, { id: row.id });
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
      const state = await disseminationApi(gerente).get(`/circulars/${res.body.data.id}`);
      expect(state.body.data.recipients.every((r: any) => r.status === 'sent')).toBe(true);
      const events = await app().plugin('audit-trail').service('chains').history(`${DELIVERY}|${row.documentId}`);
      expect(events.map((e: any) => e.action)).toEqual(['delivery.failed', 'delivery.sent']);
      expect((await app().plugin('audit-trail').service('chains').verify()).broken).toEqual([]);
    } finally {
      mailbox().accept(body.email);
    }
  });
});
