// Admin roles in the content manager, as the admin UI calls it.
import { app, adminWithRole, contentManager, type AdminSession } from '../helpers/app';
import { fixtures } from '../helpers/fixtures';

const CONTACT = 'api::protocol-contact.protocol-contact';
const NORM = 'api::norm.norm';
const NOTE = 'api::press-note.press-note';
const PERSONAL = ['personalPhone', 'personalEmail', 'personalAddress', 'birthday'];

const users: Record<string, AdminSession> = {};
let contactId: string;
let normId: string;

beforeAll(async () => {
  for (const code of ['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo', 'normas']) users[code] = await adminWithRole(code);
  contactId = (await app().documents(CONTACT).create({ data: fixtures.contact() } as any)).documentId;
  normId = (await app().documents(NORM).create({ data: fixtures.norm() } as any)).documentId;
});

describe('personal contact data', () => {
  it.each(['protocolo', 'gerente-comunicaciones'])('%s reads it', async (code) => {
    const res = await contentManager(users[code], CONTACT).findOne(contactId);
    expect(res.status).toBe(200);
    expect(res.body.data.personalPhone).toBe('+51 952 111 222');
    expect(res.body.data.birthday).toBe('1980-05-14');
    expect(res.body.data.consent).toHaveProperty('evidence');
  });

  it('the Redactor reads the institutional fields only', async () => {
    const one = await contentManager(users.redactor, CONTACT).findOne(contactId);
    expect(one.status).toBe(200);
    expect(one.body.data.position).toBe('Regidora');
    for (const field of PERSONAL) expect(one.body.data).not.toHaveProperty(field);
    expect(one.body.data.consent).not.toHaveProperty('evidence');

    const list = await contentManager(users.redactor, CONTACT).list({ pageSize: 100 });
    expect(list.status).toBe(200);
    const body = JSON.stringify(list.body);
    expect(body).not.toContain('rosa.personal@example.com');
    expect(body).not.toContain('+51 952 111 222');
  });

  it.each(['archivo', 'normas'])('%s cannot read protocol contacts at all', async (code) => {
    expect((await contentManager(users[code], CONTACT).findOne(contactId)).status).toBe(403);
  });

  it('the Redactor cannot write personal data either', async () => {
    const res = await contentManager(users.redactor, CONTACT).update(contactId, { personalPhone: '+51 900 000 000' });
    expect(res.status).toBe(403);
  });
});

describe('norms', () => {
  it('a Redactor cannot delete or edit a norm', async () => {
    expect((await contentManager(users.redactor, NORM).delete(normId)).status).toBe(403);
    expect((await contentManager(users.redactor, NORM).update(normId, { title: 'Cambiado por redactor' })).status).toBe(403);
    expect(await app().documents(NORM).findOne({ documentId: normId } as any)).not.toBeNull();
  });

  it('Normas creates and publishes a norm; the Gerente may delete one', async () => {
    const created = await contentManager(users.normas, NORM).create(fixtures.norm());
    expect(created.status).toBe(201);
    const published = await contentManager(users.normas, NORM).publish(created.body.data.documentId);
    expect(published.status).toBe(200);
    expect((await contentManager(users['gerente-comunicaciones'], NORM).delete(normId)).status).toBe(200);
  });
});

describe('press notes', () => {
  it('a Redactor writes press notes but cannot publish them; the Gerente can', async () => {
    const created = await contentManager(users.redactor, NOTE).create(fixtures.pressNote());
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    expect((await contentManager(users.redactor, NOTE).publish(documentId)).status).toBe(403);
    expect((await contentManager(users.archivo, NOTE).update(documentId, { title: 'Cambio no permitido' })).status).toBe(403);
  });
});

describe('role bootstrap', () => {
  const permissionCount = async (code: string) => {
    const role = await app().service('admin::role').findOne({ code });
    return app().db.query('admin::permission').count({ where: { role: role.id } });
  };

  it('is idempotent and does not put back a permission an administrator removed', async () => {
    const { ensureAdminRoles } = require('../../dist/src/bootstrap/admin-roles');
    const codes = ['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo', 'normas'];
    const before = await Promise.all(codes.map(permissionCount));
    await ensureAdminRoles(app());
    expect(await Promise.all(codes.map(permissionCount))).toEqual(before);

    const role = await app().service('admin::role').findOne({ code: 'archivo' });
    const removed = await app().db.query('admin::permission').findOne({
      where: { role: role.id, action: 'plugin::content-manager.explorer.read', subject: NOTE },
    });
    expect(removed).not.toBeNull();
    await app().db.query('admin::permission').delete({ where: { id: removed.id } });
    await ensureAdminRoles(app());
    expect(
      await app().db.query('admin::permission').count({ where: { role: role.id, action: 'plugin::content-manager.explorer.read', subject: NOTE } })
    ).toBe(0);
  });
});
