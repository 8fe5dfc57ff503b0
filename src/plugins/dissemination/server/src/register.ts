import type { Core } from '@strapi/strapi';
import { subjectsFromConfiguredList } from './middlewares/subjects';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(subjectsFromConfiguredList(strapi));
};
