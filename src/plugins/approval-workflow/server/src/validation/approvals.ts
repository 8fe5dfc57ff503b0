// Request shapes of the admin routes, checked at the edge with yup.
import { yup, validateYupSchema } from '@strapi/utils';
import { STATES, USER_ACTIONS } from '../constants';

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

const actionParams = yup.object({ action: yup.string().oneOf([...USER_ACTIONS]).required() });

const queueQuery = yup
  .object({
    state: yup.string().oneOf([...STATES]),
    uid: yup.string(),
    locale: yup.string(),
  })
  .noUnknown();

export const validateActionBody = validateYupSchema(actionBody, { strict: false });
export const validateActionParams = validateYupSchema(actionParams);
export const validateQueueQuery = validateYupSchema(queueQuery);
