// Shapes of the admin routes' bodies and queries (yup, through validateYupSchema).
import { validateYupSchema, yup } from '@strapi/utils';
import { ACTIONS, CHANNELS, STATES } from '../constants';

const isoDate = () => yup.string().matches(/^\d{4}-\d{2}-\d{2}$/, 'fecha AAAA-MM-DD');
const id = () => yup.number().integer().positive();

export const validateCreate = validateYupSchema(
  yup
    .object({
      normDocumentId: yup.string().required(),
      channel: yup.string().oneOf([...CHANNELS]).required(),
      outlet: yup.string().nullable(),
      dueBy: isoDate().nullable(),
      priority: yup.number().integer().min(0).max(9).nullable(),
      signedPdfId: id().nullable(),
      editableDocxId: id().nullable(),
      coverId: id().nullable(),
    })
    .noUnknown()
);

const validateList = validateYupSchema(
  yup
    .object({
      state: yup.string().oneOf([...STATES]),
      outlet: yup.string(),
      normDocumentId: yup.string(),
      overdue: yup.string().oneOf(['true', 'false']),
      page: yup.number().integer().min(1),
      pageSize: yup.number().integer().min(1).max(200),
    })
    .noUnknown()
);

const validateId = validateYupSchema(yup.object({ id: yup.string().matches(/^[1-9]\d{0,11}$/, 'id debe ser un número de solicitud').required() }));

/** The `:id` of a request's route, as a number (a 400 for anything else, before any query). */
export const validateRequestId = async (params: Record<string, unknown>) => Number(((await validateId({ id: params.id })) as { id: string }).id);

/** Query strings carry numbers as text; validation is strict. */
export const validateListQuery = (query: Record<string, unknown>) => {
  const numeric = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return validateList({ ...query, page: numeric(query.page), pageSize: numeric(query.pageSize) });
};

export const validateActionName = validateYupSchema(yup.string().oneOf([...ACTIONS]).required());

/** The writes (create, actions) take nothing from the query string: any parameter is refused, before anything is written. */
export const validateNoQuery = validateYupSchema(yup.object({}).noUnknown());

const BODIES = {
  retry: yup.object({ signedPdfId: id().nullable(), editableDocxId: id().nullable(), coverId: id().nullable() }),
  'record-submission': yup.object({ submittedAt: yup.date().nullable(), submissionReference: yup.string().max(120).nullable() }),
  'record-quote': yup.object({ quoteAmount: yup.number().positive().required(), quoteReference: yup.string().max(120).nullable() }),
  'record-payment': yup.object({ paymentReference: yup.string().max(120).required(), paymentDate: isoDate().required() }),
  'record-schedule': yup.object({ expectedEditionDate: isoDate().required() }),
  'record-publication': yup.object({
    editionDate: isoDate().required(),
    page: yup.string().max(200).required(),
    gazetteId: yup.string().max(20).nullable(),
    proofFileId: id().nullable(),
  }),
  'record-rejection': yup.object({ rejectionReason: yup.string().trim().min(3).max(2000).required() }),
  cancel: yup.object({ reason: yup.string().max(2000).nullable() }),
};

export type ActionBody = Record<string, any>;

export const validateActionBody = (action: keyof typeof BODIES, body: unknown) =>
  validateYupSchema(BODIES[action].noUnknown())(body ?? {}) as Promise<ActionBody>;
