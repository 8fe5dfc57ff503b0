/**
 * The website's sitemap (sitemaps.org protocol 0.9) from the published, public
 * documents of every type with a page (config/website.ts `pages`) in every locale,
 * with `hreflang` alternates (Google's xhtml:link extension) and `lastmod`, plus the
 * section pages. Past `maxUrlsPerFile` URLs (or 50 MB) /sitemap.xml is an index of
 * /sitemap-1.xml, /sitemap-2.xml… Built once per change-log head (the response
 * cache's freshness): a publish, unpublish or delete of any type in the sitemap moves
 * the head (validateWebsiteConfig makes sure cif-sync follows each of them).
 */
import type { Core } from '@strapi/strapi';
import { VISIBILITY_FLAG } from '../access/content-api';
import { localeUrl, pageUrl, publicServerUrl, websiteConfig } from './website';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** The protocol's limits per file. */
const MAX_BYTES = 50 * 1024 * 1024;
const MAX_LOC_LENGTH = 2048;
/** A built sitemap older than this is built again even if the head did not move (locales added, …). */
const MAX_AGE_MS = 60_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  alternates: Array<{ hreflang: string; href: string }>;
}

interface Built {
  /** The urlset files, in order; /sitemap.xml is the only one or the index of all. */
  files: Array<{ xml: string; lastmod?: string }>;
}

type Row = { documentId: string; locale?: string | null; slug?: string | null; updatedAt: string | Date; createdAt: string | Date };

const iso = (value: string | Date) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
const newest = (dates: Array<string | undefined>) => dates.filter(Boolean).sort().pop();

// Sitemaps reach 50,000 URLs: written as text (a DOM builder takes seconds there), escaped
// as the protocol asks, characters XML 1.0 does not allow dropped.
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

function urlset(urls: SitemapUrl[]) {
  const parts = [`${DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n`];
  for (const url of urls) {
    parts.push(`  <url>\n    <loc>${xml(url.loc)}</loc>\n`);
    if (url.lastmod) parts.push(`    <lastmod>${url.lastmod}</lastmod>\n`);
    for (const a of url.alternates) parts.push(`    <xhtml:link rel="alternate" hreflang="${xml(a.hreflang)}" href="${xml(a.href)}"/>\n`);
    parts.push('  </url>\n');
  }
  parts.push('</urlset>\n');
  return parts.join('');
}

function sitemapIndex(base: string, files: Built['files']) {
  const entries = files.map(
    (file, i) => `  <sitemap>\n    <loc>${xml(`${base}/sitemap-${i + 1}.xml`)}</loc>\n${file.lastmod ? `    <lastmod>${file.lastmod}</lastmod>\n` : ''}  </sitemap>\n`
  );
  return `${DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('')}</sitemapindex>\n`;
}

/** One URL per document and locale; the versions of a document are each other's alternates. */
function documentUrls(strapi: Core.Strapi, uid: string, rows: Row[], localized: boolean, defaultLocale: string): SitemapUrl[] {
  const byDocument = new Map<string, Row[]>();
  for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  const urls: SitemapUrl[] = [];
  for (const versions of byDocument.values()) {
    const pages = versions
      .map((row) => {
        const locale = localized ? row.locale ?? defaultLocale : defaultLocale;
        return { locale, href: pageUrl(strapi, uid, row, locale), lastmod: iso(row.updatedAt) };
      })
      .filter((page): page is { locale: string; href: string; lastmod: string } => Boolean(page.href) && page.href!.length <= MAX_LOC_LENGTH);
    const alternates = localized && pages.length > 1 ? alternatesOf(pages, defaultLocale) : [];
    for (const page of pages) urls.push({ loc: page.href, lastmod: page.lastmod, alternates });
  }
  return urls;
}

/** hreflang links of every version (each page lists itself too), and x-default for the default locale's. */
function alternatesOf(pages: Array<{ locale: string; href: string }>, defaultLocale: string) {
  const alternates = pages.map((page) => ({ hreflang: page.locale, href: page.href }));
  const fallback = pages.find((page) => page.locale === defaultLocale);
  return fallback ? [...alternates, { hreflang: 'x-default', href: fallback.href }] : alternates;
}

