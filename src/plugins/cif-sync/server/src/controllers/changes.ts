import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { validateChangesQuery } from '../validation/changes';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/cif-sync/changes?since=&limit=&locale= */
  async read(ctx: any) {
    const query = await validateChangesQuery(strapi, ctx.query);
    // Already JSON (a Buffer): the feed reuses each entry's serialized form across pages.
    ctx.type = 'application/json';
    ctx.body = await getService(strapi, 'feed').pageJson(query, ctx.state.auth);
  },
});
