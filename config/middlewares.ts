import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  // strapi::logger's line, with fields for LOG_FORMAT=json (src/middlewares/request-log.ts).
  'global::request-log',
  'strapi::errors',
  // Inside strapi::errors so that it can reword errors before they are formatted.
  'global::error-codes',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // Early, before body parsing: cache hits skip the rest (src/middlewares/response-cache.ts).
  'global::response-cache',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
