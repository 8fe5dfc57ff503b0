// The files of private archive items and the originals, attacked from outside:
// every URL form such a file has or had (signed link, the link without or with
// a forged, expired or borrowed signature, a name that climbs out of the store,
// the public URL it had before it turned private, the original routes) × every
// caller that is not archive staff (the public, the website and cif tokens, a
// read-only and a custom token, a logged-in user of another role, an admin of
// another role). None opens. Archive staff's own link is the control.
import fs from 'fs';
import path from 'path';
import { adminWithRole, app, bearer, createApiToken, http, projectToken } from '../helpers/app';
import { brighter, photo } from '../archive/files';
import { ARCHIVE, archiveStaff, fileUrls, ingest } from '../archive/support';

const { signedLink, privateFileName } = require('../../dist/src/archive/private-files');
// The instance's own module (jest loads a copy of its own for require).
const settleFileMoves = () => app().service(ARCHIVE as any).settleFileMoves();

type Headers = Record<string, string>;
let callers: Array<[string, Headers]>;
let staff: Headers;
let item: any;
let formerPublicUrls: string[];

async function loggedInUser(): Promise<Headers> {
  const role = await app().db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const name = `lector-${Date.now()}`;
  await app().plugin('users-permissions').service('user').add({ username: name, email: `${name}@municipalidad.test`, password: 'Clave-Lector-1', provider: 'local', confirmed: true, blocked: false, role: role.id });
  const res = await http().post('/api/auth/local').send({ identifier: `${name}@municipalidad.test`, password: 'Clave-Lector-1' });
  return bearer(res.body.jwt);
}

beforeAll(async () => {
  staff = await archiveStaff();
  // Public first, then private: it has a former public URL too.
  const res = await ingest(staff, await photo(951, { width: 640, height: 480 }), 'secreta.jpg', { kind: 'photo', title: 'Reunión reservada de seguridad', rights: 'own', isPublic: true });
  expect(res.status).toBe(201);
  formerPublicUrls = fileUrls(res.body.data.file);
  await app().documents(ARCHIVE as any).update({ documentId: res.body.data.documentId, data: { isPublic: false } });
  await settleFileMoves();
  const full = bearer(await createApiToken('full-access'));
  item = (await http().get(`/api/media-archive-items/${res.body.data.documentId}`).query({ populate: 'file' }).set(full)).body.data;
  callers = [
    ['el público', {}],
    ['token website', bearer(await projectToken('website'))],
    ['token cif', bearer(await projectToken('cif'))],
    ['token de solo lectura', bearer(await createApiToken('read-only'))],
    ['token personalizado', bearer(await createApiToken('custom', ['api::media-archive-item.media-archive-item.find']))],
    ['usuario autenticado', await loggedInUser()],
    ['admin Normas', bearer((await adminWithRole('normas')).token)],
    ['token mal formado', { Authorization: 'Bearer x.y.z' }],
  ];
});

/** Every URL form of the item's files that someone might hold or make. */
function urlForms(): Array<[string, string]> {
  const links = fileUrls(item.file);
  const names: string[] = links.map(privateFileName);
  const [first, second] = names;
  const { expires, signature } = Object.fromEntries(new URL(links[0], 'http://x').searchParams);
  const past = signedLink(app(), first, Date.now() - 2 * 86400_000);
  return [
    ...names.map((name) => [`sin firma ${name}`, `/media-archive/files/${name}`] as [string, string]),
    ['firma alterada', `/media-archive/files/${first}?expires=${expires}&signature=${signature.slice(0, -2)}AA`],
    ['vencimiento alterado', `/media-archive/files/${first}?expires=${Number(expires) + 3600}&signature=${signature}`],
    ['firma de otro archivo', `/media-archive/files/${second}?expires=${expires}&signature=${signature}`],
    ['enlace vencido', past],
    ['firma vacía', `/media-archive/files/${first}?expires=${expires}&signature=`],
    ['parámetros repetidos', `/media-archive/files/${first}?expires=${expires}&expires=1&signature=${signature}&signature=x`],
    ['salida del almacén', `/media-archive/files/..%2F..%2F..%2Fpackage.json?expires=${expires}&signature=${signature}`],
    ['salida del almacén (originales)', `/media-archive/files/..%2Farchive-originals?expires=${expires}&signature=${signature}`],
    ['bajo /uploads con el mismo nombre', `/uploads/${first}`],
    ['carpeta privada por estáticos', `/private/archive-files/${first}`],
    ...formerPublicUrls.map((url) => [`URL pública anterior ${url}`, url] as [string, string]),
    ['original (Content API)', `/api/media-archive-items/${item.documentId}/original`],
    ['original (admin)', `/media-archive/items/${item.documentId}/original`],
    ['elemento (Content API)', `/api/media-archive-items/${item.documentId}?populate=file`],
  ];
}

