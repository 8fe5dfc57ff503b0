/**
 * What the server answers for crawlers at its root, outside /api: `/sitemap.xml`
 * (and its parts past 50,000 URLs) and `/robots.txt`, which names it. Public and
 * cached like the public reads (src/middlewares/response-cache.ts).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createSitemap } from './sitemap';
import { validateWebsiteConfig, websiteConfig } from './website';

const XML = 'application/xml; charset=utf-8';

/** Strict part numbers: 1, 2, … (no 0, no leading zeros, no signs). */
const PART = /^[1-9]\d{0,5}$/;

export function registerWebsiteOutputs(strapi: Core.Strapi) {
  validateWebsiteConfig(strapi);
  const sitemap = createSitemap(strapi);

  const notFound = (path: string) =>
    new errors.NotFoundError('Esta parte del mapa del sitio no existe.', { code: 'SITEMAP_PART_NOT_FOUND', path });

  strapi.server.routes([
    {
      method: 'GET',
      path: '/sitemap.xml',
      handler: async (ctx: any) => {
        ctx.type = XML;
        ctx.body = await sitemap.root();
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/sitemap-:part.xml',
      handler: async (ctx: any) => {
        const part = String(ctx.params.part);
        const xml = PART.test(part) ? await sitemap.part(Number(part)) : null;
        if (xml === null) throw notFound(ctx.path);
        ctx.type = XML;
        ctx.body = xml;
      },
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/robots.txt',
      handler: async (ctx: any) => {
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = robots(websiteConfig(strapi).organization.name, sitemap.location());
      },
      config: { auth: false },
    },
  ] as any);
}

/**
 * This server is the website's content store, not a website: crawlers may fetch the
 * feeds and the files the pages show, not the admin, the JSON API or its documentation.
 */
const robots = (organization: string, sitemapUrl: string) =>
  [
    `# ${organization}: servidor de contenidos del sitio web municipal.`,
    '# The pages are on the municipal website; the sitemap below lists them.',
    'User-agent: *',
    'Allow: /api/feeds/',
    'Allow: /uploads/',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /documentation',
    '',
    `Sitemap: ${sitemapUrl}`,
    '',
  ].join('\n');
