// The approval binds to what the public sees, files included. Generated from
// the approval workflow's gated types and their schemas: every media field
// (through components) × every door that changes a file (the media library's
// replace, re-describe, bulk update, move, delete; /api/upload's replace,
// re-describe and delete; the document service and the query engine called by
// server code for a caller) × every caller. Who may not publish the content is
// refused with a coded 403 and nothing changes; who may (the Gerente, a
// full-access token) changes it and the approval is voided like an edit, the
// change making them an editor for four-eyes.
import { approveAndPublish, approvals } from '../../helpers/approval';
import { createApiToken } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { jpeg } from './corpus';
import { abilityOf, app, bearer, fileRow, http, roleCodes, sessionOf, tempFile, asResponse } from './support';

const FILE = 'plugin::upload.file';
const gatedTypes = (): string[] => (app().config.get('plugin::approval-workflow') as any).gatedTypes;
const FIXTURE: Record<string, () => Record<string, unknown>> = {
  'api::press-note.press-note': fixtures.pressNote,
  'api::broadcast-program.broadcast-program': fixtures.broadcastProgram,
};

type MediaField = { uid: string; keys: string[]; attribute: any; components: any[] };

/** Every media field of every gated type, through components (from the schemas). */
function mediaFields(): MediaField[] {
  const out: MediaField[] = [];
  const walk = (uid: string, schemaUid: string, keys: string[], components: any[]) => {
    for (const [key, a] of Object.entries((app().getModel(schemaUid as any) as any).attributes as Record<string, any>)) {
      if (a.type === 'media') out.push({ uid, keys: [...keys, key], attribute: a, components });
      if (a.type === 'component') walk(uid, a.component, [...keys, key], [...components, a]);
    }
  };
  for (const uid of gatedTypes()) walk(uid, uid, [], []);
  return out;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A stored file the field accepts: an image for image fields, a PDF otherwise. */
async function fileFor(field: MediaField, n: number) {
  const image = (field.attribute.allowedTypes ?? ['images']).includes('images');
  const buffer = image ? await jpeg(`#${(0x203040 + n * 0x050301).toString(16).slice(-6)}`, 200 + n, 120) : Buffer.concat([PDF, Buffer.from(`% ${n}\n`)]);
  const name = image ? `archivo-${n}.jpg` : `guion-${n}.pdf`;
  const tmp = await tempFile(name, buffer);
  try {
    const [file] = await app()
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { name, caption: `Leyenda ${n}`, alternativeText: `Texto alternativo ${n}` } }, files: { filepath: tmp.filepath, originalFilename: name, mimetype: image ? 'image/jpeg' : 'application/pdf', size: buffer.length } });
    return file as { id: number; documentId: string };
  } finally {
    await tmp.dispose();
  }
}

/** The document's data with the file in the field: components get their required fields. */
function dataWith(field: MediaField, fileId: number) {
  const required = (component: string) =>
    Object.fromEntries(
      Object.entries((app().getModel(component as any) as any).attributes as Record<string, any>)
        .filter(([, a]) => a.required)
        .map(([k, a]) => [k, a.default ?? (a.type === 'enumeration' ? a.enum[0] : a.type === 'integer' ? 30 : a.type === 'boolean' ? false : 'x')])
    );
  let value: any = field.attribute.multiple ? [fileId] : fileId;
  for (let i = field.keys.length - 1; i >= 1; i -= 1) {
    const component = field.components[i - 1];
    const inner = { ...required(component.component), [field.keys[i]]: value };
    value = component.repeatable ? [inner] : inner;
  }
  return { ...FIXTURE[field.uid](), [field.keys[0]]: value };
}

let counter = 0;
/** A published, approved document using a new file in the field. */
async function approvedUsing(field: MediaField) {
  counter += 1;
  const file = await fileFor(field, counter);
  const doc = await app().documents(field.uid as any).create({ data: dataWith(field, file.id) } as any);
  await approveAndPublish(field.uid, doc.documentId);
  return { file, documentId: doc.documentId as string };
}

type Caller = { name: string; kind: 'admin' | 'token' | 'code'; auth?: () => Promise<Record<string, string>>; role?: string };
type Door = { name: string; for: Array<Caller['kind']>; changesContent: boolean; run: (fileId: number, caller: Caller) => Promise<{ status: number; body: any }> };

let folderId: number;
let uploadOnlyToken: string;

