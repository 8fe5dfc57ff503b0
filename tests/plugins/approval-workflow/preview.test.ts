// Preview before approval: Strapi's Preview (config/admin.ts) opens this project's page with the
// draft as the public will read it, or the website with a token it verifies; the approval
// e-mail carries a link for exactly the submitted version. Pages read with parse5, tokens
// verified with jose (independent of the code that makes them).
import crypto from 'crypto';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { app, adminWithRole, contentManager, http, mailbox, type AdminSession } from '../../helpers/app';
import { fixtures, uploadTestImage } from '../../helpers/fixtures';
import { approvals } from '../../helpers/approval';
import { withConfig } from '../../helpers/config';
import { htmlPage, openInBrowser, previewLinkIn, previewUrlFor, tokenOf } from '../../helpers/preview';

const NOTE = 'api::press-note.press-note';
const PROGRAM = 'api::broadcast-program.broadcast-program';
const NORM = 'api::norm.norm';
const TRANSPARENCY = 'api::transparency-page.transparency-page';

let redactor: AdminSession;
let gerente: AdminSession;
let normas: AdminSession;
let protocolo: AdminSession;
let cover: { id: number; url?: string };

beforeAll(async () => {
  [redactor, gerente, normas, protocolo] = await Promise.all(['redactor', 'gerente-comunicaciones', 'normas', 'protocolo'].map(adminWithRole));
  cover = await uploadTestImage('#0b5394');
  await app().db.query('plugin::upload.file').update({ where: { id: cover.id }, data: { alternativeText: 'Productores en la plaza de armas' } });
});

const ok = (res: any, status = 200) => {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

const body = [
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Programa de la feria' }] },
  { type: 'paragraph', children: [{ type: 'text', text: 'La feria abre el sábado ' }, { type: 'text', text: 'a las nueve', bold: true }, { type: 'text', text: '.' }] },
  { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'Artesanía <b>aymara</b>' }] }] },
  { type: 'paragraph', children: [{ type: 'link', url: 'https://www.munisantarosa.gob.pe/feria', children: [{ type: 'text', text: 'Más información' }] }] },
];

async function draftNote(locale = 'es-PE', extra: object = {}) {
  const data = { ...fixtures.pressNote(), lead: 'Productores de ambos lados de la frontera.', body, cover: cover.id, seo: { metaTitle: 'Feria binacional de la frontera', metaDescription: 'Del 10 al 12 de junio.' }, ...extra };
  return ok(await contentManager(redactor, NOTE).create(data, locale), 201) as { documentId: string; title: string };
}

const getPage = openInBrowser;

