/**
 * What `@strapi/plugin-documentation` publishes (config/plugins.ts, src/delivery/documentation.ts):
 * the OpenAPI 3.0 description of the public API, built from the content-type
 * schemas and the default populate so that it describes the real responses
 * (tests/api/openapi.test.ts validates live responses against the plugin's
 * document with ajv): the public reads, the archive search, the feeds and the
 * CIF change feed. OpenAPI 3.0, not 3.1: the plugin's Swagger UI (4.x) renders
 * only 3.0. Paths are relative to the server `/api`, like the plugin's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { PUBLIC_READ_TYPES, CIF_READ_TYPES, isPublicComponent } from '../access/content-api';
import { DEFAULT_POPULATE, type PopulateSpec } from './default-populate';
import { PAGE_METADATA } from './page-metadata';
import { JSON_FEED_SCHEMA, PAGE_METADATA_SCHEMAS, WEBSITE_PATHS } from './openapi-outputs';

type Schema = Record<string, any>;

/** OpenAPI 3.0 has no `null` type: `nullable` (a null must also be in an `enum`; a `$ref` goes in `allOf`). */
const nullable = (schema: Schema): Schema => {
  if (schema.$ref || schema.anyOf) return { ...(schema.$ref ? { allOf: [schema] } : schema), nullable: true };
  return { ...schema, ...(schema.enum ? { enum: [...schema.enum, null] } : {}), nullable: true };
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** 'api::press-note.press-note' → 'PressNote' */
const pascal = (uid: string) =>
  uid
    .split('.')
    .pop()!
    .replace(/(^|-)(\w)/g, (_m, _s, c: string) => c.toUpperCase());

const SCALARS: Record<string, Schema> = {
  string: { type: 'string' },
  text: { type: 'string' },
  richtext: { type: 'string' },
  uid: { type: 'string' },
  email: { type: 'string', format: 'email' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  time: { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$' },
  boolean: { type: 'boolean' },
  integer: { type: 'integer' },
  biginteger: { type: 'string', pattern: '^-?\\d+$' },
  float: { type: 'number' },
  decimal: { type: 'number' },
  json: {},
  blocks: { type: 'array', items: { type: 'object' } },
};

const MEDIA: Schema = {
  type: 'object',
  required: ['id', 'documentId', 'name', 'url', 'mime'],
  properties: {
    id: { type: 'integer' },
    documentId: { type: 'string' },
    name: { type: 'string' },
    alternativeText: nullable({ type: 'string' }),
    caption: nullable({ type: 'string' }),
    width: nullable({ type: 'integer' }),
    height: nullable({ type: 'integer' }),
    formats: nullable({ type: 'object', additionalProperties: { type: 'object', required: ['url'], properties: { url: { type: 'string' } } } }),
    url: { type: 'string' },
    mime: { type: 'string' },
    size: { type: 'number' },
  },
};

/** The plugin's `registerOverride` argument: every public path and the schemas of its real answers. */
export function buildOpenApiOverride(strapi: Core.Strapi) {
  const model = (uid: string) => strapi.getModel(uid as any) as any;

  const scalar = (attr: any): Schema | undefined => {
    const base = SCALARS[attr.type];
    if (!base) return undefined;
    return attr.type === 'json' ? base : nullable(base);
  };

  /** The object Strapi returns for a model with the given populate and field selection. */
  function objectSchema(uid: string, spec: PopulateSpec, kind: 'entry' | 'component'): Schema {
    const { attributes, options, pluginOptions } = model(uid);
    const fields = spec === true ? undefined : spec.fields;
    const populate = spec === true ? {} : spec.populate ?? {};
    const properties: Record<string, Schema> = { id: { type: 'integer' } };
    const required = ['id'];
    if (kind === 'entry') {
      properties.documentId = { type: 'string' };
      required.push('documentId');
      if (!fields) {
        properties.createdAt = { type: 'string', format: 'date-time' };
        properties.updatedAt = { type: 'string', format: 'date-time' };
        if (options?.draftAndPublish) properties.publishedAt = nullable({ type: 'string', format: 'date-time' });
        if (pluginOptions?.i18n?.localized) properties.locale = nullable({ type: 'string' });
      }
    }
    for (const [name, attr] of Object.entries<any>(attributes)) {
      if (attr.private || attr.type === 'password') continue;
      if (attr.type === 'enumeration' || SCALARS[attr.type]) {
        if (!fields || fields.includes(name)) properties[name] = attr.type === 'enumeration' ? nullable({ type: 'string', enum: attr.enum }) : scalar(attr)!;
        continue;
      }
      const nested = populate[name];
      if (!nested) continue;
      if (attr.type === 'media') properties[name] = attr.multiple ? nullable({ type: 'array', items: ref('Media') }) : nullable(ref('Media'));
      else if (attr.type === 'component') {
        const component = objectSchema(attr.component, nested, 'component');
        properties[name] = attr.repeatable ? { type: 'array', items: component } : nullable(component);
      } else if (attr.type === 'relation') {
        const target = objectSchema(attr.target, nested, 'entry');
        properties[name] = /ToMany$|^manyWay$/.test(attr.relation) ? { type: 'array', items: target } : nullable(target);
      }
    }
    return { type: 'object', required, properties, additionalProperties: false };
  }

  const listResponse = (item: string, meta: Schema = { type: 'object', required: ['pagination'], properties: { pagination: ref('Pagination') } }) => ({
    type: 'object',
    required: ['data', 'meta'],
    properties: { data: { type: 'array', items: ref(item) }, meta },
    additionalProperties: false,
  });
  const schemas: Record<string, Schema> = {
    Media: MEDIA,
    Pagination: {
      type: 'object',
      required: ['page', 'pageSize', 'pageCount', 'total'],
      properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
      additionalProperties: false,
    },
    // Replaces the plugin's Error (which allows any `data`): errors always carry `data: null`.
    Error: {
      type: 'object',
      required: ['data', 'error'],
      properties: {
        data: { type: 'object', nullable: true, enum: [null] },
        error: {
          type: 'object',
          required: ['status', 'name', 'message', 'details'],
          properties: {
            status: { type: 'integer' },
            name: { type: 'string' },
            message: { type: 'string', description: 'Spanish, for people' },
            // Our refusals always carry `code`; Strapi's bare 404 of an unknown documentId has none.
            details: { type: 'object', properties: { code: { type: 'string', description: 'Stable English code, for programs' } } },
          },
        },
      },
    },
    // What src/delivery/syndication.ts writes (JSON Feed 1.1); the tests also check it against the spec's own rules.
    JsonFeed: JSON_FEED_SCHEMA,
    ...PAGE_METADATA_SCHEMAS,
  };
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
  const notModified = { description: 'Not modified (If-None-Match)' };
  const json = (description: string, schema: string) => ({ description, content: { 'application/json': { schema: ref(schema) } } });
  const paths: Record<string, Schema> = {};
  const locale = { name: 'locale', in: 'query', schema: { type: 'string' }, description: 'Locale code (es-PE by default).' };
  const pageParams = [
    { name: 'pagination[page]', in: 'query', schema: { type: 'integer', minimum: 1 } },
    { name: 'pagination[pageSize]', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  ];
  const tags: Array<{ name: string; description: string }> = [];

  /**
   * What `populate` may name for the public: media, components and relations to public
   * types, one level (`*` is all of them). Relations to private types are left out: the
   * public never reads them (a component's relations are not populated at one level).
   */
  const isPublicTarget = (attr: any): boolean =>
    attr.type === 'media' || (attr.type === 'component' && isPublicComponent(attr.component)) || (attr.type === 'relation' && (PUBLIC_READ_TYPES as string[]).includes(attr.target));
  const documentedPopulate = (uid: string) =>
    Object.entries<any>(model(uid).attributes)
      .filter(([name, attr]) => !attr.private && name !== 'localizations' && isPublicTarget(attr))
      .map(([name]) => name);
  /** The default populate with every documented attribute added: one schema accepts both answers. */
  const withDocumentedPopulate = (uid: string, defaults: Record<string, PopulateSpec>) =>
    Object.fromEntries(
      documentedPopulate(uid).map((name) => {
        const spec = defaults[name];
        // A default that selects fields still answers every field when populated by name.
        return [name, spec && spec !== true && spec.populate ? { populate: spec.populate } : true];
      })
    ) as Record<string, PopulateSpec>;
  const populateParameter = (uid: string) => ({
    name: 'populate',
    in: 'query',
    style: 'form',
    explode: false,
    schema: { type: 'array', items: { type: 'string', enum: ['*', ...documentedPopulate(uid)] } },
    description: 'Replaces the default populate: `*` or attribute names, comma-separated (e.g. `populate=gazettePublication`). The schema below describes every answer.',
  });

  for (const uid of PUBLIC_READ_TYPES) {
    const { info } = model(uid);
    const name = pascal(uid);
    const defaults = DEFAULT_POPULATE[uid] ?? { list: {}, detail: {} };
    schemas[`${name}ListItem`] = objectSchema(uid, { populate: withDocumentedPopulate(uid, defaults.list) }, 'entry');
    schemas[name] = objectSchema(uid, { populate: withDocumentedPopulate(uid, defaults.detail) }, 'entry');
    schemas[`${name}ListResponse`] = listResponse(`${name}ListItem`);
    const pageMeta = PAGE_METADATA[uid];
    schemas[`${name}Response`] = {
      type: 'object',
      required: ['data', 'meta'],
      properties: {
        data: ref(name),
        meta: pageMeta
          ? {
              type: 'object',
              required: ['jsonLd', 'openGraph', 'twitter'],
              properties: { jsonLd: ref(`JsonLd${pageMeta.type}`), openGraph: ref('OpenGraph'), twitter: ref('TwitterCard') },
              additionalProperties: false,
              description: 'What the page <head> needs: schema.org JSON-LD, Open Graph and Twitter card properties (from `seo`, else title, lead and cover)',
            }
          : { type: 'object', additionalProperties: false },
      },
      additionalProperties: false,
    };
    const tag = info.displayName;
    tags.push({ name: tag, description: info.description || info.displayName });
    paths[`/${info.pluralName}`] = {
      get: {
        tags: [tag],
        operationId: `list${name}`,
        summary: `Published ${info.pluralName} (default populate: ${Object.keys(defaults.list).join(', ') || 'none'})`,
        parameters: [
          locale,
          { name: 'filters', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' }, description: 'e.g. filters[slug]=… for lookup by slug' },
          { name: 'sort', in: 'query', schema: { type: 'string' } },
          ...pageParams,
          populateParameter(uid),
        ],
        responses: {
          200: json('OK (ETag; Cache-Control public for unauthenticated callers)', `${name}ListResponse`),
          304: notModified,
          400: errorResponse('Bad query'),
          403: errorResponse('Not readable by this caller'),
        },
      },
    };
    paths[`/${info.pluralName}/{documentId}`] = {
      get: {
        tags: [tag],
        operationId: `get${name}`,
        summary: `One published ${info.singularName} (default populate: ${Object.keys(defaults.detail).join(', ') || 'none'})`,
        parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }, locale, populateParameter(uid)],
        responses: {
          200: json('OK', `${name}Response`),
          304: notModified,
          403: errorResponse('Not readable by this caller'),
          404: errorResponse('Not found, not published or not public'),
        },
      },
    };
  }

  // The archive's search answers items with their file and ceremony (src/api/media-archive-item/controllers).
  schemas.MediaArchiveItemSearchItem = objectSchema('api::media-archive-item.media-archive-item', { populate: { file: true, ceremony: true } }, 'entry');
  schemas.MediaArchiveItemSearchResponse = listResponse('MediaArchiveItemSearchItem');
  paths['/media-archive-items/search'] = {
    get: {
      tags: [model('api::media-archive-item.media-archive-item').info.displayName],
      operationId: 'searchMediaArchiveItem',
      summary: 'Full-text search of the public archive items, best match first',
      parameters: [
        { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 } },
        { name: 'kind', in: 'query', schema: { type: 'string' } },
        { name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'to', in: 'query', schema: { type: 'string', format: 'date-time' } },
        { name: 'ceremony', in: 'query', schema: { type: 'string' }, description: 'documentId of a ceremony' },
        { name: 'tags', in: 'query', schema: { type: 'string' }, description: 'Comma-separated' },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      ],
      responses: { 200: json('OK', 'MediaArchiveItemSearchResponse'), 400: errorResponse('VALIDATION_ERROR') },
    },
  };

  const feed = strapi.plugin('cif-sync').service('feed');
  for (const uid of CIF_READ_TYPES) {
    schemas[`Cif${pascal(uid)}`] = objectSchema(uid, { populate: Object.fromEntries(feed.populateFor(uid).map((n: string) => [n, true])) }, 'entry');
  }
  schemas.CifChange = {
    type: 'object',
    required: ['cursor', 'action', 'uid', 'documentId', 'locale', 'at', 'entry'],
    properties: {
      cursor: { type: 'integer', minimum: 1 },
      action: { type: 'string', enum: ['upsert', 'delete'] },
      uid: { type: 'string', enum: CIF_READ_TYPES },
      documentId: { type: 'string' },
      locale: nullable({ type: 'string' }),
      at: { type: 'string', format: 'date-time' },
      entry: { ...nullable({ anyOf: CIF_READ_TYPES.map((uid) => ref(`Cif${pascal(uid)}`)) }), description: 'Current published version as the token may read it; null for deletes' },
    },
    additionalProperties: false,
  };
  schemas.CifChangesResponse = listResponse('CifChange', {
    type: 'object',
    required: ['nextCursor', 'hasMore'],
    properties: { nextCursor: { type: 'integer', minimum: 0 }, hasMore: { type: 'boolean' } },
    additionalProperties: false,
  });
  tags.push(
    { name: 'CIF', description: 'Change feed of the Centro de Información de Frontera (cif token)' },
    { name: 'Feeds', description: 'RSS, Atom, JSON Feed and iCalendar' },
    { name: 'Website', description: 'Sitemap and robots.txt, at the root of this server (not under /api)' },
    { name: 'Docs', description: 'This document' }
  );
  paths['/cif-sync/changes'] = {
    get: {
      tags: ['CIF'],
      operationId: 'listCifChanges',
      summary: 'Change feed for the CIF (cif token): publishes, unpublishes and deletes in cursor order',
      security: [{ bearerAuth: [] }],
      parameters: [
        { name: 'since', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        locale,
      ],
      responses: {
        200: json('OK', 'CifChangesResponse'),
        400: errorResponse('INVALID_CURSOR, INVALID_LIMIT, INVALID_LOCALE or INVALID_PARAMETER'),
        401: errorResponse('Wrong token'),
        403: errorResponse('Not the cif token'),
      },
    },
  };
  paths['/feeds/press-notes.{format}'] = {
    get: {
      tags: ['Feeds'],
      operationId: 'pressNoteFeed',
      summary: 'Latest 50 published press notes of a locale as RSS 2.0, Atom 1.0 or JSON Feed 1.1',
      parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['rss', 'atom', 'json'] } }, locale],
      responses: {
        200: {
          description: 'The feed',
          content: {
            'application/rss+xml': { schema: { type: 'string' } },
            'application/atom+xml': { schema: { type: 'string' } },
            'application/feed+json': { schema: ref('JsonFeed') },
          },
        },
        304: notModified,
        400: errorResponse('INVALID_LOCALE'),
        404: errorResponse('UNKNOWN_FEED_FORMAT'),
      },
    },
  };
  paths['/feeds/ceremonies.ics'] = {
    get: {
      tags: ['Feeds'],
      operationId: 'ceremonyCalendar',
      summary: 'Published public ceremonies as an iCalendar feed',
      parameters: [locale],
      responses: {
        200: { description: 'iCalendar (RFC 5545), times in America/Lima with its VTIMEZONE', content: { 'text/calendar': { schema: { type: 'string' } } } },
        304: notModified,
        400: errorResponse('INVALID_LOCALE'),
      },
    },
  };
  Object.assign(paths, WEBSITE_PATHS);
  paths['/openapi.json'] = {
    get: {
      tags: ['Docs'],
      operationId: 'openApiDocument',
      summary: 'This document as JSON (the one Swagger UI shows at /documentation)',
      responses: { 200: { description: 'OpenAPI 3.0', content: { 'application/json': { schema: { type: 'object' } } } }, 403: errorResponse('DOCUMENTATION_RESTRICTED') },
    },
  };

  return {
    tags,
    paths,
    components: { schemas, securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token (website or cif)' } } },
  };
}

export const DOCUMENTATION_INFO = {
  version: '1.0.0',
  title: 'API pública — Gerencia de Comunicaciones e Imagen Institucional',
  description:
    'Lecturas públicas (documentos publicados; ceremonias y elementos del archivo solo si son públicos), búsqueda del archivo, feeds y feed de cambios del CIF. ' +
    'Listas y detalles traen un populate por defecto; un `populate` explícito lo reemplaza.\n\n' +
    'Public reads (published documents; ceremonies and archive items only when public), archive search, feeds and the CIF change feed. ' +
    'Lists and details carry a default populate; an explicit `populate` replaces it.',
};

/** Where the plugin writes its document (src/extensions/… in development and tests, dist/… in production). */
export function documentationFile(strapi: Core.Strapi) {
  const docs = strapi.plugin('documentation').service('documentation');
  return path.join(docs.getFullDocumentationPath(), docs.getDocumentationVersion(), 'full_documentation.json');
}

/**
 * `x-strapi-config.mutateDocumentation`: fixes what the plugin's defaults get wrong for
 * this API and keeps the written file byte-identical from boot to boot (it is
 * committed): the generation date stays the one on disk unless something else changed.
 */
export function mutateDocumentation(draft: Schema) {
  const generatedAt = draft.info['x-generation-date'];
  // The plugin's defaults: placeholder terms/contact/license, a JWT scheme required on every route.
  draft.info = { ...DOCUMENTATION_INFO, 'x-generation-date': generatedAt };
  delete draft.security;
  delete draft.externalDocs;
  try {
    const previous = JSON.parse(fs.readFileSync(documentationFile(global.strapi), 'utf8'));
    draft.info['x-generation-date'] = previous.info?.['x-generation-date'];
    if (JSON.stringify(draft) !== JSON.stringify(previous)) draft.info['x-generation-date'] = generatedAt;
  } catch {
    // First generation: nothing to keep.
  }
}
