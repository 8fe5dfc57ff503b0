import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateFeedQuery } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/feeds/ceremonies.ics: published public ceremonies for the website and calendar apps. */
  async ceremonies(ctx: any) {
    const { locale } = await validateFeedQuery(strapi, ctx.query);
    const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    ctx.set('Content-Type', 'text/calendar; charset=utf-8');
    ctx.set('Content-Disposition', 'inline; filename="ceremonias.ics"');
    ctx.body = await getService(strapi, 'calendar').publicFeed(locale ?? defaultLocale);
  },
});
