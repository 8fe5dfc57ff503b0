/**
 * The OpenAPI 3.1 document of the public API, generated from the content-type
 * schemas and the default populate, so that it describes the real responses
 * (tests validate live responses against it with ajv): the public reads, the
 * press-note feeds and the CIF change feed.
 */
import type { Core } from '@strapi/strapi';
import { PUBLIC_READ_TYPES, CIF_READ_TYPES } from '../access/content-api';
import { DEFAULT_POPULATE, type PopulateSpec } from './default-populate';

type Schema = Record<string, unknown>;

const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
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

export function buildOpenApi(strapi: Core.Strapi) {
  const model = (uid: string) => strapi.getModel(uid as any) as any;

  const scalar = (attr: any): Schema | undefined => {
    const base = SCALARS[attr.type];
    if (!base) return undefined;
    const schema = attr.type === 'enumeration' ? { type: 'string', enum: attr.enum } : base;
    return attr.type === 'json' ? schema : nullable(schema);
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

  const schemas: Record<string, Schema> = {
    Media: MEDIA,
    Pagination: {
      type: 'object',
      required: ['page', 'pageSize', 'pageCount', 'total'],
      properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
      additionalProperties: false,
    },
    Error: {
      type: 'object',
      required: ['data', 'error'],
      properties: {
        data: { type: 'null' },
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
  };
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
  const paths: Record<string, Schema> = {};
  const locale = { name: 'locale', in: 'query', schema: { type: 'string' }, description: 'Locale code (es-PE by default).' };

  for (const uid of PUBLIC_READ_TYPES) {
    const { info } = model(uid);
    const name = pascal(uid);
    const defaults = DEFAULT_POPULATE[uid] ?? { list: {}, detail: {} };
    schemas[`${name}ListItem`] = objectSchema(uid, { populate: defaults.list }, 'entry');
    schemas[`${name}`] = objectSchema(uid, { populate: defaults.detail }, 'entry');
    schemas[`${name}ListResponse`] = {
      type: 'object',
      required: ['data', 'meta'],
      properties: { data: { type: 'array', items: ref(`${name}ListItem`) }, meta: { type: 'object', required: ['pagination'], properties: { pagination: ref('Pagination') } } },
      additionalProperties: false,
    };
    schemas[`${name}Response`] = {
      type: 'object',
      required: ['data', 'meta'],
      properties: { data: ref(name), meta: { type: 'object' } },
      additionalProperties: false,
    };
    const tag = info.displayName;
    paths[`/api/${info.pluralName}`] = {
      get: {
        tags: [tag],
        summary: `Published ${info.pluralName} (default populate: ${Object.keys(defaults.list).join(', ') || 'none'})`,
        parameters: [
          locale,
          { name: 'filters', in: 'query', style: 'deepObject', explode: true, schema: { type: 'object' }, description: 'e.g. filters[slug]=… for lookup by slug' },
          { name: 'sort', in: 'query', schema: { type: 'string' } },
          { name: 'pagination[page]', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'pagination[pageSize]', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'populate', in: 'query', schema: {}, description: 'Replaces the default populate; the response then differs from the schema below.' },
        ],
        responses: {
          200: { description: 'OK (ETag; Cache-Control public for unauthenticated callers)', content: { 'application/json': { schema: ref(`${name}ListResponse`) } } },
          304: { description: 'Not modified (If-None-Match)' },
          400: errorResponse('Bad query'),
          403: errorResponse('Not readable by this caller'),
        },
      },
    };
    paths[`/api/${info.pluralName}/{documentId}`] = {
      get: {
        tags: [tag],
        summary: `One published ${info.singularName} (default populate: ${Object.keys(defaults.detail).join(', ') || 'none'})`,
        parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }, locale],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: ref(`${name}Response`) } } },
          304: { description: 'Not modified (If-None-Match)' },
          403: errorResponse('Not readable by this caller'),
          404: errorResponse('Not found, not published or not public'),
        },
      },
    };
  }

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
      entry: { anyOf: [...CIF_READ_TYPES.map((uid) => ref(`Cif${pascal(uid)}`)), { type: 'null' }], description: 'Current published version as the token may read it; null for deletes' },
    },
    additionalProperties: false,
  };
  schemas.CifChangesResponse = {
    type: 'object',
    required: ['data', 'meta'],
    properties: {
      data: { type: 'array', items: ref('CifChange') },
      meta: { type: 'object', required: ['nextCursor', 'hasMore'], properties: { nextCursor: { type: 'integer', minimum: 0 }, hasMore: { type: 'boolean' } }, additionalProperties: false },
    },
    additionalProperties: false,
  };
  paths['/api/cif-sync/changes'] = {
    get: {
      tags: ['CIF'],
      summary: 'Change feed for the CIF (cif token): publishes, unpublishes and deletes in cursor order',
      security: [{ bearer: [] }],
      parameters: [
        { name: 'since', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        locale,
      ],
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: ref('CifChangesResponse') } } },
        400: errorResponse('INVALID_CURSOR, INVALID_LIMIT, INVALID_LOCALE or INVALID_PARAMETER'),
        401: errorResponse('Wrong token'),
        403: errorResponse('Not the cif token'),
      },
    },
  };
  paths['/api/feeds/press-notes.{format}'] = {
    get: {
      tags: ['Feeds'],
      summary: 'Latest 50 published press notes of a locale as RSS 2.0, Atom 1.0 or JSON Feed',
      parameters: [{ name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['rss', 'atom', 'json'] } }, locale],
      responses: {
        200: {
          description: 'The feed',
          content: {
            'application/rss+xml': { schema: { type: 'string' } },
            'application/atom+xml': { schema: { type: 'string' } },
            'application/feed+json': { schema: { type: 'object' } },
          },
        },
        400: errorResponse('INVALID_LOCALE'),
        404: errorResponse('UNKNOWN_FEED_FORMAT'),
      },
    },
  };
  paths['/api/openapi.json'] = { get: { tags: ['Docs'], summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } };

  return {
    openapi: '3.1.0',
    info: {
      title: 'API pública — Gerencia de Comunicaciones e Imagen Institucional',
      version: '1.0.0',
      description:
        'Public reads (published documents; ceremonies and archive items only when public), feeds and the CIF change feed. ' +
        'Lists and details carry a default populate; an explicit `populate` replaces it.',
    },
    servers: [{ url: String(strapi.config.get('server.url') || '/') }],
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API token (website or cif)' } } },
    paths,
  };
}
