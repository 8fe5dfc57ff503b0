/**
 * The website's configuration (config/website.ts), checked at start-up, and the
 * helpers every public output builds its absolute URLs with: this server's public
 * URL (PUBLIC_URL, Strapi's `server.absoluteUrl`), the website's URL and the URL of
 * a document's page. Never the request's Host header.
 */
import type { Core } from '@strapi/strapi';
import { yup } from '@strapi/utils';

export interface WebsiteConfig {
  url: string;
  sitemapBaseUrl: string;
  timezone: string;
  organization: {
    name: string;
    alternateName: string;
    office: string;
    email: string;
    logo: string;
    shareImage: string;
    address: { locality: string; region: string; country: string };
  };
  pages: Record<string, string>;
  sections: string[];
  sitemap: { maxUrlsPerFile: number };
  feeds: { pressNotes: { page: string; title: Record<string, string>; description: Record<string, string> } };
}

export const PLACEHOLDERS = ['locale', 'slug', 'documentId'] as const;
const PLACEHOLDER = /\{([^}]*)\}/g;

const absoluteUrl = yup
  .string()
  .required()
  .test('absolute', '${path} must be an absolute http(s) URL without query or fragment', (value) => {
    try {
      const url = new URL(String(value));
      return /^https?:$/.test(url.protocol) && !url.search && !url.hash;
    } catch {
      return false;
    }
  });
