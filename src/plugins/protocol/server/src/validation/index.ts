/**
 * Request shapes of the plugin's routes (yup, through Strapi's validateYupSchema), checked
 * before any service runs: a list or an operator object where a value is expected, or a
 * parameter the route does not know, is a 400.
 */
import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';

const LEVELS = ['national', 'regional', 'provincial', 'district', 'local', 'international'];
const SECTORS = ['public', 'private', 'civil-society', 'international', 'religious', 'armed-forces', 'police'];

// Query strings carry text: let yup cast "2" and "true" (and apply defaults). Unknown keys are refused (noUnknown).
// yup strips unknown keys when casting unless told not to: then noUnknown refuses them.
const CAST = { strict: false, stripUnknown: false };
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const selection = {
  level: yup.string().oneOf(LEVELS),
  sector: yup.string().oneOf(SECTORS),
  porVerificar: yup.boolean(),
  active: yup.boolean(),
  q: yup.string().max(200),
};

export const validateDirectoryQuery = validateYupSchema(
  yup.object({
    ...selection,
    page: yup.number().integer().min(1).default(1),
    pageSize: yup.number().integer().min(1).max(500).default(50),
  }).noUnknown(),
  CAST
);

export const validateExport = validateYupSchema(
  yup.object({
    format: yup.string().oneOf(['csv', 'vcard']).required(),
    documentIds: yup.array().of(yup.string().required()).min(1),
    ...selection,
  }).noUnknown(),
  CAST
);

/** The largest CSV an import takes, in characters (the JSON body limit of config/middlewares.ts covers it). */
export const MAX_IMPORT_CHARACTERS = 5_000_000;

const validateImportShape = validateYupSchema(
  yup.object({
    csv: yup.string().required(),
    dryRun: yup.boolean().default(true),
  }).noUnknown(),
  CAST
);

/** Over the import's own limit is a 413, like a body over the parser's limit. */
export async function validateImport(body: unknown) {
  const valid = (await validateImportShape(body)) as { csv: string; dryRun: boolean };
  if (valid.csv.length > MAX_IMPORT_CHARACTERS) {
    throw new errors.PayloadTooLargeError(`El CSV supera el máximo de ${MAX_IMPORT_CHARACTERS.toLocaleString('es-PE')} caracteres: divídalo en varias importaciones.`, {
      code: 'PAYLOAD_TOO_LARGE',
      limit: MAX_IMPORT_CHARACTERS,
    });
  }
  return valid;
}

export const validateVerify = validateYupSchema(
  yup.object({ documentIds: yup.array().of(yup.string().required()).min(1).max(5000).required() }).noUnknown(),
  CAST
);

const localeQuery = yup.object({ locale: yup.string().matches(LOCALE, 'locale debe ser un código de idioma') }).noUnknown();
const validateLocaleQuery = validateYupSchema(localeQuery);
const validateCeremonyParams = validateYupSchema(
  yup.object({ documentId: yup.string().matches(DOCUMENT_ID, 'documentId no tiene el formato de un identificador de documento').required() })
);

/** `?locale=` naming a locale that exists (400 INVALID_LOCALE otherwise, as on the Content API). */
async function validateLocale(strapi: Core.Strapi, query: unknown) {
  const { locale } = (await validateLocaleQuery(query ?? {})) as { locale?: string };
  if (locale === undefined) return { locale };
  const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
  if (!locales.some((l) => l.code === locale)) {
    throw new errors.ValidationError('El idioma (locale) solicitado no existe.', { code: 'INVALID_LOCALE', locale, available: locales.map((l) => l.code) });
  }
  return { locale };
}

export const validateFeedQuery = validateLocale;

export async function validateSeatingRequest(strapi: Core.Strapi, params: unknown, query: unknown) {
  const { documentId } = (await validateCeremonyParams({ documentId: (params as any)?.documentId })) as { documentId: string };
  return { documentId, ...(await validateLocale(strapi, query)) };
}

/** A document id in a path: Strapi's are lower-case letters and digits. */
export const validateDocumentId = validateYupSchema(yup.string().required().matches(DOCUMENT_ID, 'identificador de documento no válido'));
