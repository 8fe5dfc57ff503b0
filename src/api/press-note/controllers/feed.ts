import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FEED_CONTENT_TYPES, FEED_FORMATS, type FeedFormat } from '../services/feed';

/** GET /api/feeds/press-notes.(rss|atom|json)?locale= — public, cacheable like any public read. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const format = ctx.params.format as FeedFormat;
    if (!Object.hasOwn(FEED_FORMATS, format)) {
      throw new errors.NotFoundError('Formato de feed desconocido: use .rss, .atom o .json.', { code: 'UNKNOWN_FEED_FORMAT', format });
    }
    const i18n = strapi.plugin('i18n').service('locales');
    const locales: Array<{ code: string }> = await i18n.find();
    const locale = ctx.query.locale ?? (await i18n.getDefaultLocale());
    if (typeof locale !== 'string' || !locales.some((l) => l.code === locale)) {
      throw new errors.ValidationError('El idioma (locale) solicitado no existe.', {
        code: 'INVALID_LOCALE',
        locale: ctx.query.locale,
        available: locales.map((l) => l.code),
      });
    }
    ctx.type = FEED_CONTENT_TYPES[format];
    ctx.body = await strapi.service('api::press-note.feed').render(format, locale);
  },
});