it('the control: archive staff open every signed link, and the private files are not under public/', async () => {
  for (const url of fileUrls(item.file)) {
    const res = await http().get(url);
    expect(res.status).toBe(200);
    // Never a page of the app's origin, never stored on the way.
    expect(res.headers).toMatchObject({ 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
    expect(res.headers['content-security-policy']).toMatch(/(^|; )sandbox(;|$)/);
  }
  const uploads = fs.readdirSync(path.join(app().dirs.static.public, 'uploads'));
  for (const url of fileUrls(item.file)) expect(uploads).not.toContain(privateFileName(url));
});

it('no other URL form opens for any caller that is not archive staff', async () => {
  const opened: string[] = [];
  for (const [form, url] of urlForms()) {
    for (const [caller, headers] of callers) {
      const res = await http().get(url).set(headers);
      if (res.status < 400) opened.push(`${form} × ${caller}: ${res.status}`);
      else if (res.status >= 500) opened.push(`${form} × ${caller}: ${res.status} (error)`);
      else if (url.startsWith('/media-archive/files/') && res.status !== 404) expect(res.body.error.details.code).toMatch(/^PRIVATE_(LINK_INVALID|LINK_EXPIRED|FILE_NOT_FOUND)$/);
    }
  }
  expect(opened).toEqual([]);
});

it('refusals say why, in Spanish, with a stable code', async () => {
  const [, first] = [null, privateFileName(item.file.url)];
  const expired = await http().get(signedLink(app(), first, Date.now() - 2 * 86400_000));
  expect([expired.status, expired.body.error.details.code]).toEqual([403, 'PRIVATE_LINK_EXPIRED']);
  expect(expired.body.error.message).toMatch(/vencido/);
  const unsigned = await http().get(`/media-archive/files/${first}`);
  expect([unsigned.status, unsigned.body.error.details.code]).toEqual([403, 'PRIVATE_LINK_INVALID']);
  const gone = await http().get(signedLink(app(), 'no_existe_0123456789.jpg'));
  expect([gone.status, gone.body.error.details.code]).toEqual([404, 'PRIVATE_FILE_NOT_FOUND']);
});

// Every answer of the admin API, generated from the server's route table (GET routes
// with their parameters filled from the database) plus the writes that answer with a
// file, for every office role. An admin who reads archive items gets every private
// file and format as a signed link that opens; an admin who does not never gets one,
// signed or not (the admin would request it and show a broken picture).
describe('private files in the admin API answers', () => {
  const CM_READ = 'plugin::content-manager.explorer.read';
  const OFFICE_ROLES = ['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo', 'normas'];
  const PRIVATE_LINK = /\/media-archive\/files\/([^"\\?\s]+)(\?[^"\\\s]*)?/g;
  /**
   * Not walked: the private file and the original (bytes, their own tests above), and an
   * Enterprise route that answers 500 on Community Edition (the admin does not call it).
   */
  const NOT_WALKED = ['/media-archive/files/:name', '/media-archive/items/:documentId/original', '/admin/license-trial-time-left'];

  type Admin = { code: string; token: string; readsArchive: boolean };
  let admins: Admin[];
  let privateDoc: any;
  let privateFileId: number;

  const documentIdsOf = async (uid: string) => {
    const rows = await app().db.query(uid as any).findMany({ select: ['documentId'], orderBy: { id: 'desc' }, limit: 3 });
    const ids = new Set(rows.map((row: any) => row.documentId));
    if (uid === ARCHIVE) ids.add(privateDoc.documentId);
    return [...ids] as string[];
  };
  const relationsOf = (uid: string) =>
    Object.entries((app().getModel(uid as any) as any).attributes)
      // The relations the content manager edits (not i18n's hidden `localizations`, nor admin users).
      .filter(([, attribute]: [string, any]) => attribute.type === 'relation' && attribute.visible !== false && !String(attribute.target).startsWith('admin::'))
      .map(([name]) => name);

  /** The concrete URLs of a route, or null when one of its parameters is not one this walk knows how to fill. */
  async function urlsOf(path: string): Promise<string[] | null> {
    const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    if (!names.length) return [path];
    const contentTypes = Object.values(app().contentTypes as Record<string, any>).filter((ct) => ct.uid.startsWith('api::'));
    let models: string[] = [];
    if (path.startsWith('/content-manager/components/')) models = Object.keys(app().components);
    else if (path.startsWith('/content-manager/single-types/')) models = contentTypes.filter((ct) => ct.kind === 'singleType').map((ct) => ct.uid);
    else models = contentTypes.filter((ct) => ct.kind === 'collectionType').map((ct) => ct.uid);
    const modelParam = names.find((name) => ['model', 'uid', 'contentType'].includes(name));
    const urls: string[] = [];
    for (const model of modelParam ? models : [null]) {
      let partial = [model ? path.replace(`:${modelParam}`, model) : path];
      for (const name of names.filter((n) => n !== modelParam)) {
        let values: Array<string | number>;
        if ((name === 'id' || name === 'documentId') && model) values = await documentIdsOf(model);
        else if (name === 'targetField' && model) values = relationsOf(model);
        else if (name === 'id' && path.startsWith('/upload/files/')) values = (await app().db.query('plugin::upload.file').findMany({ select: ['id'], orderBy: { id: 'desc' }, limit: 3 })).map((f: any) => f.id).concat(privateFileId);
        else if (name === 'id' && path.startsWith('/upload/folders/')) values = (await app().db.query('plugin::upload.folder').findMany({ select: ['id'], limit: 3 })).map((f: any) => f.id);
        else if (name === 'documentId' && path.startsWith('/media-archive/items/')) values = await documentIdsOf(ARCHIVE);
        else return null;
        partial = partial.flatMap((url) => [...new Set(values)].map((value) => url.replace(`:${name}`, encodeURIComponent(String(value)))));
      }
      urls.push(...partial);
    }
    return urls;
  }

  /** The admin API's GET routes (not the Content API's), as the server registered them. */
  const adminGetRoutes = () =>
    [...new Set((app().server.listRoutes() as any[]).filter((layer) => layer.methods.includes('GET')).map((layer) => layer.path as string))].filter(
      (path) => !path.startsWith('/api/') && !NOT_WALKED.includes(path) && !path.startsWith('/admin/auth') && path !== '/'
    );

  beforeAll(async () => {
    const staffHeaders = await archiveStaff();
    const original = await photo(971, { width: 640, height: 480 });
    const hidden = await ingest(staffHeaders, original, 'reservada-admin.jpg', { kind: 'photo', title: 'Visita reservada al penal', rights: 'own', isPublic: false });
    expect(hidden.status).toBe(201);
    // A public near-duplicate: its `similar` answer names the private item, with its thumbnail.
    const shown = await ingest(staffHeaders, await brighter(original), 'visita-editada.jpg', { kind: 'photo', title: 'Visita al penal (editada)', rights: 'own', isPublic: true });
    expect(shown.status).toBe(201);
    const ceremony = await app().documents('api::ceremony.ceremony' as any).create({
      data: { title: 'Visita de la comisión de derechos humanos', slug: `visita-${Date.now()}`, kind: 'civic', startsAt: '2026-12-14T15:00:00.000Z', venue: 'Penal de Pocollay' },
      locale: 'es-PE',
    } as any);
    await app().documents(ARCHIVE as any).update({ documentId: hidden.body.data.documentId, data: { ceremony: ceremony.documentId } } as any);
    privateDoc = await app().db.query(ARCHIVE).findOne({ where: { documentId: hidden.body.data.documentId }, populate: { file: true } });
    privateFileId = privateDoc.file.id;
    expect(Object.keys(privateDoc.file.formats ?? {}).length).toBeGreaterThanOrEqual(2);
    admins = [];
    for (const code of OFFICE_ROLES) {
      const session = await adminWithRole(code);
      const readsArchive = (await app().db.query('admin::permission').count({ where: { action: CM_READ, subject: ARCHIVE, role: { code } } })) > 0;
      admins.push({ code, token: session.token, readsArchive });
    }
    // docs/storage.md: the Redactor reads archive items in the content manager, so gets signed links.
    expect(admins.filter((a) => a.readsArchive).map((a) => a.code)).toEqual(['redactor', 'gerente-comunicaciones', 'archivo']);
  });

  test('every GET answer, for every office role: signed links for those who read archive items, none for the others', async () => {
    const routes = adminGetRoutes();
    const skipped: string[] = [];
    const walked: Array<{ route: string; url: string }> = [];
    for (const route of routes) {
      const urls = await urlsOf(route);
      if (urls === null) skipped.push(route);
      else walked.push(...urls.map((url) => ({ route, url })));
    }
    // Everything of the content manager, the media library and the archive is walked.
    expect(skipped.filter((route) => /^\/(content-manager|upload|media-archive)\//.test(route))).toEqual([]);
    expect(walked.length).toBeGreaterThan(50);

    const problems: string[] = [];
    const linksSeenOn = new Set<string>();
    const opened = new Map<string, number>();
    for (const admin of admins) {
      for (const { route, url } of walked) {
        const res = await http().get(url).set('Authorization', `Bearer ${admin.token}`);
        if (res.status >= 500) problems.push(`${admin.code} GET ${url}: ${res.status}`);
        if (!String(res.headers['content-type'] ?? '').includes('json')) continue;
        for (const [link, name, query] of JSON.stringify(res.body).matchAll(PRIVATE_LINK)) {
          const params = new URLSearchParams(query ?? '');
          if (!admin.readsArchive) problems.push(`${admin.code} GET ${url}: ${link} (a private file for a role that does not read archive items)`);
          else if (!params.get('expires') || !params.get('signature')) problems.push(`${admin.code} GET ${url}: ${link} (unsigned)`);
          else {
            linksSeenOn.add(route);
            if (!opened.has(name)) opened.set(name, (await http().get(link)).status);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // The walk reached the answers that show a private item's file, and every signed link opens.
    expect([...linksSeenOn].sort()).toEqual(
      expect.arrayContaining([
        '/content-manager/collection-types/:model',
        '/content-manager/collection-types/:model/:id',
        '/media-archive/items/:documentId/similar',
        '/upload/files',
        '/upload/files/:id',
      ])
    );
    const names = [privateDoc.file, ...Object.values(privateDoc.file.formats)].map((version: any) => privateFileName(version.url));
    expect(names.filter((name) => !opened.has(name))).toEqual([]);
    expect([...opened.entries()].filter(([, status]) => status !== 200)).toEqual([]);
  }, 600000);

  test('the writes that answer with the file: signed for those who read archive items; the others do not reach it', async () => {
    const problems: string[] = [];
    const check = (admin: Admin, what: string, res: any) => {
      if (res.status >= 500) problems.push(`${admin.code} ${what}: ${res.status}`);
      for (const [link, , query] of JSON.stringify(res.body ?? {}).matchAll(PRIVATE_LINK)) {
        const params = new URLSearchParams(query ?? '');
        if (!admin.readsArchive || !params.get('expires') || !params.get('signature')) problems.push(`${admin.code} ${what}: ${link}`);
      }
    };
    for (const admin of admins) {
      const auth = { Authorization: `Bearer ${admin.token}` };
      const info = await http().post(`/upload?id=${privateFileId}`).set(auth).field('fileInfo', JSON.stringify({ alternativeText: `Vista por ${admin.code}` }));
      check(admin, 'POST /upload?id= (file details)', info);
      // Who does not read archive items does not find the file at all.
      if (!admin.readsArchive) expect([admin.code, info.status]).toEqual([admin.code, 404]);
      else expect([admin.code, info.status, info.body?.error ?? null]).toEqual([admin.code, 200, null]);
      const edit = await http().put(`/content-manager/collection-types/${ARCHIVE}/${privateDoc.documentId}`).set(auth).send({ title: privateDoc.title });
      check(admin, 'PUT content manager (archive item)', edit);
      if (!admin.readsArchive) {
        // Nor delete it with the media library's bulk delete (which names no file it cannot find).
        const bulkDelete = await http().post('/upload/actions/bulk-delete').set(auth).send({ fileIds: [privateFileId], folderIds: [] });
        check(admin, 'POST /upload/actions/bulk-delete', bulkDelete);
        expect(await app().db.query('plugin::upload.file').count({ where: { id: privateFileId } })).toBe(1);
      }
    }
    expect(problems).toEqual([]);
  });
});