export function createSitemap(strapi: Core.Strapi) {
  let memo: { head: number; at: number; built: Promise<Built> } | null = null;

  async function collect(): Promise<SitemapUrl[]> {
    const config = websiteConfig(strapi);
    const i18n = strapi.plugin('i18n').service('locales');
    const defaultLocale: string = await i18n.getDefaultLocale();
    const locales = ((await i18n.find()) as Array<{ code: string }>).map((l) => l.code).sort((a, b) => (a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b)));

    const urls: SitemapUrl[] = config.sections.map((pattern) => {
      const pages = locales.map((locale) => ({ locale, href: localeUrl(strapi, pattern, locale) }));
      return pages.map((page) => ({ loc: page.href, alternates: pages.length > 1 ? alternatesOf(pages, defaultLocale) : [] }));
    }).flat();

    for (const uid of Object.keys(config.pages)) {
      const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
      const localized = Boolean(model.pluginOptions?.i18n?.localized);
      const where: Record<string, unknown> = {};
      if (model.options?.draftAndPublish) where.publishedAt = { $notNull: true };
      if (model.attributes[VISIBILITY_FLAG]) where[VISIBILITY_FLAG] = true;
      const rows = (await strapi.db.query(uid as any).findMany({
        select: ['documentId', 'updatedAt', 'createdAt', ...(localized ? ['locale'] : []), ...(model.attributes.slug ? ['slug'] : [])],
        where,
        // Creation order: new documents go at the end, so the first files of an index stay the same.
        orderBy: [{ createdAt: 'asc' }, { documentId: 'asc' }, ...(localized ? [{ locale: 'asc' }] : [])],
      })) as Row[];
      urls.push(...documentUrls(strapi, uid, rows, localized, defaultLocale));
    }
    return urls;
  }

  async function build(): Promise<Built> {
    const { maxUrlsPerFile } = websiteConfig(strapi).sitemap;
    const urls = await collect();
    const files: Built['files'] = [];
    let chunk: SitemapUrl[] = [];
    let bytes = 0;
    const flush = () => {
      files.push({ xml: urlset(chunk), lastmod: newest(chunk.map((url) => url.lastmod)) });
      chunk = [];
      bytes = 0;
    };
    for (const url of urls) {
      // A generous estimate of the URL's XML (escaping at most doubles a URL); the envelope is a few hundred bytes.
      const size = 64 + (url.loc.length + 40) * 2 + url.alternates.reduce((sum, a) => sum + a.href.length * 2 + 80, 0);
      if (chunk.length && (chunk.length >= maxUrlsPerFile || bytes + size > MAX_BYTES - 1024)) flush();
      chunk.push(url);
      bytes += size;
    }
    if (chunk.length || !files.length) flush();
    return { files };
  }

  async function current(): Promise<Built> {
    const head: number = await strapi.plugin('cif-sync').service('change-log').head();
    if (memo && memo.head === head && Date.now() - memo.at < MAX_AGE_MS) return memo.built;
    const built = build();
    memo = { head, at: Date.now(), built };
    built.catch(() => {
      if (memo?.built === built) memo = null;
    });
    return built;
  }

  const base = () => (websiteConfig(strapi).sitemapBaseUrl || publicServerUrl(strapi)).replace(/\/+$/, '');

  return {
    /** /sitemap.xml: the only urlset, or the index of the parts. */
    async root() {
      const { files } = await current();
      return files.length === 1 ? files[0].xml : sitemapIndex(base(), files);
    },
    /** /sitemap-<n>.xml (1-based), or null when there is no such part (a single-file sitemap has none). */
    async part(n: number) {
      const { files } = await current();
      return files.length > 1 && n >= 1 && n <= files.length ? files[n - 1].xml : null;
    },
    /** Where crawlers find the sitemap (robots.txt). */
    location: () => `${base()}/sitemap.xml`,
  };
}
