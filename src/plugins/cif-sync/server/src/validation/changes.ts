import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_PAGE_SIZE, ERROR_CODES, MAX_PAGE_SIZE, MESSAGES } from '../constants';

const ALLOWED = new Set(['since', 'limit', 'locale']);
const INTEGER = /^\d{1,15}$/;

const fail = (message: string, code: string, extra: Record<string, unknown> = {}) => {
  throw new errors.ValidationError(message, { code, ...extra });
};

/** `?since=<cursor>&limit=<1..1000>&locale=<code>`, anything else is a 400. */
export async function validateChangesQuery(strapi: Core.Strapi, query: Record<string, unknown>) {
  const unknown = Object.keys(query).filter((key) => !ALLOWED.has(key));
  if (unknown.length) fail(MESSAGES.unknownParameter, ERROR_CODES.unknownParameter, { parameters: unknown });

  const { since = '0', limit = String(DEFAULT_PAGE_SIZE), locale } = query;
  if (typeof since !== 'string' || !INTEGER.test(since)) fail(MESSAGES.invalidCursor, ERROR_CODES.invalidCursor, { since });
  if (typeof limit !== 'string' || !INTEGER.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE_SIZE) {
    fail(MESSAGES.invalidLimit, ERROR_CODES.invalidLimit, { limit, max: MAX_PAGE_SIZE });
  }
  if (locale !== undefined) {
    const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
    if (typeof locale !== 'string' || !locales.some((l) => l.code === locale)) {
      fail(MESSAGES.invalidLocale, ERROR_CODES.invalidLocale, { locale, available: locales.map((l) => l.code) });
    }
  }
  return { since: Number(since), limit: Number(limit), locale: locale as string | undefined };
}
