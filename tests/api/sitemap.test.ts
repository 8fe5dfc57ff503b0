// /sitemap.xml and /robots.txt as crawlers read them: fast-xml-parser (well-formed XML,
// then the tree) plus the sitemaps.org protocol's rules checked here (namespace, absolute
// <loc> of at most 2,048 characters on the website, unique, W3C datetimes, at most 50,000
// URLs and 50 MB per file, an index past that), Google's hreflang rules (every version lists
// all versions, itself included, and they list it back), and robots-parser for robots.txt.
// The expected pages are computed from the database for every type the configuration
// gives a page, so a type or a visibility rule left out of the sitemap fails here.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import robotsParser from 'robots-parser';
import { app, http } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { approveAndPublish } from '../helpers/approval';

const NOTE = 'api::press-note.press-note';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const HREFLANG = /^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*|x-default)$/;
const docs: Record<string, any> = {};
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) });
const website = () => app().config.get('website') as any;

type Url = { loc: string; lastmod?: string; alternates: Array<{ hreflang: string; href: string }> };

/** A urlset file, checked against the protocol (one assertion for all its URLs: there may be 50,000); its URLs. */
function readUrlset(text: string): Url[] {
  expect(XMLValidator.validate(text)).toBe(true);
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(50 * 1024 * 1024);
  const tree = parser.parse(text);
  expect(tree.urlset['@xmlns']).toBe(SITEMAP_NS);
  const urls: Url[] = (tree.urlset.url ?? []).map((url: any) => ({
    loc: url.loc,
    lastmod: url.lastmod,
    alternates: (url['xhtml:link'] ?? []).map((link: any) => ({ rel: link['@rel'], hreflang: link['@hreflang'], href: link['@href'] })),
  }));
  expect(urls.length).toBeLessThanOrEqual(50_000);
  const origin = `${new URL(website().url).origin}/`;
  const problems: string[] = [];
  for (const url of urls) {
    if (typeof url.loc !== 'string' || url.loc.length > 2048 || !url.loc.startsWith(origin)) problems.push(`loc ${url.loc}`);
    if (url.lastmod !== undefined && !W3C_DATETIME.test(url.lastmod)) problems.push(`lastmod ${url.lastmod}`);
    for (const alternate of url.alternates as any[]) {
      if (alternate.rel !== 'alternate' || !HREFLANG.test(alternate.hreflang) || !alternate.href.startsWith(origin)) problems.push(`alternate ${JSON.stringify(alternate)}`);
    }
  }
  expect(problems.slice(0, 10)).toEqual([]);
  return urls;
}

/** /sitemap.xml, and every part when it is an index: all its URLs. */
async function readSitemap(): Promise<{ urls: Url[]; parts: number }> {
  const res = await http().get('/sitemap.xml');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  const tree = parser.parse(res.text);
  if (!tree.sitemapindex) return { urls: readUrlset(res.text), parts: 0 };
  expect(tree.sitemapindex['@xmlns']).toBe(SITEMAP_NS);
  const urls: Url[] = [];
  const entries = tree.sitemapindex.sitemap as Array<{ loc: string; lastmod?: string }>;
  expect(entries.length).toBeLessThanOrEqual(50_000);
  for (const entry of entries) {
    if (entry.lastmod) expect(entry.lastmod).toMatch(W3C_DATETIME);
    const loc = new URL(entry.loc);
    expect(`${loc.origin}`).toBe(String(app().config.get('server.absoluteUrl')));
    const part = await http().get(loc.pathname);
    expect(part.status).toBe(200);
    urls.push(...readUrlset(part.text));
  }
  return { urls, parts: entries.length };
}

/** Every version lists all versions (itself too); hreflang values distinct; each alternate is in the sitemap and lists it back. */
function expectReciprocalAlternates(urls: Url[]) {
  const byLoc = new Map(urls.map((url) => [url.loc, url]));
  const problems: string[] = [];
  const hrefs = (url: Url) => url.alternates.map((a) => a.href).sort().join(' ');
  for (const url of urls) {
    if (!url.alternates.length) continue;
    const hreflangs = url.alternates.map((a) => a.hreflang);
    if (new Set(hreflangs).size !== hreflangs.length) problems.push(`${url.loc}: repeated hreflang`);
    if (!url.alternates.some((a) => a.href === url.loc && a.hreflang !== 'x-default')) problems.push(`${url.loc}: does not list itself`);
    for (const alternate of url.alternates) {
      const other = byLoc.get(alternate.href);
      if (!other) problems.push(`${url.loc}: alternate ${alternate.href} is not in the sitemap`);
      else if (hrefs(other) !== hrefs(url)) problems.push(`${url.loc}: ${alternate.href} does not list the same versions`);
    }
  }
  expect(problems.slice(0, 10)).toEqual([]);
}

