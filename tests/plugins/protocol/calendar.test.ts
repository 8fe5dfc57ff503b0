// The public iCalendar feed and the directory's vCards, read by independent parsers:
// ical.js (iCalendar and vCard) and node-ical. Checked: RFC 5545 lines (CRLF on every
// line, folding), America/Lima declared (VTIMEZONE, TZID) and the UTC instants right,
// DTSTAMP in UTC and stable while nothing changes (so is the ETag), SEQUENCE rising with
// each change of a published event; vCard 4.0 UIDs that are RFC 4122 UUIDs.
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { adminWithRole, app, http } from '../../helpers/app';
import { fixtures, publishedDocument } from '../../helpers/fixtures';

const CEREMONY = 'api::ceremony.ceremony';
const docs: Record<string, any> = {};
const feed = (locale?: string) => http().get('/api/feeds/ceremonies.ics').query(locale ? { locale } : {});

/** Every line ends with CRLF (the last one too), none is longer than 75 octets. */
function expectContentLines(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/[^\r]\n|\r[^\n]/.test(text)).toBe(false);
  for (const line of text.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
}

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component: any) => ({
    component,
    event: new ICAL.Event(component),
    uid: component.getFirstPropertyValue('uid') as string,
    sequence: component.getFirstPropertyValue('sequence') as number,
    stamp: component.getFirstPropertyValue('dtstamp') as any,
  }));
  return { calendar, events };
}

const eventOf = (text: string, documentId: string) => parseCalendar(text).events.find((e) => e.uid.includes(documentId))!;

beforeAll(async () => {
  docs.public = await publishedDocument(CEREMONY, {
    ...fixtures.ceremony(true),
    title: 'Izamiento dominical; con banda, desfile y «autoridades»',
    description: 'Plaza de Armas, 8:00.\nAbierto a la ciudadanía.',
    startsAt: '2026-12-13T13:00:00.000Z',
    endsAt: '2026-12-13T14:30:00.000Z',
  });
  docs.private = await publishedDocument(CEREMONY, { ...fixtures.ceremony(false), title: 'Reunión reservada del calendario' });
  await app().documents(CEREMONY as any).update({ documentId: docs.public.documentId, locale: 'en', data: { title: 'Sunday flag raising', slug: `sunday-${docs.public.slug}` } } as any);
  await app().documents(CEREMONY as any).publish({ documentId: docs.public.documentId, locale: 'en' } as any);
});

