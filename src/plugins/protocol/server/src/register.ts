import type { Core } from '@strapi/strapi';
import { ceremonyNotices } from './middlewares/ceremony-notices';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(ceremonyNotices(strapi));
};