/** What the sitemap must list: every section in every locale and every published, public version of every type with a page. */
async function expectedLocs() {
  const config = website();
  const i18n = app().plugin('i18n').service('locales');
  const locales = ((await i18n.find()) as Array<{ code: string }>).map((l) => l.code);
  const defaultLocale = await i18n.getDefaultLocale();
  const locs = new Set<string>();
  for (const pattern of config.sections) for (const locale of locales) locs.add(`${config.url}${pattern.replace('{locale}', locale)}`);
  for (const [uid, pattern] of Object.entries<string>(config.pages)) {
    const model = (app().contentTypes as any)[uid];
    const rows = (await app().db.query(uid as any).findMany({
      where: { ...(model.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {}), ...(model.attributes.isPublic ? { isPublic: true } : {}) },
    })) as any[];
    for (const row of rows) {
      const locale = model.pluginOptions?.i18n?.localized ? row.locale : defaultLocale;
      locs.add(`${config.url}${pattern.replace('{locale}', encodeURIComponent(locale)).replace('{slug}', encodeURIComponent(row.slug)).replace('{documentId}', row.documentId)}`);
    }
  }
  return locs;
}

beforeAll(async () => {
  docs.note = await publishedDocument(NOTE, fixtures.pressNote());
  await app().documents(NOTE as any).update({ documentId: docs.note.documentId, locale: 'en', data: { ...fixtures.pressNote(), title: 'Sitemap in English' } } as any);
  await approveAndPublish(NOTE, docs.note.documentId, 'en');
  docs.draft = await app().documents(NOTE as any).create({ data: fixtures.pressNote() } as any);
  docs.publicCeremony = await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(true));
  docs.privateCeremony = await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(false));
  docs.program = await publishedDocument('api::broadcast-program.broadcast-program', fixtures.broadcastProgram());
  docs.norm = await publishedDocument('api::norm.norm', fixtures.norm());
  docs.page = await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
  docs.privateItem = await publishedDocument('api::media-archive-item.media-archive-item', {
    kind: 'photo', title: 'Foto reservada del mapa', rights: 'own', isPublic: false, file: (await uploadTestImage('#5a3d7a')).id,
  });
});

