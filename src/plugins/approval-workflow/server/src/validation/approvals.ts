// Request shapes of the admin routes, checked at the edge with yup before any service runs:
// a parameter is a string where a string is expected (never a list or an operator object),
// unknown parameters are refused, and `locale` names a locale that exists, so that the state
// rows and the audit trail are only ever keyed by well-formed targets.
import type { Core } from '@strapi/strapi';
import { errors, yup, validateYupSchema } from '@strapi/utils';
import { STATES, USER_ACTIONS } from '../constants';

const UID = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const actionBody = yup
  .object({
    comment: yup.string().nullable().max(2000),
    publishAt: yup
      .date()
      .nullable()
      .typeError('publishAt debe ser una fecha y hora ISO 8601')
      .test('future', 'publishAt debe ser una fecha futura', (value) => !value || value.getTime() > Date.now()),
    expectedHash: yup.string().nullable().matches(/^[0-9a-f]{64}$/, 'expectedHash debe ser un hash sha256'),
  })
  .noUnknown();

const uid = () => yup.string().matches(UID, 'uid debe ser el identificador de un tipo de contenido (api::nombre.nombre)');
const documentParams = {
  uid: uid().required(),
  documentId: yup.string().matches(DOCUMENT_ID, 'documentId no tiene el formato de un identificador de documento').required(),
};

const actionParams = yup.object({ ...documentParams, action: yup.string().oneOf([...USER_ACTIONS]).required() });
const statusParams = yup.object(documentParams);

/** `?locale=` of a document route: one locale code, nothing else. */
const targetQuery = yup.object({ locale: yup.string().matches(LOCALE, 'locale debe ser un código de idioma') }).noUnknown();

const queueQuery = yup
  .object({
    state: yup.string().oneOf([...STATES]),
    uid: uid(),
    locale: yup.string().matches(LOCALE, 'locale debe ser un código de idioma'),
  })
  .noUnknown();

// Body fields may come as JSON numbers or dates; the path and query parameters are strings, checked strictly.
// yup strips unknown keys when casting unless told not to: then noUnknown refuses them.
export const validateActionBody = validateYupSchema(actionBody, { strict: false, stripUnknown: false });
export const validateActionParams = validateYupSchema(actionParams);
export const validateStatusParams = validateYupSchema(statusParams);
const validateTarget = validateYupSchema(targetQuery);
const validateQueue = validateYupSchema(queueQuery);

/** A locale the i18n plugin knows, or a 400 INVALID_LOCALE (the same code as the Content API's). */
async function assertLocaleExists(strapi: Core.Strapi, locale: string | undefined) {
  if (locale === undefined) return;
  const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
  if (!locales.some((l) => l.code === locale)) {
    throw new errors.ValidationError('El idioma (locale) solicitado no existe.', { code: 'INVALID_LOCALE', locale, available: locales.map((l) => l.code) });
  }
}

export async function validateTargetQuery(strapi: Core.Strapi, query: unknown) {
  const valid = (await validateTarget(query ?? {})) as { locale?: string };
  await assertLocaleExists(strapi, valid.locale);
  return valid;
}

export async function validateQueueQuery(strapi: Core.Strapi, query: unknown) {
  const valid = (await validateQueue(query ?? {})) as { state?: (typeof STATES)[number]; uid?: string; locale?: string };
  await assertLocaleExists(strapi, valid.locale);
  return valid;
}
