import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';
import { DEFAULT_POPULATE } from '../delivery/default-populate';

/**
 * Core router whose public reads go through `global::public-scope`, with the
 * type's default populate for lists and details.
 */
export const createScopedRouter = (uid: UID.ContentType) => {
  const scope = (populate: object | undefined) => ({ name: 'global::public-scope', config: { uid, defaultPopulate: populate } });
  return factories.createCoreRouter(uid, {
    config: {
      find: { middlewares: [scope(DEFAULT_POPULATE[uid]?.list)] },
      findOne: { middlewares: [scope(DEFAULT_POPULATE[uid]?.detail)] },
    },
  });
};
