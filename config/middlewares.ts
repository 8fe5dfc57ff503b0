import type { Core } from '@strapi/strapi';

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};
const present = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => Boolean(v)))];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const local = env('NODE_ENV', 'development') !== 'production';
  const port = env.int('PORT', 1337);
  // The admin panel: served by this server (PUBLIC_URL) or from ADMIN_URL. Only it gets credentialed CORS.
  const adminOrigins = present([originOf(env('ADMIN_URL')), originOf(env('PUBLIC_URL')), ...(local ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`] : [])]);
  // The municipal website(s): CORS_ORIGINS (comma-separated), else WEBSITE_URL; local front-end dev servers outside production.
  const websiteOrigins = present(
    env.array('CORS_ORIGINS', [originOf(env('WEBSITE_URL')), ...(local ? ['http://localhost:3000', 'http://localhost:4321', 'http://localhost:5173'] : [])] as string[])
  );

  return [
    // strapi::logger's line, with fields for LOG_FORMAT=json (src/middlewares/request-log.ts).
    'global::request-log',
    'strapi::errors',
    // Inside strapi::errors so that it can reword errors before they are formatted.
    'global::error-codes',
    'strapi::security',
    {
      name: 'strapi::cors',
      config: {
        // Any other Origin gets no Access-Control-Allow-Origin at all.
        origin: [...adminOrigins, ...websiteOrigins],
        credentials: (ctx: any) => adminOrigins.includes(ctx.get('Origin')),
      },
    },
    'strapi::poweredBy',
    // Early, before body parsing: cache hits skip the rest (src/middlewares/response-cache.ts).
    'global::response-cache',
    'strapi::query',
    // The shape of every /api query (src/delivery/query-guard.ts): malformed is a 400, never a 500.
    'global::content-api-query',
    // JSON bodies up to the largest a route takes: the protocol directory's CSV import
    // (5,000,000 characters, up to twice that once escaped in JSON); past it, a 413 with a code.
    { name: 'strapi::body', config: { jsonLimit: '12mb' } },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
