// Request shapes of the versions routes, checked at the edge with yup.
import { yup, validateYupSchema } from '@strapi/utils';

const locale = yup.string().max(20).matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'locale no es un código de idioma');

const targetQuery = yup.object({ locale }).noUnknown();

const changesQuery = yup
  .object({
    locale,
    against: yup.number().typeError('against debe ser el número de id de una versión').integer().positive(),
  })
  .noUnknown();

const versionParams = yup.object({ versionId: yup.number().typeError('versionId debe ser un entero').integer().positive().required() });

const restoreBody = yup.object({ comment: yup.string().nullable().max(2000) }).noUnknown();

export const validateTargetQuery = validateYupSchema(targetQuery);
export const validateChangesQuery = validateYupSchema(changesQuery, { strict: false });
export const validateVersionParams = validateYupSchema(versionParams, { strict: false });
export const validateRestoreBody = validateYupSchema(restoreBody);