const multipartReplace = (path: string, query: object, auth: Record<string, string>, n: number) =>
  jpeg(`#${(0x405060 + n).toString(16).slice(-6)}`, 180, 90 + n).then((buffer) =>
    http().post(path).query(query).set(auth).attach('files', buffer, { filename: `nueva-${n}.jpg`, contentType: 'image/jpeg' })
  );

/** Server code doing it for the caller of a request (the document service, the query engine). */
async function asCaller(caller: Caller, run: () => Promise<any>) {
  const session = await sessionOf(caller.role!);
  const user = await app().db.query('admin::user').findOne({ where: { id: session.id }, populate: ['roles'] });
  const ctx = { path: '/admin-test', state: { user, userAbility: await abilityOf(caller.role!), auth: { strategy: { name: 'admin' }, credentials: user } } };
  try {
    await app().requestContext.run(ctx as any, run);
    return { status: 200, body: {} };
  } catch (error) {
    return asResponse(error);
  }
}

let n = 0;
const doors: Door[] = [
  { name: 'admin POST /upload?id= (new bytes)', for: ['admin'], changesContent: true, run: async (id, c) => multipartReplace('/upload', { id }, await c.auth!(), (n += 1)) },
  { name: 'admin POST /upload/files/:id/replace', for: ['admin'], changesContent: true, run: async (id, c) => multipartReplace(`/upload/files/${id}/replace`, {}, await c.auth!(), (n += 1)) },
  { name: 'admin POST /upload?id= (caption)', for: ['admin'], changesContent: true, run: async (id, c) => http().post('/upload').query({ id }).set(await c.auth!()).field('fileInfo', JSON.stringify({ caption: 'Otra leyenda' })) },
  { name: 'admin PUT /upload/files/:id (alternative text)', for: ['admin'], changesContent: true, run: async (id, c) => http().put(`/upload/files/${id}`).set(await c.auth!()).send({ fileInfo: { alternativeText: 'Otro texto' } }) },
  { name: 'admin POST /upload/actions/bulk-update (name)', for: ['admin'], changesContent: true, run: async (id, c) => http().post('/upload/actions/bulk-update').set(await c.auth!()).send({ updates: [{ id, fileInfo: { name: 'otro-nombre.jpg' } }] }) },
  { name: 'admin POST /upload/actions/bulk-move', for: ['admin'], changesContent: false, run: async (id, c) => http().post('/upload/actions/bulk-move').set(await c.auth!()).send({ fileIds: [id], destinationFolderId: folderId }) },
  { name: 'admin POST /upload/actions/bulk-delete', for: ['admin'], changesContent: true, run: async (id, c) => http().post('/upload/actions/bulk-delete').set(await c.auth!()).send({ fileIds: [id] }) },
  { name: 'admin DELETE /upload/files/:id', for: ['admin'], changesContent: true, run: async (id, c) => http().delete(`/upload/files/${id}`).set(await c.auth!()) },
  { name: 'POST /api/upload?id= (new bytes)', for: ['token'], changesContent: true, run: async (id, c) => multipartReplace('/api/upload', { id }, await c.auth!(), (n += 1)) },
  { name: 'POST /api/upload?id= (caption)', for: ['token'], changesContent: true, run: async (id, c) => http().post('/api/upload').query({ id }).set(await c.auth!()).field('fileInfo', JSON.stringify({ caption: 'Leyenda por API' })) },
  { name: 'DELETE /api/upload/files/:id', for: ['token'], changesContent: true, run: async (id, c) => http().delete(`/api/upload/files/${id}`).set(await c.auth!()) },
  {
    name: 'document service (server code, for the caller)',
    for: ['code'],
    changesContent: true,
    run: async (id, c) => asCaller(c, async () => app().documents(FILE as any).update({ documentId: (await fileRow(id)).documentId, data: { caption: 'Desde el document service' } } as any)),
  },
  { name: 'query engine (server code, for the caller)', for: ['code'], changesContent: true, run: async (id, c) => asCaller(c, () => app().db.query(FILE).update({ where: { id }, data: { alternativeText: 'Desde una consulta' } })) },
];

