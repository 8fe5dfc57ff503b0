import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateDocumentId } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seating(ctx: any) {
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined;
    ctx.body = { data: await getService(strapi, 'seating').forCeremony(ctx.params.documentId, locale) };
  },

  async notices(ctx: any) {
    const documentId = await validateDocumentId(ctx.params.documentId);
    ctx.body = { data: await getService(strapi, 'notices').history(documentId) };
  },
});