describe("the admin's Preview", () => {
  it('opens this project page with the draft as the public will read it: title, lead, cover, body, SEO', async () => {
    const note = await draftNote();
    const urlFor = async () => ok(await previewUrlFor(redactor, NOTE, { documentId: note.documentId, locale: 'es-PE', status: 'draft' })).url as string;
    // Absolute from PUBLIC_URL (server.url; the test run sets it); relative without it: never built from the request's Host header.
    const publicUrl = String(app().config.get('server.url'));
    expect(publicUrl).toMatch(/^https:\/\//);
    const absolute = await urlFor();
    expect(absolute.startsWith(`${publicUrl.replace(/\/$/, '')}/preview/`)).toBe(true);
    expect(absolute.slice(publicUrl.replace(/\/$/, '').length)).toMatch(/^\/preview\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const url = await withConfig({ 'server.url': '' }, urlFor);
    expect(url).toMatch(/^\/preview\/[\w-]+\.[\w-]+\.[\w-]+$/);

    const res = await getPage(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expect(res.headers['x-robots-tag']).toMatch(/noindex/);
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    const page = htmlPage(res.text);
    expect(page.attr(page.byTag('html')[0], 'lang')).toBe('es-PE');
    expect(page.texts('h1')).toEqual([note.title]);
    expect(page.byClass('lead').map(page.text)).toEqual(['Productores de ambos lados de la frontera.']);
    const [coverImg] = page.byTag('img');
    expect(page.attr(coverImg, 'alt')).toBe('Productores en la plaza de armas');
    expect(page.attr(coverImg, 'src')).toMatch(/^\/uploads\//);
    expect(page.texts('h2')).toEqual(expect.arrayContaining(['Programa de la feria', 'Cómo se verá en buscadores y redes sociales']));
    expect(page.texts('p')).toContain('La feria abre el sábado a las nueve.');
    expect(page.texts('strong')).toContain('a las nueve');
    // Text from the document is text, never markup.
    expect(page.texts('li')).toContain('Artesanía <b>aymara</b>');
    expect(page.byTag('b')).toHaveLength(0);
    expect(page.byTag('a').map((a) => page.attr(a, 'href'))).toContain('https://www.munisantarosa.gob.pe/feria');
    expect(page.byClass('serp').map(page.text).join(' ')).toContain('Feria binacional de la frontera');
    // The one script is the one the policy names by hash (it reloads the page when the admin saves).
    const scripts = page.byTag('script').map(page.text);
    expect(scripts).toHaveLength(1);
    expect(csp).toContain(`'sha256-${crypto.createHash('sha256').update(scripts[0]).digest('base64')}'`);
    expect(scripts[0]).toContain('strapiUpdate');
    // Landmarks and a skip link for screen readers and keyboards.
    expect(page.byTag('main')).toHaveLength(1);
    expect(page.attr(page.byClass('skip')[0], 'href')).toBe('#contenido');
  });

  it('every previewable type in the locale asked: a note in English, a norm, a transparency page, a programme', async () => {
    const es = await draftNote();
    ok(await contentManager(redactor, NOTE).update(es.documentId, { ...fixtures.pressNote(), title: 'Binational fair at the border', body }, 'en'));
    const enPage = htmlPage((await getPage(ok(await previewUrlFor(redactor, NOTE, { documentId: es.documentId, locale: 'en' })).url)).text);
    expect(enPage.attr(enPage.byTag('html')[0], 'lang')).toBe('en');
    expect(enPage.texts('h1')).toEqual(['Binational fair at the border']);

    const norm = ok(await contentManager(normas, NORM).create({ ...fixtures.norm(), sumilla: 'Aprueba el reglamento de ferias.' }, 'es-PE'), 201);
    const normPage = htmlPage((await getPage(ok(await previewUrlFor(normas, NORM, { documentId: norm.documentId, locale: 'es-PE' })).url)).text);
    expect(normPage.texts('h1')).toEqual([norm.title]);
    expect(normPage.byClass('kicker').map(normPage.text)).toEqual([norm.number]);
    const normFacts = Object.fromEntries(normPage.byTag('dt').map((dt, i) => [normPage.text(dt), normPage.text(normPage.byTag('dd')[i])]));
    // Stored values read as their Spanish labels (src/labels/enumerations.ts), as in the admin.
    expect(normFacts).toMatchObject({ 'Emitida por': 'Concejo Municipal', 'Fecha de emisión': '01/03/2026', 'Tipo de norma': 'Ordenanza', Nivel: 'Local', Estado: 'Promulgada' });

    const page = ok(await contentManager(gerente, TRANSPARENCY).create(fixtures.transparencyPage(), 'es-PE'), 201);
    const transparency = htmlPage((await getPage(ok(await previewUrlFor(normas, TRANSPARENCY, { documentId: page.documentId, locale: 'es-PE' })).url)).text);
    expect(transparency.texts('h1')).toEqual([page.title]);
    expect(transparency.texts('p')).toContain('Contenido.');

    const program = ok(await contentManager(redactor, PROGRAM).create(fixtures.broadcastProgram()), 201);
    const { url } = ok(await previewUrlFor(redactor, PROGRAM, { documentId: program.documentId }));
    const programPage = htmlPage((await getPage(url)).text);
    expect(programPage.texts('h1')).toEqual([program.name]);
    expect(programPage.texts('li')).toContainEqual(expect.stringContaining('07:00 · 08:00'));
    expect(programPage.texts('dd')).toContain('01/01/2026');
  });

  it('is offered only to roles that may read the type, for a document that exists in that locale', async () => {
    const program = ok(await contentManager(redactor, PROGRAM).create(fixtures.broadcastProgram()), 201);
    // Protocolo does not read programmes: Strapi's route would sign for any admin; the handler refuses.
    const refused = await previewUrlFor(protocolo, PROGRAM, { documentId: program.documentId });
    expect(refused.body?.data?.url).toBeUndefined();
    expect(JSON.stringify(refused.body ?? {})).not.toMatch(/preview\//);
    const missing = await previewUrlFor(redactor, NOTE, { documentId: 'no-existe-123', locale: 'es-PE' });
    expect(missing.body?.data?.url).toBeUndefined();
    const stranger = await http().get(`/content-manager/preview/url/${NOTE}`).query({ documentId: program.documentId });
    expect(stranger.status).toBe(401);
    // Ceremonies have no preview layout: no Preview box.
    expect((await previewUrlFor(protocolo, 'api::ceremony.ceremony', { documentId: 'x', locale: 'es-PE' })).body?.data?.url).toBeUndefined();
  });

  it('with WEBSITE_URL and a path, opens the website with a token it verifies with the JWK set, and reads the draft as data', async () => {
    const config = app().config.get('plugin::approval-workflow') as any;
    const saved = { websiteUrl: config.preview.websiteUrl, layout: config.preview.types[NOTE] };
    config.preview.websiteUrl = 'https://www.municipalidad.test';
    config.preview.types[NOTE] = { ...saved.layout, websitePath: '/prensa/{slug}' };
    try {
      const note = await draftNote();
      const draft = ok(await contentManager(redactor, NOTE).findOne(note.documentId, 'es-PE'));
      const { url } = ok(await previewUrlFor(redactor, NOTE, { documentId: note.documentId, locale: 'es-PE', status: 'draft' }));
      const website = new URL(url);
      expect(`${website.origin}${website.pathname}`).toBe(`https://www.municipalidad.test/prensa/${draft.slug}`);
      const token = website.searchParams.get('preview')!;

      // What the website does: verify with the published key set (it cannot sign), then fetch the draft.
      const jwks = (await http().get('/preview/jwks.json').expect(200)).body;
      expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) })]);
      expect(jwks.keys[0].d).toBeUndefined();
      const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: 'comunicaciones-municipales', audience: 'preview', algorithms: ['EdDSA'] });
      expect(protectedHeader.kid).toBe(jwks.keys[0].kid);
      expect(payload).toMatchObject({ uid: NOTE, documentId: note.documentId, locale: 'es-PE', status: 'draft', purpose: 'editor' });
      expect(payload.exp! - payload.iat!).toBe(60 * 60);

      const data = await http().get(`/preview/${token}/data`).expect(200);
      expect(data.headers['cache-control']).toMatch(/no-store/);
      expect(data.body.data).toMatchObject({ documentId: note.documentId, title: note.title, locale: 'es-PE', cover: { id: cover.id, alternativeText: 'Productores en la plaza de armas' }, seo: { metaTitle: 'Feria binacional de la frontera' } });
      expect(data.body.meta).toMatchObject({ uid: NOTE, status: 'draft', purpose: 'editor' });
      for (const key of ['createdBy', 'updatedBy', 'localizations']) expect(data.body.data).not.toHaveProperty(key);
    } finally {
      config.preview.websiteUrl = saved.websiteUrl;
      config.preview.types[NOTE] = saved.layout;
    }
  });

  it('previews the published version when asked, not the draft', async () => {
    const note = await draftNote();
    ok(await approvals(redactor).act(NOTE, note.documentId, 'submit', {}, 'es-PE'));
    ok(await approvals(gerente).act(NOTE, note.documentId, 'approve', {}, 'es-PE'));
    ok(await contentManager(gerente, NOTE).publish(note.documentId, {}, 'es-PE'));
    const draft = ok(await contentManager(redactor, NOTE).findOne(note.documentId, 'es-PE'));
    ok(await contentManager(redactor, NOTE).update(note.documentId, { ...draft, title: `${note.title} (borrador nuevo)` }, 'es-PE'));
    const published = htmlPage((await getPage(ok(await previewUrlFor(redactor, NOTE, { documentId: note.documentId, locale: 'es-PE', status: 'published' })).url)).text);
    expect(published.texts('h1')).toEqual([note.title]);
    expect(published.text(published.byClass('banner')[0])).toMatch(/versión publicada/);
    const current = htmlPage((await getPage(ok(await previewUrlFor(redactor, NOTE, { documentId: note.documentId, locale: 'es-PE', status: 'draft' })).url)).text);
    expect(current.texts('h1')).toEqual([`${note.title} (borrador nuevo)`]);
  });
});

