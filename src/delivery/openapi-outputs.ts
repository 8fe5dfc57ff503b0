/**
 * OpenAPI 3.0 schemas of the outputs that are not content types: the JSON Feed, the
 * page metadata of detail responses (src/delivery/page-metadata.ts) and the routes at
 * the server's root (sitemap, robots.txt; src/delivery/website-routes.ts).
 */
type Schema = Record<string, any>;

const string = { type: 'string' };
const uri = { type: 'string', format: 'uri' };
const dateTime = { type: 'string', format: 'date-time' };
const closed = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  ...(required.length ? { required } : {}),
  properties,
  additionalProperties: false,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const JSON_FEED_SCHEMA: Schema = closed(
  {
    version: { type: 'string', enum: ['https://jsonfeed.org/version/1.1'] },
    title: string,
    home_page_url: uri,
    feed_url: uri,
    description: string,
    language: string,
    icon: uri,
    authors: { type: 'array', items: closed({ name: string, url: uri }, ['name']) },
    items: {
      type: 'array',
      items: closed(
        {
          id: string,
          url: uri,
          title: string,
          content_html: { type: 'string', minLength: 1 },
          content_text: { type: 'string', minLength: 1 },
          summary: string,
          image: uri,
          date_published: dateTime,
          date_modified: dateTime,
          tags: { type: 'array', items: string },
          language: string,
          attachments: { type: 'array', items: closed({ url: uri, mime_type: string, size_in_bytes: { type: 'integer', minimum: 0 } }, ['url', 'mime_type']) },
        },
        ['id', 'url', 'title', 'date_published', 'date_modified']
      ),
    },
  },
  ['version', 'title', 'home_page_url', 'feed_url', 'language', 'authors', 'items']
);

const organization = closed(
  {
    '@type': { type: 'string', enum: ['GovernmentOrganization'] },
    name: string,
    alternateName: string,
    url: uri,
    email: string,
    logo: closed({ '@type': { type: 'string', enum: ['ImageObject'] }, url: uri }, ['@type', 'url']),
    address: ref('JsonLdPostalAddress'),
  },
  ['@type', 'name']
);

const common = (type: string): Record<string, Schema> => ({
  '@context': { type: 'string', enum: ['https://schema.org'] },
  '@type': { type: 'string', enum: [type] },
  url: uri,
  inLanguage: string,
  description: string,
  image: { type: 'array', items: uri },
});

