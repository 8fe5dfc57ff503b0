// What a stranger, a wrong caller or a malformed request does to the public outputs
// (feeds, calendar, sitemap, robots.txt, page metadata), generated over the routes,
// methods and malformed values below: never a 500, never a write, never a URL built
// from the request's Host, never a draft, a private document or personal data.
import ICAL from 'ical.js';
import { XMLValidator } from 'fast-xml-parser';
import { app, http } from '../helpers/app';
import { fixtures, publishedDocument } from '../helpers/fixtures';

const OUTPUTS = ['/sitemap.xml', '/sitemap-1.xml', '/robots.txt', '/api/feeds/press-notes.rss', '/api/feeds/press-notes.atom', '/api/feeds/press-notes.json', '/api/feeds/ceremonies.ics'];
const WRITES = ['post', 'put', 'patch', 'delete'] as const;
const docs: Record<string, any> = {};

beforeAll(async () => {
  const institution = await publishedDocument('api::institution.institution', fixtures.institution());
  docs.contact = await publishedDocument('api::protocol-contact.protocol-contact', { ...fixtures.contact(institution.documentId), familyName: 'Quispe Reservado' });
  docs.ceremony = await publishedDocument('api::ceremony.ceremony', {
    ...fixtures.ceremony(true),
    title: 'Ceremonia con salto\r\nBEGIN:VEVENT\r\nSUMMARY:inyectado',
    host: docs.contact.documentId,
    invitees: [{ contact: docs.contact.documentId, rsvp: 'confirmed' }],
  });
  docs.private = await publishedDocument('api::ceremony.ceremony', { ...fixtures.ceremony(false), title: 'Reunión privada de salida' });
  docs.note = await publishedDocument('api::press-note.press-note', { ...fixtures.pressNote(), title: 'Nota <publicada> & "citada" ]]>' });
  // A newer draft that nobody approved yet.
  await app().documents('api::press-note.press-note').update({ documentId: docs.note.documentId, locale: 'es-PE', data: { title: 'Borrador secreto sin aprobar', lead: 'Texto del borrador.' } } as any);
});

describe.each(OUTPUTS)('%s', (path) => {
  it.each(WRITES)('%s is refused without a 500 and changes nothing', async (method) => {
    const before = await http().get('/sitemap.xml');
    const res = await (http() as any)[method](path).send({ data: { title: 'x' } });
    expect([401, 403, 404, 405]).toContain(res.status);
    expect((await http().get('/sitemap.xml')).text).toBe(before.text);
  });

  it('a spoofed Host or X-Forwarded-Host never reaches the links', async () => {
    const res = await http().get(path).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example').set('X-Forwarded-Proto', 'https');
    expect(res.status).toBeLessThan(500);
    expect(res.text ?? '').not.toContain('evil.example');
  });
});

describe('malformed requests', () => {
  it.each(['0', '-1', '01', '1e3', '1.5', '%20', '%00', 'abc', '99999999999', '1,2', '..%2f..%2fetc%2fpasswd'])('/sitemap-%s.xml is a 404 with a stable code', async (part) => {
    const res = await http().get(`/sitemap-${part}.xml`);
    expect([400, 404]).toContain(res.status);
    if (res.status === 404 && res.body?.error) expect(res.body.error.details.code).toBe('SITEMAP_PART_NOT_FOUND');
  });

  it.each([
    ['locale[]', 'es-PE'],
    ['locale', '../../etc/passwd'],
    ['locale', '<script>alert(1)</script>'],
    ['locale', 'x'.repeat(5000)],
    ['locale[$ne]', 'es-PE'],
  ])('feeds refuse %s=%s with 400 and a code', async (name, value) => {
    for (const path of ['/api/feeds/press-notes.rss', '/api/feeds/press-notes.json', '/api/feeds/ceremonies.ics']) {
      const res = await http().get(path).query({ [name]: value });
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toMatch(/^[A-Z_]+$/);
    }
  });

  it('an unknown feed format, a format with a path or a dot is a 404, never a 500', async () => {
    for (const format of ['xml', 'rss.json', 'RSS', '%00', 'json%2f..']) {
      const res = await http().get(`/api/feeds/press-notes.${format}`);
      expect(res.status).toBe(404);
    }
  });
});

describe('what the outputs never show', () => {
  it('no draft, no private ceremony, no contact in feeds, calendar, sitemap or page metadata', async () => {
    const texts = await Promise.all(OUTPUTS.filter((p) => p !== '/sitemap-1.xml').map(async (p) => (await http().get(p)).text));
    const detail = await http().get(`/api/press-notes/${docs.note.documentId}`).query({ status: 'draft' });
    const ceremony = await http().get(`/api/ceremonies/${docs.ceremony.documentId}`).query({ populate: '*' });
    for (const text of [...texts, JSON.stringify(detail.body), JSON.stringify(ceremony.body)]) {
      expect(text).not.toContain('Borrador secreto sin aprobar');
      expect(text).not.toContain('Reunión privada de salida');
      expect(text).not.toContain(docs.private.slug);
      expect(text).not.toContain('Quispe Reservado');
      expect(text).not.toContain('rosa.personal@example.com');
      expect(text).not.toContain(docs.contact.documentId);
    }
    expect(detail.body.meta.openGraph['og:title']).toBe('Nota <publicada> & "citada" ]]>');
    expect((await http().get(`/api/ceremonies/${docs.private.documentId}`)).status).toBe(404);
  });

  it('markup and line breaks in titles stay data: the XML parses, the calendar keeps one event per ceremony', async () => {
    for (const path of ['/api/feeds/press-notes.rss', '/api/feeds/press-notes.atom', '/sitemap.xml']) {
      expect(XMLValidator.validate((await http().get(path)).text)).toBe(true);
    }
    const ics = (await http().get('/api/feeds/ceremonies.ics')).text;
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const mine = calendar.getAllSubcomponents('vevent').filter((e: any) => String(e.getFirstPropertyValue('uid')).includes(docs.ceremony.documentId));
    expect(mine).toHaveLength(1);
    expect(mine[0].getFirstPropertyValue('summary')).toBe('Ceremonia con salto\nBEGIN:VEVENT\nSUMMARY:inyectado');
    expect(calendar.getAllSubcomponents('vevent').some((e: any) => e.getFirstPropertyValue('summary') === 'inyectado')).toBe(false);
  });

  it('a wrong bearer token on the public outputs is not served from the public cache and reveals nothing more', async () => {
    for (const path of ['/sitemap.xml', '/robots.txt', '/api/feeds/press-notes.json']) {
      const res = await http().get(path).set('Authorization', 'Bearer not-a-token');
      expect([200, 401]).toContain(res.status);
      expect(res.headers['x-cache']).toBeUndefined();
      if (res.status === 200) expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });
});
