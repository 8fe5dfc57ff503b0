/** Request shapes of the admin routes (yup, through Strapi's validateYupSchema). */
import { validateYupSchema, yup } from '@strapi/utils';

const LEVELS = ['national', 'regional', 'provincial', 'district', 'local', 'international'];
const SECTORS = ['public', 'private', 'civil-society', 'international', 'religious', 'armed-forces', 'police'];

// Query strings carry text: let yup cast "2" and "true" (and apply defaults).
const CAST = { strict: false, stripUnknown: true };

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
  }),
  CAST
);

export const validateExport = validateYupSchema(
  yup.object({
    format: yup.string().oneOf(['csv', 'vcard']).required(),
    documentIds: yup.array().of(yup.string().required()).min(1),
    ...selection,
  }),
  CAST
);

export const validateImport = validateYupSchema(
  yup.object({
    csv: yup.string().required().max(5_000_000),
    dryRun: yup.boolean().default(true),
  }),
  CAST
);

export const validateVerify = validateYupSchema(
  yup.object({ documentIds: yup.array().of(yup.string().required()).min(1).max(5000).required() }),
  CAST
);

export const validateFeedQuery = validateYupSchema(yup.object({ locale: yup.string().max(10) }), CAST);

/** A document id in a path: Strapi's are lower-case letters and digits. */
export const validateDocumentId = validateYupSchema(
  yup
    .string()
    .required()
    .matches(/^[a-z0-9]{1,64}$/, 'identificador de documento no válido')
);
