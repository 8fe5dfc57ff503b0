// Notices to the municipal bodies (outbox, retries) and the weekly digest of
// "por verificar" contacts, received by the run's real SMTP server.
import ical from 'node-ical';
import type { ParsedMail } from 'mailparser';
import { app, adminWithRole, contentManager, mailbox, type AdminSession } from '../../helpers/app';
import { fixtures, publishedDocument, suffix } from '../../helpers/fixtures';
import { CEREMONY, CONTACT, createContact, protocolApi, protocolService } from './helpers';

const BODY = 'api::municipal-body.municipal-body';
let protocolo: AdminSession;
let gerente: AdminSession;

/** A ceremony a month from now: notices are only sent about ceremonies still to come. */
const upcoming = (isPublic: boolean) => {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  startsAt.setUTCSeconds(0, 0); // iCalendar times have whole seconds
  return { ...fixtures.ceremony(isPublic), startsAt: startsAt.toISOString() };
};

const newBody = async () => app().documents(BODY).create({ data: fixtures.municipalBody() } as any) as Promise<any>;
const icsOf = (mail: ParsedMail) => {
  const attachment = mail.attachments.find((a) => a.filename === 'ceremonia.ics');
  expect(attachment).toBeDefined();
  const text = attachment!.content.toString('utf8');
  const events = Object.values(ical.sync.parseICS(text)).filter((c: any) => c.type === 'VEVENT') as any[];
  expect(events).toHaveLength(1);
  return { text, event: events[0] };
};
const waitUntil = async (check: () => Promise<boolean>, timeoutMs = 10000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  protocolo = await adminWithRole('protocolo');
  gerente = await adminWithRole('gerente-comunicaciones');
});

describe('ceremony notices', () => {
  let bodies: any[];
  let ceremonyId: string;
  let title: string;

  it('publishing a ceremony e-mails each body to notify a notice with a parsable .ics', async () => {
    bodies = [await newBody(), await newBody()];
    const data = { ...upcoming(true), bodiesToNotify: bodies.map((b) => b.documentId), description: 'Izamiento del Pabellón Nacional.' };
    title = data.title;
    const created = await contentManager(protocolo, CEREMONY).create(data);
    expect(created.status).toBe(201);
    ceremonyId = created.body.data.documentId;
    expect(await protocolService('notices').forCeremony(ceremonyId)).toEqual([]); // a draft tells nobody

    const published = await contentManager(protocolo, CEREMONY).publish(ceremonyId);
    expect(published.status).toBe(200);
    for (const body of bodies) {
      const mail = await mailbox().waitFor((m) => m.subject === `Aviso de ceremonia: ${title}` && mailbox().to(body.email).includes(m));
      expect(mail.text).toContain('Plaza de Armas');
      expect(mail.text).toContain(body.name);
      const { event } = icsOf(mail);
      expect(event.summary).toBe(title);
      expect(event.location).toBe('Plaza de Armas');
      expect(new Date(event.start).toISOString()).toBe(data.startsAt);
      expect(event.uid).toContain(ceremonyId);
    }
  });

  it('re-publishing without changes sends nothing; a change sends a "Cambio" notice with a higher SEQUENCE', async () => {
    await contentManager(protocolo, CEREMONY).publish(ceremonyId);
    await protocolService('notices').idle();
    expect(await protocolService('notices').forCeremony(ceremonyId)).toHaveLength(2);

    const updated = await contentManager(protocolo, CEREMONY).update(ceremonyId, { venue: 'Palacio Municipal' });
    expect(updated.status).toBe(200);
    expect((await contentManager(protocolo, CEREMONY).publish(ceremonyId)).status).toBe(200);
    const mail = await mailbox().waitFor((m) => m.subject === `Cambio en ceremonia: ${title}` && mailbox().to(bodies[0].email).includes(m));
    const { event, text } = icsOf(mail);
    expect(event.location).toBe('Palacio Municipal');
    expect(text).toContain('SEQUENCE:1');
  });

  it('unpublishing tells the bodies that the ceremony is cancelled', async () => {
    await app().documents(CEREMONY).unpublish({ documentId: ceremonyId, locale: '*' } as any);
    const mail = await mailbox().waitFor((m) => m.subject === `Ceremonia cancelada: ${title}` && mailbox().to(bodies[1].email).includes(m));
    const { event, text } = icsOf(mail);
    expect(text).toContain('METHOD:CANCEL');
    expect(event.status).toBe('CANCELLED');
  });

  it('a ceremony already over tells nobody', async () => {
    const body = await newBody();
    const past = await publishedDocument(CEREMONY, { ...fixtures.ceremony(true), startsAt: '2020-01-01T15:00:00.000Z', bodiesToNotify: [body.documentId] });
    await protocolService('notices').idle();
    expect(await protocolService('notices').forCeremony(past.documentId)).toEqual([]);
  });

  it('a failed e-mail never blocks the save and is retried with back-off until delivered', async () => {
    const body = await newBody();
    mailbox().refuse(body.email);
    try {
      const created = await contentManager(protocolo, CEREMONY).create({ ...upcoming(false), bodiesToNotify: [body.documentId] });
      const id = created.body.data.documentId;
      expect((await contentManager(protocolo, CEREMONY).publish(id)).status).toBe(200);
      let row: any;
      await waitUntil(async () => {
        [row] = await protocolService('notices').forCeremony(id);
        return row?.attempts === 1 && row.status === 'pending';
      });
      expect(row.lastError).toMatch(/550|unavailable/i);
      const retryAt = new Date(row.nextAttemptAt).getTime();
      expect(retryAt).toBeGreaterThan(Date.now() + 30_000); // back-off, not a busy loop
      expect(mailbox().to(body.email)).toHaveLength(0);

      // Not due yet: nothing happens.
      expect(await protocolService('notices').processOutbox(new Date())).toEqual({ sent: 0, failed: 0 });
      mailbox().accept(body.email);
      const result = await protocolService('notices').processOutbox(new Date(retryAt + 1000));
      expect(result.sent).toBeGreaterThanOrEqual(1);
      const mail = await mailbox().waitFor((m) => mailbox().to(body.email).includes(m));
      expect(mail.subject).toMatch(/^Aviso de ceremonia: /);
      [row] = await protocolService('notices').forCeremony(id);
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      mailbox().accept(body.email);
    }
  });
});

