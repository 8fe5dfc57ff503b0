import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateSeatingRequest } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async seating(ctx: any) {
    const { documentId, locale } = await validateSeatingRequest(strapi, ctx.params, ctx.query);
    ctx.body = { data: await getService(strapi, 'seating').forCeremony(documentId, locale) };
  },
});