export const PAGE_METADATA_SCHEMAS: Record<string, Schema> = {
  JsonLdPostalAddress: closed(
    { '@type': { type: 'string', enum: ['PostalAddress'] }, addressLocality: string, addressRegion: string, addressCountry: string },
    ['@type']
  ),
  JsonLdOrganization: organization,
  JsonLdNewsArticle: closed(
    {
      ...common('NewsArticle'),
      headline: { type: 'string', maxLength: 110 },
      mainEntityOfPage: uri,
      datePublished: dateTime,
      dateModified: dateTime,
      articleSection: string,
      keywords: string,
      author: {
        type: 'array',
        items: closed({ '@type': { type: 'string', enum: ['GovernmentOrganization'] }, name: string, parentOrganization: ref('JsonLdOrganization') }, ['@type', 'name']),
      },
      publisher: ref('JsonLdOrganization'),
      isAccessibleForFree: { type: 'boolean' },
    },
    ['@context', '@type', 'headline', 'inLanguage', 'dateModified', 'publisher']
  ),
  JsonLdEvent: closed(
    {
      ...common('Event'),
      name: string,
      startDate: dateTime,
      endDate: dateTime,
      eventStatus: { type: 'string', enum: ['https://schema.org/EventScheduled'] },
      eventAttendanceMode: { type: 'string', enum: ['https://schema.org/OfflineEventAttendanceMode'] },
      location: closed({ '@type': { type: 'string', enum: ['Place'] }, name: string, address: ref('JsonLdPostalAddress') }, ['@type', 'name']),
      organizer: ref('JsonLdOrganization'),
      isAccessibleForFree: { type: 'boolean' },
    },
    ['@context', '@type', 'name', 'startDate', 'location', 'organizer']
  ),
  JsonLdLegislation: closed(
    {
      ...common('Legislation'),
      name: string,
      legislationIdentifier: string,
      legislationType: string,
      legislationDate: { type: 'string', format: 'date' },
      datePublished: { type: 'string', format: 'date' },
      legislationDateOfApplicability: { type: 'string', format: 'date' },
      legislationLegalForce: { type: 'string', enum: ['https://schema.org/InForce', 'https://schema.org/PartiallyInForce', 'https://schema.org/NotInForce'] },
      legislationJurisdiction: string,
      legislationPassedBy: closed({ '@type': { type: 'string', enum: ['GovernmentOrganization'] }, name: string }, ['@type', 'name']),
      publisher: ref('JsonLdOrganization'),
      encoding: {
        type: 'array',
        items: closed({ '@type': { type: 'string', enum: ['LegislationObject'] }, contentUrl: uri, encodingFormat: string }, ['@type', 'contentUrl']),
      },
    },
    ['@context', '@type', 'name', 'publisher']
  ),
  OpenGraph: {
    type: 'object',
    description: 'Open Graph properties, each written as <meta property="…" content="…"> (arrays: one tag per value)',
    required: ['og:type', 'og:title', 'og:site_name', 'og:locale'],
    properties: {
      'og:type': { type: 'string', enum: ['article', 'website'] },
      'og:title': string,
      'og:description': string,
      'og:url': uri,
      'og:site_name': string,
      'og:locale': { type: 'string', pattern: '^[a-z]{2,3}(_[A-Z]{2})?$' },
      'og:locale:alternate': { type: 'array', items: { type: 'string', pattern: '^[a-z]{2,3}(_[A-Z]{2})?$' } },
      'og:image': uri,
      'og:image:type': string,
      'og:image:width': { type: 'string', pattern: '^\\d+$' },
      'og:image:height': { type: 'string', pattern: '^\\d+$' },
      'og:image:alt': string,
      'article:published_time': dateTime,
      'article:modified_time': dateTime,
      'article:section': string,
      'article:tag': { type: 'array', items: string },
    },
    additionalProperties: false,
  },
  TwitterCard: {
    type: 'object',
    description: 'Twitter card properties, each written as <meta name="…" content="…">',
    required: ['twitter:card', 'twitter:title'],
    properties: {
      'twitter:card': { type: 'string', enum: ['summary', 'summary_large_image'] },
      'twitter:title': { type: 'string', maxLength: 70 },
      'twitter:description': { type: 'string', maxLength: 200 },
      'twitter:image': uri,
      'twitter:image:alt': string,
    },
    additionalProperties: false,
  },
};

/** The server's root, not /api: these paths override `servers`. */
const ROOT_SERVER = [{ url: '/', description: 'Raíz de esta instancia / this instance, outside /api' }];
const notFound = { description: 'No such part', content: { 'application/json': { schema: ref('Error') } } };

export const WEBSITE_PATHS: Record<string, Schema> = {
  '/sitemap.xml': {
    servers: ROOT_SERVER,
    get: {
      tags: ['Website'],
      operationId: 'sitemap',
      summary: 'Sitemap (sitemaps.org 0.9) of the website pages of the published public documents, with hreflang alternates; an index of /sitemap-{part}.xml past 50,000 URLs',
      responses: {
        200: { description: 'urlset or sitemapindex', content: { 'application/xml': { schema: string } } },
        304: { description: 'Not modified (If-None-Match)' },
      },
    },
  },
  '/sitemap-{part}.xml': {
    servers: ROOT_SERVER,
    get: {
      tags: ['Website'],
      operationId: 'sitemapPart',
      summary: 'One part of a sitemap index (1-based)',
      parameters: [{ name: 'part', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
      responses: {
        200: { description: 'urlset', content: { 'application/xml': { schema: string } } },
        304: { description: 'Not modified (If-None-Match)' },
        404: notFound,
      },
    },
  },
  '/robots.txt': {
    servers: ROOT_SERVER,
    get: {
      tags: ['Website'],
      operationId: 'robots',
      summary: 'robots.txt of this server: names the sitemap, keeps crawlers out of the admin and the JSON API',
      responses: { 200: { description: 'robots.txt (RFC 9309)', content: { 'text/plain': { schema: string } } }, 304: { description: 'Not modified (If-None-Match)' } },
    },
  },
};
