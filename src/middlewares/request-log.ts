// One log line per request, in place of strapi::logger: the same message ("GET /api/x
// (3 ms) 200"), plus fields that LOG_FORMAT=json writes out (method, path, status,
// durationMs, the client's IP as the proxy settings see it, nginx's X-Request-Id).
import type { Core } from '@strapi/strapi';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const start = Date.now();
    try {
      await next();
    } finally {
      const durationMs = Math.ceil(Date.now() - start);
      const requestId = ctx.get('X-Request-Id');
      strapi.log.http(`${ctx.method} ${ctx.url} (${durationMs} ms) ${ctx.status}`, {
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        durationMs,
        ip: ctx.ip,
        ...(REQUEST_ID.test(requestId) ? { requestId } : {}),
      });
    }
  };
