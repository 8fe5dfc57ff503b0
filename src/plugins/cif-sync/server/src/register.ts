import type { Core } from '@strapi/strapi';
import { createChangeLogMiddleware } from './middlewares/change-log';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(createChangeLogMiddleware(strapi) as any);
};
