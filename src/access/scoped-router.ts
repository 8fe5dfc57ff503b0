import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';
import { DEFAULT_POPULATE } from '../delivery/default-populate';

/**
 * Core router whose every route goes through `global::query-guard` (the Content API
 * query guard, src/middlewares/query-guard.ts), with the type's default populate for
 * lists and details. Every content type uses it: the public ones are scoped for
 * restricted callers, the back-office ones are not readable by them at all.
 */
export const createScopedRouter = (uid: UID.ContentType) => {
  // Baseline of bench/delivery only: Strapi's plain core route, no scope, no default populate.
  if (process.env.BENCH_STOCK_CORE_ROUTES === 'true' && process.env.NODE_ENV !== 'production') return factories.createCoreRouter(uid);
  const guard = (populate: object | undefined, read = true) => ({ name: 'global::query-guard', config: { uid, defaultPopulate: populate, read } });
  return factories.createCoreRouter(uid, {
    config: {
      find: { middlewares: [guard(DEFAULT_POPULATE[uid]?.list)] },
      findOne: { middlewares: [guard(DEFAULT_POPULATE[uid]?.detail)] },
      create: { middlewares: [guard(undefined, false)] },
      update: { middlewares: [guard(undefined, false)] },
      delete: { middlewares: [guard(undefined, false)] },
    },
  });
};
