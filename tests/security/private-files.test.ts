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
import { photo } from '../archive/files';
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
