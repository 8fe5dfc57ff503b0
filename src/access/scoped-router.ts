import { factories } from '@strapi/strapi';
import type { UID } from '@strapi/strapi';

/** Core router whose public reads go through `global::public-scope`. */
export const createScopedRouter = (uid: UID.ContentType) => {
  const publicScope = { name: 'global::public-scope', config: { uid } };
  return factories.createCoreRouter(uid, {
    config: {
      find: { middlewares: [publicScope] },
      findOne: { middlewares: [publicScope] },
    },
  });
};
