// The project's own admin routes that search, filter or export contacts (the
// protocol directory) follow the content manager's field permissions: for a
// role that may open the directory but not read some contact or institution
// fields (a copy of the Gerente's role withholding them, generated from the
// schemas), `q` never finds by a withheld field, a filter on one is a coded
// 403, birthdays need `birthday`, and neither the listing nor the exports carry them.
import { parse } from 'csv-parse/sync';
import { adminWithRole, app, http } from './support';
import { fixtures, suffix } from '../../helpers/fixtures';

const CONTACT = 'api::protocol-contact.protocol-contact';
const INSTITUTION = 'api::institution.institution';
/** Withheld from the role: the personal fields, one institutional contact field, the institution's level. */
const WITHHELD_CONTACT = ['personalPhone', 'personalEmail', 'personalAddress', 'birthday', 'consent.evidence', 'position', 'institutionalPhone'];
const WITHHELD_INSTITUTION = ['level'];

let auth: Record<string, string>;
let contact: any;
const api = (path: string, query: object = {}) => http().get(`/protocol${path}`).query(query).set(auth);

beforeAll(async () => {
  const tag = suffix();
  const roles = app().service('admin::role');
  const gerente = await roles.findOne({ code: 'gerente-comunicaciones' });
  const role = await roles.create({ name: `Directorio restringido ${tag}`, code: `directorio-${tag}`, description: 'prueba' });
  const permissions = (await app().db.query('admin::permission').findMany({ where: { role: gerente.id } })) as any[];
  const withheld: Record<string, string[]> = { [CONTACT]: WITHHELD_CONTACT, [INSTITUTION]: WITHHELD_INSTITUTION };
  await roles.assignPermissions(
    role.id,
    [...permissions.map((p) => ({ action: p.action, subject: p.subject, conditions: p.conditions, properties: p.properties })), { action: 'plugin::protocol.birthdays.read', subject: null, properties: {}, conditions: [] }].map((p) =>
      withheld[p.subject] && Array.isArray(p.properties?.fields)
        ? { ...p, properties: { ...p.properties, fields: p.properties.fields.filter((f: string) => !withheld[p.subject].some((w) => f === w || f.startsWith(`${w}.`))) } }
        : p
    )
  );
  const session = await adminWithRole(`directorio-${tag}`);
  auth = { Authorization: `Bearer ${session.token}` };
  const institution = await app().documents(INSTITUTION).create({ data: { ...fixtures.institution(), level: 'regional' } } as any);
  contact = await app().documents(CONTACT).create({
    data: { ...fixtures.contact(institution.documentId), position: `Cargo reservado ${tag}`, institutionalPhone: '+51 052 777 888', personalPhone: '+51 952 604 118', active: true },
  } as any);
});

it('q finds by what the role reads, never by a withheld field', async () => {
  expect((await api('/directory', { q: contact.familyName })).body.data.map((c: any) => c.documentId)).toContain(contact.documentId);
  for (const field of WITHHELD_CONTACT.filter((f) => !f.includes('.'))) {
    const value = contact[field];
    if (typeof value !== 'string') continue;
    const res = await api('/directory', { q: value });
    expect([field, res.status, res.body.data.map((c: any) => c.documentId)]).not.toEqual([field, 200, expect.arrayContaining([contact.documentId])]);
  }
});

it('a filter on a withheld field is a coded 403; birthdays need the birthday', async () => {
  for (const [path, query] of [['/directory', { level: 'regional' }], ['/directory/birthdays', {}]] as const) {
    const res = await api(path, query);
    expect([path, res.status, res.body.error?.details?.code]).toEqual([path, 403, 'FIELD_NOT_READABLE']);
  }
  expect((await api('/directory', { sector: 'public' })).status).toBe(200);
});

it('the listing and both exports leave the withheld fields out', async () => {
  const list = await api('/directory', { q: contact.familyName });
  const row = list.body.data.find((c: any) => c.documentId === contact.documentId);
  for (const field of WITHHELD_CONTACT.filter((f) => !f.includes('.'))) expect([field, field in row]).toEqual([field, false]);
  expect(row.institution).not.toHaveProperty('level');
  const csv = await http().post('/protocol/directory/export').set(auth).send({ format: 'csv', documentIds: [contact.documentId] });
  const [header] = parse(csv.text, { bom: true });
  for (const field of WITHHELD_CONTACT) expect(header).not.toContain(field);
  const vcard = await http().post('/protocol/directory/export').set(auth).send({ format: 'vcard', documentIds: [contact.documentId] });
  for (const value of [contact.position, '+51952604118', '052777888']) expect(vcard.text.replace(/[ ()-]/g, '')).not.toContain(value.replace(/[ ()-]/g, ''));
});
