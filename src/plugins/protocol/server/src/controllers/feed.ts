import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { validateFeedQuery } from '../validation';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/feeds/ceremonies.ics: published public ceremonies for the website and calendar apps. */
  async ceremonies(ctx: any) {
    const { locale } = await validateFeedQuery(ctx.query);
    const i18n = strapi.plugin('i18n').service('locales');
    const locales: Array<{ code: string }> = await i18n.find();
    if (locale !== undefined && !locales.some((l) => l.code === locale)) {
      throw new errors.ValidationError('El idioma (locale) solicitado no existe.', { code: 'INVALID_LOCALE', locale, available: locales.map((l) => l.code) });
    }
    ctx.set('Content-Type', 'text/calendar; charset=utf-8');
    ctx.set('Content-Disposition', 'inline; filename="ceremonias.ics"');
    ctx.body = await getService(strapi, 'calendar').publicFeed(locale ?? (await i18n.getDefaultLocale()));
  },
});