const urlOrPath = yup.string().test('url-or-path', '${path} must be empty, a path starting with / or an absolute URL', (value) => !value || value.startsWith('/') || /^https?:\/\//.test(value));
const pathPattern = yup
  .string()
  .required()
  .matches(/^\//, '${path} must start with /')
  .test('placeholders', '${path} may only use {locale}, {slug} and {documentId}', (value) =>
    [...String(value).matchAll(PLACEHOLDER)].every(([, name]) => (PLACEHOLDERS as readonly string[]).includes(name))
  );
const localePattern = yup
  .string()
  .required()
  .matches(/^\//, '${path} must start with /')
  .test('placeholders', '${path} may only use {locale}', (value) => [...String(value).matchAll(PLACEHOLDER)].every(([, name]) => name === 'locale'));
const textPerLocale = yup.object().test('texts', '${path} must map locale codes to non-empty texts', (value: Record<string, unknown> | undefined) =>
  Object.values(value ?? {}).every((text) => typeof text === 'string' && text.trim().length > 0)
);

const schema = yup.object({
  url: absoluteUrl,
  sitemapBaseUrl: yup.string().test('url', '${path} must be empty or an absolute http(s) URL', (value) => !value || /^https?:\/\/[^?#]+$/.test(value)),
  timezone: yup.string().required(),
  organization: yup.object({
    name: yup.string().required(),
    alternateName: yup.string(),
    office: yup.string().required(),
    email: yup.string().email(),
    logo: urlOrPath,
    shareImage: urlOrPath,
    address: yup.object({ locality: yup.string().required(), region: yup.string().required(), country: yup.string().length(2).required() }),
  }),
  pages: yup.object().required(),
  sections: yup.array().of(localePattern).required(),
  sitemap: yup.object({ maxUrlsPerFile: yup.number().integer().min(1).max(50_000).required() }),
  feeds: yup.object({ pressNotes: yup.object({ page: localePattern, title: textPerLocale, description: textPerLocale }) }),
});

export const websiteConfig = (strapi: Core.Strapi) => strapi.config.get('website') as WebsiteConfig;

/**
 * Checks config/website.ts with a clear message at start-up: page patterns of types that
 * exist, whose slug is a field of the type, and whose changes the response cache follows
 * (cif-sync's `types` or `cacheTypes`), since the sitemap is cached like any public read.
 */
export function validateWebsiteConfig(strapi: Core.Strapi) {
  const config = websiteConfig(strapi);
  const fail = (message: string): never => {
    throw new Error(`config/website.ts: ${message}`);
  };
  try {
    schema.validateSync(config, { abortEarly: true });
  } catch (error: any) {
    fail(error.errors?.join('; ') ?? String(error));
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.timezone });
  } catch {
    fail(`unknown time zone "${config.timezone}"`);
  }
  const cifSync = (strapi.config.get('plugin::cif-sync') ?? {}) as { types?: string[]; cacheTypes?: string[] };
  const followed = new Set([...(cifSync.types ?? []), ...(cifSync.cacheTypes ?? [])]);
  for (const [uid, pattern] of Object.entries(config.pages)) {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
    if (!model) fail(`pages: unknown content type "${uid}"`);
    try {
      pathPattern.validateSync(pattern, { abortEarly: true });
    } catch (error: any) {
      fail(`pages["${uid}"]: ${error.errors?.join('; ')}`);
    }
    if (pattern.includes('{slug}') && model.attributes.slug?.type !== 'uid') fail(`pages["${uid}"]: the type has no slug`);
    if (!followed.has(uid)) fail(`pages["${uid}"]: add the type to cif-sync's cacheTypes, or the cached sitemap would not see its changes`);
  }
  if (strapi.config.get('environment') === 'production' && !/^https?:\/\//.test(String(strapi.config.get('server.url') ?? ''))) {
    strapi.log.warn(`PUBLIC_URL is not set: feeds, the sitemap and structured data link to ${publicServerUrl(strapi)}.`);
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** This server's public URL (PUBLIC_URL; Strapi's own absolute URL without it). */
export const publicServerUrl = (strapi: Core.Strapi) => trimSlash(String(strapi.config.get('server.absoluteUrl')));

/** The municipal website's URL (WEBSITE_URL). */
export const websiteUrl = (strapi: Core.Strapi) => trimSlash(websiteConfig(strapi).url);

/** A media URL as the upload provider stored it (a path for the local provider), made absolute. */
export const absoluteMediaUrl = (strapi: Core.Strapi, url: string | null | undefined) => {
  if (!url) return undefined;
  return /^https?:\/\//.test(url) ? url : `${publicServerUrl(strapi)}${url.startsWith('/') ? '' : '/'}${url}`;
};

/** A configured image or link: absolute as it is, a path on the website otherwise. */
export const onWebsite = (strapi: Core.Strapi, urlOrPath: string | undefined) =>
  !urlOrPath ? undefined : /^https?:\/\//.test(urlOrPath) ? urlOrPath : `${websiteUrl(strapi)}${urlOrPath}`;

const fill = (pattern: string, values: Record<string, string | null | undefined>) => {
  let complete = true;
  const path = pattern.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === null || value === undefined || value === '') complete = false;
    return encodeURIComponent(String(value ?? ''));
  });
  return complete ? path : null;
};

/** The website page of a document in a locale, or null (type without a page, or a value missing). */
export function pageUrl(strapi: Core.Strapi, uid: string, entry: { documentId: string; slug?: string | null; locale?: string | null }, locale: string) {
  const pattern = websiteConfig(strapi).pages[uid];
  if (!pattern) return null;
  const path = fill(pattern, { locale, slug: entry.slug, documentId: entry.documentId });
  return path === null ? null : `${websiteUrl(strapi)}${path}`;
}

/** A website page whose path has only {locale} (config `sections`, a feed's page), in a locale. */
export const localeUrl = (strapi: Core.Strapi, pattern: string, locale: string) => `${websiteUrl(strapi)}${fill(pattern, { locale })}`;

/** A text configured per locale: that locale's, its language's, English, then the default locale's. */
export function textFor(texts: Record<string, string>, locale: string, defaultLocale: string) {
  return texts[locale] ?? texts[locale.split('-')[0]] ?? texts.en ?? texts[defaultLocale] ?? Object.values(texts)[0] ?? '';
}