describe('keeping the directory current', () => {
  const tag = suffix();
  const c: Record<string, any> = {};
  const monthsAgo = (n: number) => new Date(Date.now() - n * 31 * 86_400_000).toISOString();

  beforeAll(async () => {
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    c.stale = await createContact({ givenName: 'Vencido', familyName: `Dig ${tag}`, lastVerifiedAt: monthsAgo(8) });
    c.never = await createContact({ givenName: 'Nunca', familyName: `Dig ${tag}`, lastVerifiedAt: null });
    c.ended = await createContact({ givenName: 'Concluido', familyName: `Dig ${tag}`, lastVerifiedAt: monthsAgo(1), termEnd: yesterday });
    c.fresh = await createContact({ givenName: 'Vigente', familyName: `Dig ${tag}` });
    c.inactive = await createContact({ givenName: 'Inactivo', familyName: `Dig ${tag}`, lastVerifiedAt: monthsAgo(9), active: false });
  });

  it('lists "por verificar" contacts: stale, never verified, or with their term ended', async () => {
    const res = await protocolApi(protocolo).get('/directory/por-verificar', { q: tag });
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.data.map((d: any) => [d.givenName, d.porVerificar]));
    expect(byName).toEqual({ Vencido: ['stale'], Nunca: ['never-verified'], Concluido: ['term-ended'] });
  });

  it('e-mails the weekly digest to the Protocolo role only, without personal data', async () => {
    const result = await protocolService('verification').sendDigest();
    expect(result.contacts).toBeGreaterThanOrEqual(3);
    const mail = await mailbox().waitFor((m) => /por verificar/.test(m.subject ?? '') && mailbox().to(protocolo.email).includes(m));
    expect(mail.text).toContain(`Vencido Dig ${tag}`);
    expect(mail.text).toContain(`Concluido Dig ${tag}`);
    expect(mail.text).not.toContain(`Vigente Dig ${tag}`);
    expect(mail.text).not.toContain(`Inactivo Dig ${tag}`);
    expect(mail.text).not.toContain('rosa.personal@example.com');
    expect(mailbox().to(gerente.email)).toHaveLength(0);
  });

  it('marks contacts as verified in bulk, or none when one is unknown', async () => {
    const unknown = await protocolApi(protocolo).post('/directory/verify', { documentIds: [c.stale.documentId, 'no-existe-123'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.code).toBe('UNKNOWN_CONTACTS');
    expect((await app().documents(CONTACT).findOne({ documentId: c.stale.documentId } as any))!.lastVerifiedAt).toBe(c.stale.lastVerifiedAt);

    const res = await protocolApi(protocolo).post('/directory/verify', { documentIds: [c.stale.documentId, c.never.documentId, c.ended.documentId] });
    expect(res.status).toBe(200);
    expect(res.body.data.verified).toBe(3);
    const after = await protocolApi(protocolo).get('/directory/por-verificar', { q: tag });
    expect(after.body.data).toEqual([]);
    expect((await protocolApi(gerente).post('/directory/verify', { documentIds: [] })).status).toBe(400);
  });

  it('shows birthdays of the next 14 days to Protocolo only', async () => {
    const inDays = (n: number) => {
      const d = new Date(Date.now() + n * 86_400_000);
      return `1975-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    };
    const soon = await createContact({ givenName: 'Cumple', familyName: `Pronto ${tag}`, birthday: inDays(5) });
    const later = await createContact({ givenName: 'Cumple', familyName: `Tarde ${tag}`, birthday: inDays(40) });
    const res = await protocolApi(protocolo).get('/directory/birthdays');
    expect(res.status).toBe(200);
    const ids = res.body.data.map((b: any) => b.documentId);
    expect(ids).toContain(soon.documentId);
    expect(ids).not.toContain(later.documentId);
    const mine = res.body.data.find((b: any) => b.documentId === soon.documentId);
    expect(mine.inDays).toBeGreaterThanOrEqual(4);
    expect(mine.inDays).toBeLessThanOrEqual(6);
    expect((await protocolApi(gerente).get('/directory/birthdays')).status).toBe(403);
  });
});
