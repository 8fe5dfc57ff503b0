import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { validateChangesQuery } from '../validation/changes';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/cif-sync/changes?since=&limit=&locale= */
  async find(ctx: any) {
    const query = await validateChangesQuery(strapi, ctx.query);
    const { rows, hasMore } = await getService(strapi, 'change-log').page(query);
    const data = await getService(strapi, 'feed').toItems(rows, ctx.state.auth);
    ctx.body = {
      data,
      meta: { nextCursor: data.length ? data[data.length - 1].cursor : query.since, hasMore },
    };
  },
});
