import type { Core } from '@strapi/strapi';

/**
 * The municipal website as the public outputs see it (src/delivery/website.ts checks
 * this at start-up): its URL and the URL of each page, the organisation that publishes,
 * the feeds' titles per locale. Absolute URLs are built from here and from PUBLIC_URL,
 * never from a request's Host header.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** The municipal website (links in feeds, sitemap, structured data). */
  url: env('WEBSITE_URL', 'https://www.municipalidad.gob.pe'),
  /** Where /sitemap.xml and its parts are reachable; empty: this server (PUBLIC_URL). */
  sitemapBaseUrl: env('SITEMAP_BASE_URL', ''),
  /** Time zone of the office: local times in structured data and calendars. */
  timezone: 'America/Lima',
  organization: {
    name: 'Municipalidad Provincial de Santa Rosa de la Frontera',
    alternateName: env('MUNICIPALITY_ACRONYM', 'MPSRF'),
    /** Author of the press notes and the feeds. */
    office: 'Gerencia de Comunicaciones e Imagen Institucional',
    email: env('EMAIL_FROM', 'comunicaciones@municipalidad.gob.pe'),
    /** Absolute, or a path on the website; empty leaves it out. */
    logo: env('WEBSITE_LOGO_URL', ''),
    /** Share image when a page has none of its own (absolute, or a path on the website). */
    shareImage: env('WEBSITE_SHARE_IMAGE_URL', ''),
    address: { locality: 'Santa Rosa de la Frontera', region: 'Tacna', country: 'PE' },
  },
  /**
   * The website's page of each public type, as a path: `{locale}` (the locale code; the
   * default locale for types that are not localised), `{slug}`, `{documentId}`.
   * Types left out have no page: no sitemap entry, no `og:url`.
   */
  pages: {
    'api::press-note.press-note': '/{locale}/prensa/{slug}',
    'api::norm.norm': '/{locale}/normas/{slug}',
    'api::ceremony.ceremony': '/{locale}/agenda/{slug}',
    'api::transparency-page.transparency-page': '/{locale}/transparencia/{slug}',
    'api::broadcast-program.broadcast-program': '/{locale}/programas/{slug}',
    'api::media-archive-item.media-archive-item': '/{locale}/archivo/{documentId}',
  },
  /** Section pages of the website, one per locale each (sitemap). */
  sections: ['/{locale}', '/{locale}/prensa', '/{locale}/normas', '/{locale}/agenda', '/{locale}/transparencia', '/{locale}/programas', '/{locale}/archivo'],
  sitemap: {
    /** The protocol's limit is 50,000 URLs per file; past it /sitemap.xml is an index. */
    maxUrlsPerFile: 50_000,
  },
  /**
   * Titles per locale code; a locale without one takes its language's, then English, then
   * the default locale's. Quechua and Aymara wording: check with the office's translators.
   */
  feeds: {
    pressNotes: {
      /** The website's page that lists them (the feeds' home page). */
      page: '/{locale}/prensa',
      title: {
        'es-PE': 'Notas de prensa — Municipalidad Provincial de Santa Rosa de la Frontera',
        en: 'Press releases — Provincial Municipality of Santa Rosa de la Frontera',
        qu: 'Willakuykuna — Santa Rosa de la Frontera Municipalidad',
        ay: 'Yatiyawinaka — Santa Rosa de la Frontera Municipalidad',
      },
      description: {
        'es-PE': 'Notas de prensa de la Gerencia de Comunicaciones e Imagen Institucional',
        en: 'Press releases of the Communications and Institutional Image Office',
        qu: 'Municipalidadpa willakuyninkuna',
        ay: 'Municipalidadan yatiyawinakapa',
      },
    },
  },
});

export default config;