describe('the preview link in the approval e-mail', () => {
  it('shows exactly the submitted version without a session, until the draft is edited', async () => {
    const note = await draftNote();
    ok(await approvals(redactor).act(NOTE, note.documentId, 'submit', {}, 'es-PE'));
    const mail = await mailbox().waitFor((m) => (m.subject ?? '').includes(note.title) && (m.subject ?? '').startsWith('Para aprobar'));
    expect(mail.text).toMatch(/Vista previa, sin iniciar sesión \(válida hasta el .+ hora de Lima; deja de valer si el contenido se edita\)/);
    const link = previewLinkIn(mail.text!);
    // Absolute: the reader is on a phone, not in the admin.
    expect(link.url).toMatch(/^https?:\/\//);

    const claims = decodeJwt(link.token);
    const status = ok(await approvals(gerente).status(NOTE, note.documentId, 'es-PE'));
    expect(claims).toMatchObject({ purpose: 'link', uid: NOTE, documentId: note.documentId, locale: 'es-PE', hash: status.currentHash });
    expect(claims.exp! - claims.iat!).toBe(72 * 3600);

    const page = await getPage(link.path);
    expect(page.status).toBe(200);
    expect(htmlPage(page.text).texts('h1')).toEqual([note.title]);

    // An edit voids it (the Gerente would judge something else than what was sent).
    const draft = ok(await contentManager(redactor, NOTE).findOne(note.documentId, 'es-PE'));
    ok(await contentManager(redactor, NOTE).update(note.documentId, { ...draft, lead: 'Otra entradilla.' }, 'es-PE'));
    const gone = await getPage(link.path);
    expect(gone.status).toBe(410);
    expect(htmlPage(gone.text).texts('h1')).toEqual(['No se puede mostrar la vista previa']);
    expect(gone.text).toContain('El contenido cambió después de generar este enlace');
    // A program gets the error shape with its code, from the page as from its data.
    for (const path of [link.path, `${link.path}/data`]) {
      const refused = await http().get(path);
      expect([refused.status, refused.body.error?.details?.code]).toEqual([410, 'PREVIEW_OUTDATED']);
    }
    expect(tokenOf(link.url)).toBe(link.token);
  });
});