describe('the public iCalendar feed', () => {
  it('is RFC 5545 for ical.js and node-ical: CRLF lines, America/Lima declared, the instants right, DTSTAMP in UTC', async () => {
    const res = await feed();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expectContentLines(res.text);
    const { calendar, events } = parseCalendar(res.text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('America/Lima');
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone.getFirstPropertyValue('tzid')).toBe('America/Lima');
    expect(events.length).toBeGreaterThan(0);
    for (const { component, event, stamp } of events) {
      // Every event of the feed (other suites' too): local time with TZID, stamp in UTC.
      expect(component.getFirstProperty('dtstart').getParameter('tzid')).toBe('America/Lima');
      expect(event.startDate.zone.tzid).toBe('America/Lima');
      expect(stamp.zone.tzid).toBe('UTC');
      expect(Number.isInteger(component.getFirstPropertyValue('sequence'))).toBe(true);
    }
    const mine = eventOf(res.text, docs.public.documentId);
    expect(mine.event.summary).toBe('Izamiento dominical; con banda, desfile y «autoridades»');
    expect(mine.event.description).toBe('Plaza de Armas, 8:00.\nAbierto a la ciudadanía.');
    // 13:00 UTC is 08:00 in Lima (UTC−5): the wall time and the instant.
    expect(mine.component.getFirstProperty('dtstart').toICALString()).toBe('DTSTART;TZID=America/Lima:20261213T080000');
    expect(mine.event.startDate.toJSDate().toISOString()).toBe('2026-12-13T13:00:00.000Z');
    expect(mine.event.endDate.toJSDate().toISOString()).toBe('2026-12-13T14:30:00.000Z');
    expect(mine.component.getFirstPropertyValue('url')).toBe(`${(app().config.get('website') as any).url}/es-PE/agenda/${docs.public.slug}`);
    expect(res.text).not.toContain('Reunión reservada del calendario');

    const parsed = Object.values(nodeIcal.sync.parseICS(res.text)).find((c: any) => c.type === 'VEVENT' && c.uid.includes(docs.public.documentId)) as any;
    expect(parsed.start.tz).toBe('America/Lima');
    expect(new Date(parsed.start).toISOString()).toBe('2026-12-13T13:00:00.000Z');
  });

  it('names itself in each locale; an unknown locale is a 400', async () => {
    const en = await feed('en');
    expect(parseCalendar(en.text).calendar.getFirstPropertyValue('x-wr-calname')).toBe('Ceremonies and official events');
    expect(eventOf(en.text, docs.public.documentId).event.summary).toBe('Sunday flag raising');
    const es = await feed('es-PE');
    expect(parseCalendar(es.text).calendar.getFirstPropertyValue('x-wr-calname')).toBe('Ceremonias y actividades oficiales');
    const bad = await feed('xx');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('INVALID_LOCALE');
  });

  it('the same bytes and ETag after a rebuild while no event changed; a change raises SEQUENCE and moves DTSTAMP', async () => {
    const before = await feed();
    const first = eventOf(before.text, docs.public.documentId);
    const revisionBefore = await app().db.query('plugin::protocol.calendar-revision' as any).findOne({ where: { ceremonyDocumentId: docs.public.documentId } });
    // Something else is published: the response cache is rebuilt.
    await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
    // Publishing the ceremony again without a change is no revision either.
    await app().documents(CEREMONY as any).publish({ documentId: docs.public.documentId, locale: 'es-PE' } as any);
    const rebuilt = await feed();
    expect(rebuilt.headers['x-cache']).toBe('MISS');
    expect(rebuilt.text).toBe(before.text);
    expect(rebuilt.headers.etag).toBe(before.headers.etag);
    expect((await feed().set('If-None-Match', before.headers.etag)).status).toBe(304);

    await app().documents(CEREMONY as any).update({ documentId: docs.public.documentId, locale: 'es-PE', data: { venue: 'Explanada del Terminal Terrestre' } } as any);
    await app().documents(CEREMONY as any).publish({ documentId: docs.public.documentId, locale: 'es-PE' } as any);
    const changed = eventOf((await feed()).text, docs.public.documentId);
    expect(changed.event.location).toBe('Explanada del Terminal Terrestre');
    expect(changed.sequence).toBe(first.sequence + 1);
    // DTSTAMP is the time of the change (whole seconds in iCalendar; the record keeps milliseconds).
    expect(changed.stamp.toJSDate().getTime()).toBeGreaterThanOrEqual(first.stamp.toJSDate().getTime());
    const revision = await app().db.query('plugin::protocol.calendar-revision' as any).findOne({ where: { ceremonyDocumentId: docs.public.documentId } });
    expect(Math.floor(new Date(revision.changedAt).getTime() / 1000)).toBe(changed.stamp.toJSDate().getTime() / 1000);
    expect(new Date(revision.changedAt).getTime()).toBeGreaterThan(new Date(revisionBefore.changedAt).getTime());

    // A change in another locale is a change of the event (one UID for every locale).
    await app().documents(CEREMONY as any).update({ documentId: docs.public.documentId, locale: 'en', data: { title: 'Sunday flag raising and parade' } } as any);
    await app().documents(CEREMONY as any).publish({ documentId: docs.public.documentId, locale: 'en' } as any);
    const english = eventOf((await feed('en')).text, docs.public.documentId);
    expect(english.sequence).toBe(first.sequence + 2);
    expect(eventOf((await feed()).text, docs.public.documentId).sequence).toBe(first.sequence + 2);
  });
});

describe('the directory vCard export', () => {
  it('is vCard 4.0 for ical.js, with RFC 4122 UUID URNs that stay the same from export to export', async () => {
    const protocolo = await adminWithRole('protocolo');
    const institution = await publishedDocument('api::institution.institution', fixtures.institution());
    const contacts = [
      await publishedDocument('api::protocol-contact.protocol-contact', { ...fixtures.contact(institution.documentId), givenName: 'María, José', position: 'Regidora; Comisión de Cultura' }),
      await publishedDocument('api::protocol-contact.protocol-contact', fixtures.contact(institution.documentId)),
    ];
    const exportOnce = async () => {
      const res = await http()
        .post('/protocol/directory/export')
        .set('Authorization', `Bearer ${protocolo.token}`)
        .send({ format: 'vcard', documentIds: contacts.map((c) => c.documentId) });
      expect(res.status).toBe(200);
      return res.text as string;
    };
    const text = await exportOnce();
    expectContentLines(text);
    const cards = (ICAL.parse(text) as any[]).map((jcard) => new ICAL.Component(jcard)) as any[];
    expect(cards).toHaveLength(2);
    const uids = new Set<string>();
    for (const card of cards) {
      expect(card.name).toBe('vcard');
      expect(card.getFirstPropertyValue('version')).toBe('4.0');
      expect(card.getFirstPropertyValue('fn')).toBeTruthy();
      const uid = card.getFirstPropertyValue('uid') as string;
      // RFC 4122 (name-based, version 5) in a urn:uuid URI.
      expect(uid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      uids.add(uid);
      expect(card.getFirstProperty('n').getValues()[0]).toHaveLength(5);
    }
    expect(uids.size).toBe(2);
    const maria = cards.find((card) => String(card.getFirstPropertyValue('fn')).startsWith('María, José'))!;
    expect(maria.getFirstPropertyValue('title')).toBe('Regidora; Comisión de Cultura');
    // The same UIDs at the next export: contact apps update the cards instead of duplicating them.
    expect(await exportOnce()).toContain([...uids][0]);
  });
});
