// Privacy matrix: every route that returns contacts or ceremonies, for every
// kind of caller. Personal contact data reaches only Protocolo and the Gerente.
import ical from 'node-ical';
import { app, adminWithRole, bearer, contentManager, http, projectToken, type AdminSession } from '../../helpers/app';
import { fixtures, publishedDocument } from '../../helpers/fixtures';
import { CEREMONY, CONTACT, protocolApi } from './helpers';

const PERSONAL_VALUES = ['rosa.personal@example.com', '+51 952 111 222', 'Jr. Los Pinos 123', '1980-05-14', '19800514', '+51952111222'];
const expectNoPersonalData = (body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
};

const tokens: Record<string, string> = {};
const docs: Record<string, any> = {};
const admins: Record<string, AdminSession> = {};

beforeAll(async () => {
  tokens.website = await projectToken('website');
  tokens.cif = await projectToken('cif');
  for (const code of ['redactor', 'archivo', 'normas', 'protocolo', 'gerente-comunicaciones']) admins[code] = await adminWithRole(code);
  const institution = await app().documents('api::institution.institution').create({ data: fixtures.institution() } as any);
  docs.contact = await app().documents(CONTACT).create({ data: fixtures.contact(institution.documentId) } as any);
  docs.public = await publishedDocument(CEREMONY, {
    ...fixtures.ceremony(true),
    title: 'Ceremonia pública del feed',
    description: 'Abierta a la ciudadanía.',
    host: docs.contact.documentId,
    invitees: [{ contact: docs.contact.documentId, rsvp: 'confirmed' }],
  });
  docs.private = await publishedDocument(CEREMONY, { ...fixtures.ceremony(false), title: 'Reunión reservada del feed' });
  docs.draft = await app().documents(CEREMONY).create({ data: { ...fixtures.ceremony(true), title: 'Borrador público del feed' } } as any);
});

const callers = [
  { name: 'Public role', headers: () => ({}) as Record<string, string>, readsFeed: true },
  { name: 'website token', headers: () => bearer(tokens.website), readsFeed: true },
  { name: 'cif token', headers: () => bearer(tokens.cif), readsFeed: false },
];

describe.each(callers)('Content API, $name', ({ headers, readsFeed }) => {
  it.each([
    ['/api/protocol-contacts', 403],
    ['/api/precedence-ranks', 403],
    ['/api/institutions?populate=contacts', 403],
    ['/api/municipal-bodies', 403],
  ])('%s is refused', async (path, status) => {
    const res = await http().get(path).set(headers());
    expect(res.status).toBe(status);
    expectNoPersonalData(res.body);
    const one = await http().get(`/api/protocol-contacts/${docs.contact.documentId}`).set(headers());
    expect(one.status).toBe(403);
  });

  it.each([
    ['list', () => '/api/ceremonies'],
    ['one', () => `/api/ceremonies/${docs.public.documentId}`],
  ])('ceremonies (%s) never carry contact data, whatever is populated', async (_kind, path) => {
    for (const populate of ['*', { host: { populate: '*' }, invitees: { populate: { contact: { populate: '*' } } } }, ['invitees.contact', 'host']]) {
      const res = await http().get(path()).set(headers()).query({ populate });
      expect([200, 400]).toContain(res.status);
      expectNoPersonalData(res.body);
      expect(JSON.stringify(res.body)).not.toContain(docs.contact.documentId);
    }
  });

  it('the iCalendar feed lists published public ceremonies only, with no contact data', async () => {
    const res = await http().get('/api/feeds/ceremonies.ics').set(headers());
    if (!readsFeed) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(res.text)).filter((e: any) => e.type === 'VEVENT') as any[];
    const mine = events.find((e) => e.summary === 'Ceremonia pública del feed');
    expect(mine).toBeDefined();
    expect(mine.location).toBe('Plaza de Armas');
    expect(mine.description).toBe('Abierta a la ciudadanía.');
    expect(new Date(mine.start).toISOString()).toBe('2026-12-10T15:00:00.000Z');
    const titles = events.map((e) => e.summary);
    expect(titles).not.toContain('Reunión reservada del feed');
    expect(titles).not.toContain('Borrador público del feed');
    expectNoPersonalData(res.text);
    expect(res.text).not.toContain(docs.contact.familyName);
  });
});

describe('admin', () => {
  const pluginRoutes = () => [
    ['GET', '/directory'],
    ['GET', '/directory/por-verificar'],
    ['GET', '/directory/birthdays'],
    ['GET', `/ceremonies/${docs.public.documentId}/seating`],
    ['POST', '/directory/export', { format: 'csv' }],
    ['POST', '/directory/export', { format: 'vcard' }],
  ] as Array<[string, string, object?]>;
  const call = (code: string, [method, path, body]: [string, string, object?]) =>
    method === 'GET' ? protocolApi(admins[code]).get(path) : protocolApi(admins[code]).post(path, body ?? {});

  it.each(['redactor', 'archivo', 'normas'])('%s is refused every protocol route', async (code) => {
    for (const route of pluginRoutes()) {
      const res = await call(code, route);
      expect(res.status).toBe(403);
      expectNoPersonalData(res.body);
    }
  });

  it.each(['redactor', 'archivo', 'normas'])('%s sees no personal data of a ceremony’s contacts in the content manager', async (code) => {
    const res = await contentManager(admins[code], CEREMONY).findOne(docs.public.documentId);
    expect([200, 403]).toContain(res.status);
    expectNoPersonalData(res.body);
    if (res.status !== 200) return; // Normas does not read ceremonies at all
    const relation = await http()
      .get(`/content-manager/relations/${CEREMONY}/${docs.public.documentId}/host`)
      .query({ locale: 'es-PE' })
      .set('Authorization', `Bearer ${admins[code].token}`);
    expect([200, 403]).toContain(relation.status);
    expectNoPersonalData(relation.body);
  });

  it.each(['protocolo', 'gerente-comunicaciones'])('%s reads personal data in the directory and exports', async (code) => {
    const list = await protocolApi(admins[code]).get('/directory', { q: docs.contact.familyName });
    expect(list.status).toBe(200);
    expect(list.body.data[0]).toMatchObject({ personalEmail: 'rosa.personal@example.com', birthday: '1980-05-14' });
    expect(list.body.meta.personalFields).toEqual(expect.arrayContaining(['personalPhone', 'personalEmail', 'personalAddress', 'birthday']));
    // The seating list is printed and shown on screens: institutional data only, even for them.
    const seating = await protocolApi(admins[code]).get(`/ceremonies/${docs.public.documentId}/seating`);
    expect(seating.status).toBe(200);
    expectNoPersonalData(seating.body);
  });
});
