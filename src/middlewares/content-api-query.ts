/**
 * Every request under /api, whoever sends it and whichever route answers it (core
 * routes, plugins' routes, users-permissions, upload): the shape of `filters`, `sort`,
 * `populate`, `fields` and `pagination` (src/delivery/query-guard.ts).
 * A malformed query is a 400 with a code before any route runs, never a 500 from the
 * database layer. What a caller may see is the route middleware's part (query-guard).
 */
import type { Core } from '@strapi/strapi';
import { assertWellFormedQuery } from '../delivery/query-guard';

const CHECKED = ['filters', 'sort', 'populate', 'fields', 'pagination', 'publicationFilter', 'hasPublishedVersion'];

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.path.startsWith('/api/') && ctx.querystring) {
      const query = ctx.query;
      if (CHECKED.some((key) => key in query)) {
        const checked = assertWellFormedQuery(strapi, query);
        // In place: the parsed query is cached per query string.
        if (checked.filters !== undefined) query.filters = checked.filters;
      }
    }
    return next();
  };
