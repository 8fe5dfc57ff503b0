import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { validateActionBody, validateActionName, validateCreate, validateListQuery, validateNoQuery, validateRequestId } from '../validation/requests';
import type { RequestAction } from '../constants';

const actorOf = (ctx: any) => ctx.state.user as { id: number; firstname?: string; lastname?: string; email?: string };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    const filters = await validateListQuery(ctx.query);
    ctx.body = await getService('requests', strapi).list(filters as any);
  },

  async findOne(ctx: any) {
    ctx.body = { data: await getService('requests', strapi).findOne(await validateRequestId(ctx.params)) };
  },

  async create(ctx: any) {
    await validateNoQuery(ctx.query);
    const input = await validateCreate(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('requests', strapi).create(input as any, actorOf(ctx)) };
  },

  async act(ctx: any) {
    const id = await validateRequestId(ctx.params);
    const action = (await validateActionName(ctx.params.action)) as RequestAction;
    await validateNoQuery(ctx.query);
    const body = await validateActionBody(action, ctx.request.body);
    const can = (permission: string) => Boolean(ctx.state.userAbility?.can(permission));
    ctx.body = { data: await getService('requests', strapi).act(id, action, body, actorOf(ctx), can) };
  },
});
