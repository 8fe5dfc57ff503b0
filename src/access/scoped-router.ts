import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';
import { DEFAULT_POPULATE } from '../delivery/default-populate';

/**
 * Core router whose public reads go through `global::public-scope`, with the
 * type's default populate for lists and details.
 */
export const createScopedRouter = (uid: UID.ContentType) => {
  // Baseline of bench/delivery only: Strapi's plain core route, no scope, no default populate.
  if (process.env.BENCH_STOCK_CORE_ROUTES === 'true' && process.env.NODE_ENV !== 'production') return factories.createCoreRouter(uid);
  const scope = (populate: object | undefined) => ({ name: 'global::public-scope', config: { uid, defaultPopulate: populate } });
  return factories.createCoreRouter(uid, {
    config: {
      find: { middlewares: [scope(DEFAULT_POPULATE[uid]?.list)] },
      findOne: { middlewares: [scope(DEFAULT_POPULATE[uid]?.detail)] },
    },
  });
};