const refusedCallers = (): Caller[] => [
  ...roleCodes()
    .filter((r) => r !== 'gerente-comunicaciones')
    .flatMap((role): Caller[] => [
      { name: role, kind: 'admin', role, auth: async () => ({ Authorization: `Bearer ${(await sessionOf(role)).token}` }) },
      { name: `${role} (server code)`, kind: 'code', role },
    ]),
  { name: 'custom token with upload rights only', kind: 'token', auth: async () => bearer(uploadOnlyToken) },
];
const allowedCaller = (kind: Caller['kind']): Caller =>
  kind === 'token'
    ? { name: 'full-access token', kind, auth: async () => bearer(fullAccess) }
    : { name: 'gerente', kind, role: 'gerente-comunicaciones', auth: async () => ({ Authorization: `Bearer ${(await sessionOf('gerente-comunicaciones')).token}` }) };

let fullAccess: string;
const snapshot = async (fileId: number) => {
  const f = await fileRow(fileId);
  return f && { sha256: f.sha256, hash: f.hash, name: f.name, caption: f.caption, alternativeText: f.alternativeText, folderPath: f.folderPath };
};

beforeAll(async () => {
  fullAccess = await createApiToken('full-access');
  uploadOnlyToken = await createApiToken('custom', ['plugin::upload.content-api.upload', 'plugin::upload.content-api.destroy', 'plugin::upload.content-api.find']);
  const folder = await app().plugin('upload').service('folder').create({ name: `Carpeta ${Date.now()}` });
  folderId = folder.id;
}, 60_000);

it('covers every gated type and every media field', () => {
  const fields = mediaFields();
  for (const uid of gatedTypes()) expect(fields.some((f) => f.uid === uid)).toBe(true);
  expect(fields.some((f) => f.keys.length > 1)).toBe(true);
});

describe.each(mediaFields().length ? mediaFields().map((f) => [`${f.uid} ${f.keys.join('.')}`, f] as const) : [])('%s', (_label, field) => {
  it('no caller who may not publish it changes the file, on any door', async () => {
    const { file, documentId } = await approvedUsing(field);
    const before = await snapshot(file.id);
    const failures: string[] = [];
    for (const door of doors) {
      for (const caller of refusedCallers().filter((c) => door.for.includes(c.kind))) {
        const res = await door.run(file.id, caller);
        const code = res.body?.error?.details?.code;
        if (res.status !== 403 || !['GATED_FILE_LOCKED', 'FORBIDDEN'].includes(code)) failures.push(`${door.name} as ${caller.name}: ${res.status} ${code ?? JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot(file.id)).toEqual(before);
    const status = (await approvals(await sessionOf('gerente-comunicaciones')).status(field.uid, documentId)).body.data;
    expect(status).toMatchObject({ state: 'published', isApprovedVersion: true });
  }, 120_000);

});

/**
 * Who may publish it, on every door: each door once, the media fields taking turns
 * (every field is used by several doors; the refusals above cover the full matrix).
 */
describe('by who may publish it', () => {
  const fields = mediaFields();
  it.each(doors.map((d, i) => [d.name, d, i] as const))('%s: an edit of the content when it changes what the public sees (approval voided)', async (_name, door, i) => {
    const field = fields[i % fields.length];
    const { file, documentId } = await approvedUsing(field);
    const caller = allowedCaller(door.for[0]);
    const res = await door.run(file.id, caller);
    if (![200, 201, 204].includes(res.status)) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
    const status = (await approvals(await sessionOf('gerente-comunicaciones')).status(field.uid, documentId)).body.data;
    if (door.changesContent) {
      expect(status).toMatchObject({ state: 'draft', isApprovedVersion: false });
      expect(status.history.at(-1)).toMatchObject({ action: 'invalidate' });
    } else {
      expect(status).toMatchObject({ state: 'published', isApprovedVersion: true });
    }
  }, 60_000);
});

it('a Gerente who replaced a gated file is its editor: the resubmission needs another reviewer', async () => {
  const field = mediaFields()[0];
  const { file, documentId } = await approvedUsing(field);
  const gerente = await sessionOf('gerente-comunicaciones');
  expect((await multipartReplace('/upload', { id: file.id }, { Authorization: `Bearer ${gerente.token}` }, 999)).status).toBe(200);
  expect((await approvals(await sessionOf('redactor')).act(field.uid, documentId, 'submit')).status).toBe(200);
  const res = await approvals(gerente).act(field.uid, documentId, 'approve');
  expect(res.status).toBe(403);
  expect(res.body.error.details.code).toBe('SELF_APPROVAL_FORBIDDEN');
});
