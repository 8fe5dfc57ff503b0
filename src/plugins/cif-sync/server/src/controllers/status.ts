import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /cif-sync/status (admin). */
  async overview(ctx: any) {
    ctx.body = { data: await getService(strapi, 'status').overview() };
  },
});
