import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateDocumentId, validateSeatingRequest } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seating(ctx: any) {
    const { documentId, locale } = await validateSeatingRequest(strapi, ctx.params, ctx.query);
    ctx.body = { data: await getService(strapi, 'seating').forCeremony(documentId, locale) };
  },

  async notices(ctx: any) {
    const documentId = await validateDocumentId(ctx.params.documentId);
    ctx.body = { data: await getService(strapi, 'notices').history(documentId) };
  },
});
