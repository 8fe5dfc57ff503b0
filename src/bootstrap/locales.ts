import type { Core } from '@strapi/strapi';

/** Content locales: Spanish (Peru) is official and the default. */
export const CONTENT_LOCALES = [
  { code: 'es-PE', name: 'Español (Perú) (es-PE)' },
  { code: 'qu', name: 'Runasimi / Quechua (qu)' },
  { code: 'ay', name: 'Aymar aru / Aymara (ay)' },
  { code: 'en', name: 'English (en)' },
];
export const DEFAULT_LOCALE = 'es-PE';

/** Creates the missing locales; makes es-PE the default only when it is created. */
export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of CONTENT_LOCALES) {
    if (await locales.findByCode(locale.code)) continue;
    await locales.create(locale);
    if (locale.code === DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
