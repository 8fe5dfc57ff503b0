// The public acknowledgment page. A browser (Accept: text/html) gets HTML, also for a
// refused link; programs get the project's JSON (errors with their code).
import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateAck } from '../validation';
import { errorPage } from '../services/render';

const wantsHtml = (ctx: any) => ctx.accepts('json', 'html') === 'html';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** A refused link still answers a browser with a readable page (same status and message). */
  async function answer(ctx: any, work: () => Promise<{ data: unknown; html: string }>) {
    // Personal links: never cached, never sent on as a referrer.
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Robots-Tag', 'noindex, nofollow');
    try {
      const result = await work();
      if (wantsHtml(ctx)) {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = result.html;
      } else ctx.body = { data: result.data };
    } catch (error: any) {
      if (!wantsHtml(ctx) || !error?.details?.code) throw error;
      ctx.status = error.name === 'NotFoundError' ? 404 : error.name === 'ValidationError' ? 400 : 403;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = errorPage(error.message);
    }
  }

  return {
    async show(ctx: any) {
      await answer(ctx, () => getService(strapi, 'acknowledgments').show(ctx.params.token));
    },

    async confirm(ctx: any) {
      await answer(ctx, async () => {
        const input = (await validateAck(ctx.request.body ?? {})) as { applied?: boolean | string; note?: string | null };
        return getService(strapi, 'acknowledgments').confirm(ctx.params.token, { applied: input.applied === true || input.applied === 'true', note: input.note ?? null });
      });
    },
  };
};