describe('/sitemap.xml', () => {
  it('lists exactly every public page the website has, per the protocol, with hreflang alternates and lastmod', async () => {
    const { urls, parts } = await readSitemap();
    expect(parts).toBe(0);
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    expect(new Set(locs)).toEqual(await expectedLocs());
    expectReciprocalAlternates(urls);

    const base = website().url;
    const es = urls.find((u) => u.loc === `${base}/es-PE/prensa/${docs.note.slug}`)!;
    expect(es.lastmod).toBeDefined();
    expect(es.alternates.map((a) => a.hreflang).sort()).toEqual(['en', 'es-PE', 'x-default']);
    // A type without locales: the default locale's path, no alternates.
    const program = urls.find((u) => u.loc === `${base}/es-PE/programas/${docs.program.slug}`)!;
    expect(program.alternates).toEqual([]);
    expect(locs).toContain(`${base}/es-PE/agenda/${docs.publicCeremony.slug}`);
    expect(locs).not.toContain(`${base}/es-PE/agenda/${docs.privateCeremony.slug}`);
    expect(locs.some((loc) => loc.endsWith(docs.privateItem.documentId))).toBe(false);
  });

  it('is cached like a public read and follows every publish, unpublish and visibility change', async () => {
    const first = await http().get('/sitemap.xml');
    const again = await http().get('/sitemap.xml');
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect((await http().get('/sitemap.xml').set('If-None-Match', `W/${first.headers.etag}`)).status).toBe(304);

    const base = website().url;
    const fresh = await publishedDocument('api::norm.norm', fixtures.norm());
    expect((await http().get('/sitemap.xml')).text).toContain(`${base}/es-PE/normas/${fresh.slug}`);
    await app().documents('api::norm.norm').unpublish({ documentId: fresh.documentId, locale: '*' } as any);
    expect((await http().get('/sitemap.xml')).text).not.toContain(`${base}/es-PE/normas/${fresh.slug}`);
    await app().documents('api::ceremony.ceremony').update({ documentId: docs.publicCeremony.documentId, locale: 'es-PE', data: { isPublic: false } } as any);
    await app().documents('api::ceremony.ceremony').publish({ documentId: docs.publicCeremony.documentId, locale: 'es-PE' } as any);
    const hidden = await http().get('/sitemap.xml');
    expect(hidden.headers['x-cache']).toBe('MISS');
    expect(hidden.text).not.toContain(`/agenda/${docs.publicCeremony.slug}`);
    await app().documents('api::media-archive-item.media-archive-item').update({ documentId: docs.privateItem.documentId, data: { isPublic: true } } as any);
    expect((await http().get('/sitemap.xml')).text).toContain(`/archivo/${docs.privateItem.documentId}`);
  });

  it('past maxUrlsPerFile it is an index of parts that together list the same pages; other parts are 404', async () => {
    const single = await readSitemap();
    app().config.set('website.sitemap.maxUrlsPerFile', 7);
    try {
      // A change moves the head: the cached single file is not served any more.
      await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
      const indexed = await readSitemap();
      expect(indexed.parts).toBe(Math.ceil(indexed.urls.length / 7));
      expect(new Set(indexed.urls.map((u) => u.loc))).toEqual(await expectedLocs());
      expect(indexed.urls.length).toBe(single.urls.length + 1);
      for (const path of [`/sitemap-${indexed.parts + 1}.xml`, '/sitemap-0.xml', '/sitemap-01.xml', '/sitemap-x.xml']) {
        const missing = await http().get(path);
        expect(missing.status).toBe(404);
        expect(missing.body.error.details.code).toBe('SITEMAP_PART_NOT_FOUND');
      }
    } finally {
      app().config.set('website.sitemap.maxUrlsPerFile', 50_000);
      await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
    }
    expect((await http().get('/sitemap-1.xml')).status).toBe(404);
  });

  it('with the default limit, 50,001 programmes make an index whose parts keep to 50,000 URLs', async () => {
    const UID = 'api::broadcast-program.broadcast-program';
    const now = new Date().toISOString();
    const rows = Array.from({ length: 50_001 }, (_, i) => ({
      documentId: `mapa${String(i).padStart(20, '0')}`,
      name: `Programa masivo ${i}`,
      slug: `programa-masivo-${i}`,
      medium: 'radio',
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    }));
    try {
      // Straight into the table (the document service would take minutes); a publish then moves the head.
      const table = (app().getModel(UID) as any).collectionName;
      await app().db.connection.batchInsert(table, rows.map((r) => ({ document_id: r.documentId, name: r.name, slug: r.slug, medium: r.medium, created_at: r.createdAt, updated_at: r.updatedAt, published_at: r.publishedAt })), 400);
      await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
      const { urls, parts } = await readSitemap();
      expect(parts).toBe(2);
      expect(urls.filter((u) => u.loc.includes('/programas/programa-masivo-'))).toHaveLength(50_001);
    } finally {
      await app().db.query(UID).deleteMany({ where: { documentId: { $startsWith: 'mapa' } } });
      await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
    }
  });
});

describe('/robots.txt', () => {
  it('names the sitemap with an absolute URL and keeps crawlers out of the admin and the JSON API (robots-parser)', async () => {
    const res = await http().get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const origin = String(app().config.get('server.absoluteUrl'));
    const robots = robotsParser(`${origin}/robots.txt`, res.text);
    expect(robots.getSitemaps()).toEqual([`${origin}/sitemap.xml`]);
    expect(robots.isAllowed(`${origin}/admin/auth/login`, 'Googlebot')).toBe(false);
    expect(robots.isAllowed(`${origin}/api/press-notes`, 'Googlebot')).toBe(false);
    expect(robots.isAllowed(`${origin}/api/feeds/press-notes.rss`, 'Googlebot')).toBe(true);
    expect(robots.isAllowed(`${origin}/uploads/portada.jpg`, 'Googlebot')).toBe(true);
    expect(robots.isAllowed(`${origin}/sitemap.xml`, 'Googlebot')).toBe(true);
    expect(res.headers.etag).toBeDefined();
  });
});
