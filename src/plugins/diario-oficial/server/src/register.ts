import type { Core } from '@strapi/strapi';
import { normLifecycle } from './middlewares/norm-lifecycle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(normLifecycle(strapi));
};
