import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateCircular, validateCircularId, validateListQuery, validateNormParam, validatePendingQuery, validateReportQuery, validateSearchQuery } from '../validation';

const actorOf = (ctx: any) => ctx.state.user as { id: number; firstname?: string; lastname?: string; email?: string };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: any) {
    const input = await validateCircular(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'circulars').create(input as any, actorOf(ctx)) };
  },

  async preview(ctx: any) {
    const input = await validateCircular(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'circulars').preview(input as any) };
  },

  async find(ctx: any) {
    ctx.body = await getService(strapi, 'circulars').list((await validateListQuery(ctx.query)) as any);
  },

  async findOne(ctx: any) {
    ctx.body = { data: await getService(strapi, 'circulars').findOne(await validateCircularId(ctx.params)) };
  },

  async pending(ctx: any) {
    const { body } = (await validatePendingQuery(ctx.query)) as { body?: string };
    ctx.body = { data: await getService(strapi, 'circulars').pending(body) };
  },

  async normHistory(ctx: any) {
    ctx.body = { data: await getService(strapi, 'circulars').normHistory(await validateNormParam(ctx.params)) };
  },

  async options(ctx: any) {
    const subjects = getService(strapi, 'audience').knownSubjects();
    const bodies = await getService(strapi, 'audience').activeBodies();
    ctx.body = {
      data: {
        subjects,
        bodies: bodies.map((b) => ({ documentId: b.documentId, name: b.name, subjects: b.subjects, recipients: b.recipients.length })),
      },
    };
  },

  async search(ctx: any) {
    const { type, q = '' } = (await validateSearchQuery(ctx.query)) as { type: 'norm' | 'press-note' | 'ceremony'; q?: string };
    ctx.body = { data: await getService(strapi, 'content').search(type, q) };
  },

  async report(ctx: any) {
    const { format = 'json', ...query } = (await validateReportQuery(ctx.query)) as { format?: string; from: string; to: string; norm?: string };
    const reports = getService(strapi, 'reports');
    if (format === 'csv') {
      ctx.set('Content-Disposition', `attachment; filename="difusion-${query.from}-${query.to}.csv"`);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = await reports.csv(query);
    } else if (format === 'html') {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = await reports.printable(query);
    } else {
      ctx.body = { data: await reports.rows(query) };
    }
  },
});
