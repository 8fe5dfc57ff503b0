// Attacks on the approval workflow's versions routes (what changed, the versions, restore) and on
// Strapi's preview-URL route as this project configures it: strangers, lower roles and malformed
// requests, generated from the plugin's route table. A refusal changes nothing.
import { app, adminWithRole, contentManager, http, type AdminSession } from '../helpers/app';
import { fixtures } from '../helpers/fixtures';
import { approvals } from '../helpers/approval';
import { previewUrlFor } from '../helpers/preview';

const NOTE = 'api::press-note.press-note';
const users: Record<string, AdminSession> = {};
let documentId: string;
let versionId: number;
let otherVersionId: number;

const ok = (res: any, status = 200) => {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

async function approvedNote() {
  const id = ok(await contentManager(users.redactor, NOTE).create(fixtures.pressNote(), 'es-PE'), 201).documentId as string;
  ok(await approvals(users.redactor).act(NOTE, id, 'submit', {}, 'es-PE'));
  ok(await approvals(users.gerente).act(NOTE, id, 'approve', {}, 'es-PE'));
  const draft = ok(await contentManager(users.redactor, NOTE).findOne(id, 'es-PE'));
  ok(await contentManager(users.redactor, NOTE).update(id, { ...draft, lead: 'Entradilla cambiada.' }, 'es-PE'));
  return { id, version: ok(await approvals(users.gerente).versions(NOTE, id, 'es-PE'))[0].id as number };
}

beforeAll(async () => {
  for (const [name, code] of [['redactor', 'redactor'], ['gerente', 'gerente-comunicaciones'], ['archivo', 'archivo'], ['normas', 'normas']]) users[name] = await adminWithRole(code);
  ({ id: documentId, version: versionId } = await approvedNote());
  ({ version: otherVersionId } = await approvedNote());
});

/** The plugin's versions routes, from its route table, with valid parameters filled in. */
function versionRoutes() {
  const routes = (app().plugin('approval-workflow').routes as any).admin.routes as Array<{ method: string; path: string; handler: string }>;
  const mine = routes.filter((r) => r.handler.startsWith('versions.'));
  expect(mine.map((r) => r.handler).sort()).toEqual(['versions.changes', 'versions.list', 'versions.restore']);
  return mine.map((r) => ({
    ...r,
    url: `/approval-workflow${r.path.replace(':uid', NOTE).replace(':documentId', documentId).replace(':versionId', String(versionId))}`,
  }));
}

const call = (route: { method: string; url: string }, token?: string, query: object = { locale: 'es-PE' }, body: object = {}) => {
  const req = (http() as any)[route.method.toLowerCase()](route.url).query(query);
  if (token) req.set('Authorization', `Bearer ${token}`);
  return route.method === 'GET' ? req : req.send(body);
};

const draftHash = () => app().plugin('approval-workflow').service('content-hash').draftHash(NOTE, documentId, 'es-PE');

describe('who may call the versions routes', () => {
  it('a stranger gets 401 and a role without the approval permission 403, on every route', async () => {
    const before = await draftHash();
    for (const route of versionRoutes()) {
      expect((await call(route)).status).toBe(401);
      expect((await call(route, 'no-es-un-token')).status).toBe(401);
      for (const name of ['archivo', 'normas']) {
        const res = await call(route, users[name].token);
        expect([route.handler, res.status]).toEqual([route.handler, 403]);
      }
    }
    expect(await draftHash()).toBe(before);
  });

  it('a Redactor reads what changed and the versions, and cannot restore', async () => {
    const [changes, list] = await Promise.all([approvals(users.redactor).changes(NOTE, documentId, { locale: 'es-PE' }), approvals(users.redactor).versions(NOTE, documentId, 'es-PE')]);
    expect(ok(changes).fields.map((f: any) => f.path[0])).toEqual(['lead']);
    expect(ok(list)).toHaveLength(1);
    const before = await draftHash();
    const res = await approvals(users.redactor).restore(NOTE, documentId, versionId, {}, 'es-PE');
    expect([res.status, res.body.error.details.code]).toEqual([403, 'FORBIDDEN']);
    expect(res.body.error.message).toMatch(/Solo quien revisa/);
    expect(await draftHash()).toBe(before);
  });

  it("the approval permission alone does not show a type's content: field changes need the content manager's read", async () => {
    // A role that may read approvals but not press notes.
    const session = await userWithPermissions('Solo aprobaciones', [{ action: 'plugin::approval-workflow.read' }]);
    for (const res of [await approvals(session).changes(NOTE, documentId, { locale: 'es-PE' }), await approvals(session).versions(NOTE, documentId, 'es-PE')]) {
      expect([res.status, res.body.error.details.code]).toEqual([403, 'FORBIDDEN']);
      expect(JSON.stringify(res.body)).not.toContain('Entradilla cambiada.');
    }
  });
});

/** A user of a new role with exactly these permissions (an administrator could make such a role). */
async function userWithPermissions(name: string, permissions: Array<{ action: string; subject?: string | null; properties?: object }>) {
  const role = await app().service('admin::role').create({ name: `${name} ${Date.now()}`, description: 'prueba' });
  await app().service('admin::role').assignPermissions(role.id, permissions.map((p) => ({ subject: null, properties: {}, conditions: [], ...p })));
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@municipalidad.test`;
  const user = await app().service('admin::user').create({ email, firstname: name, lastname: 'Prueba', password: 'Clave-Segura-2026a', isActive: true, roles: [role.id] });
  const login = await http().post('/admin/login').send({ email, password: 'Clave-Segura-2026a' });
  return { id: user.id, email, token: login.body.data.token as string };
}

describe('restoring needs the right to edit what it restores', () => {
  it('a reviewer who may only read press notes, or may not edit one of their fields, restores nothing', async () => {
    const approval = ['read', 'submit', 'review'].map((a) => ({ action: `plugin::approval-workflow.${a}` }));
    const readOnly = await userWithPermissions('Revisor sin edición', [...approval, { action: 'plugin::content-manager.explorer.read', subject: NOTE }]);
    const fields = Object.keys((app().contentTypes as any)[NOTE].attributes).filter((f) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(f));
    const partial = await userWithPermissions('Revisor parcial', [
      ...approval,
      { action: 'plugin::content-manager.explorer.read', subject: NOTE, properties: { fields, locales: ['es-PE'] } },
      { action: 'plugin::content-manager.explorer.update', subject: NOTE, properties: { fields: fields.filter((f) => f !== 'lead'), locales: ['es-PE'] } },
    ]);
    const before = await draftHash();
    for (const [who, session] of [['read only', readOnly], ['all fields but lead', partial]] as const) {
      const res = await approvals(session).restore(NOTE, documentId, versionId, {}, 'es-PE');
      expect([who, res.status, res.body.error.details.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    expect(await draftHash()).toBe(before);
  });
});

describe('malformed requests', () => {
  it('bad parameters, queries and bodies get a 400 with a code, never a 500, and change nothing', async () => {
    const before = await draftHash();
    const g = approvals(users.gerente);
    const cases: Array<[string, () => Promise<any>, number]> = [
      ['versionId not a number', () => g.restore(NOTE, documentId, 'abc', {}, 'es-PE'), 400],
      ['versionId negative', () => g.restore(NOTE, documentId, -3, {}, 'es-PE'), 400],
      ['versionId of another document', () => g.restore(NOTE, documentId, otherVersionId, {}, 'es-PE'), 404],
      ['versionId that does not exist', () => g.restore(NOTE, documentId, 999999, {}, 'es-PE'), 404],
      ['version of another locale', () => g.restore(NOTE, documentId, versionId, {}, 'en'), 404],
      ['unknown body key', () => g.restore(NOTE, documentId, versionId, { comment: 'x', data: { title: 'otro' } }, 'es-PE'), 400],
      ['comment too long', () => g.restore(NOTE, documentId, versionId, { comment: 'x'.repeat(2001) }, 'es-PE'), 400],
      ['comment not text', () => g.restore(NOTE, documentId, versionId, { comment: { $gt: '' } }, 'es-PE'), 400],
      ['against not a number', () => g.changes(NOTE, documentId, { locale: 'es-PE', against: 'uno' }), 400],
      ['against of another document', () => g.changes(NOTE, documentId, { locale: 'es-PE', against: otherVersionId }), 404],
      ['unknown query key', () => http().get(`/approval-workflow/documents/${NOTE}/${documentId}/versions`).query({ locale: 'es-PE', populate: '*' }).set('Authorization', `Bearer ${users.gerente.token}`), 400],
      ['locale not a code', () => g.versions(NOTE, documentId, "es'; drop table"), 400],
      ['type not gated', () => g.versions('api::norm.norm', documentId, 'es-PE'), 404],
      ['type that does not exist', () => g.changes('api::nada.nada', documentId, { locale: 'es-PE' }), 404],
      ['document that does not exist', () => g.versions(NOTE, 'no-existe', 'es-PE'), 404],
      ['document that does not exist (changes)', () => g.changes(NOTE, 'no-existe', { locale: 'es-PE' }), 404],
    ];
    for (const [name, request, status] of cases) {
      const res = await request();
      expect([name, res.status]).toEqual([name, status]);
      expect([name, typeof res.body?.error?.message]).toEqual([name, 'string']);
      expect([name, res.body.error.details?.code ?? res.body.error.name]).toEqual([name, expect.any(String)]);
    }
    expect(await draftHash()).toBe(before);
  });
});

describe("Strapi's preview URL route, as configured here", () => {
  it('signs nothing for a stranger or for a role that may not read the type', async () => {
    const program = ok(await contentManager(users.redactor, 'api::broadcast-program.broadcast-program').create(fixtures.broadcastProgram()), 201);
    expect((await http().get(`/content-manager/preview/url/${NOTE}`).query({ documentId })).status).toBe(401);
    // Archivo and Normas do not read programmes.
    for (const name of ['archivo', 'normas']) {
      const res = await previewUrlFor(users[name], 'api::broadcast-program.broadcast-program', { documentId: program.documentId });
      expect(res.status).toBeLessThan(500);
      expect(res.body?.data?.url).toBeUndefined();
    }
    // Malformed: Strapi's own validation answers, nothing is signed.
    for (const query of [{}, { documentId: ['a', 'b'] }, { documentId, locale: { $ne: '' } }]) {
      const res = await previewUrlFor(users.redactor, NOTE, query as any);
      expect(res.status).toBeLessThan(500);
      expect(res.body?.data?.url).toBeUndefined();
    }
  });
});
