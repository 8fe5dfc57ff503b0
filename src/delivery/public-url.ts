// The absolute URLs the project writes (feeds' self links and images, links to the website)
// come from configuration only — PUBLIC_URL (server.url) and WEBSITE_URL — never from a
// request's Host or X-Forwarded-* headers, which a client chooses and a shared cache does
// not key on.
import type { Core } from '@strapi/strapi';

/** This server's public base URL, without a trailing slash (Strapi's `server.absoluteUrl`, from PUBLIC_URL or HOST/PORT). */
export const publicBaseUrl = (strapi: Core.Strapi) => String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/+$/, '');

/** The municipal website's base URL (WEBSITE_URL), without a trailing slash. */
export const websiteBaseUrl = () => (process.env.WEBSITE_URL || 'https://www.municipalidad.gob.pe').replace(/\/+$/, '');

/** `path` made absolute against this server's public base URL; absolute URLs are kept. */
export const absoluteUrl = (strapi: Core.Strapi, path: string | undefined | null) =>
  !path ? undefined : /^https?:\/\//.test(path) ? path : `${publicBaseUrl(strapi)}${path.startsWith('/') ? '' : '/'}${path}`;
