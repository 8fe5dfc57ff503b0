// Shapes of the routes' bodies, queries and parameters (yup, through validateYupSchema):
// a 400 with a code before any query for anything else.
import { validateYupSchema, yup } from '@strapi/utils';

const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
const documentIds = (label: string) => yup.array().of(yup.string().matches(DOCUMENT_ID, `${label}: identificador de documento no válido`).required()).max(200);
const isoDate = () => yup.string().matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'fecha AAAA-MM-DD');

const circularShape = yup
  .object({
    title: yup.string().trim().min(3, 'el título debe tener al menos 3 caracteres').max(250).required('el título es obligatorio'),
    message: yup.string().max(10_000).nullable(),
    norms: documentIds('normas'),
    pressNotes: documentIds('notas de prensa'),
    ceremonies: documentIds('ceremonias'),
    bodies: documentIds('órganos'),
    subjects: yup.array().of(yup.string().matches(/^[a-z0-9-]{1,40}$/, 'materia no válida').required()).max(100),
    forCompliance: yup.boolean(),
  })
  .noUnknown()
  .strict();

export const validateCircular = validateYupSchema(circularShape);

const validateId = validateYupSchema(yup.object({ id: yup.string().matches(/^[1-9]\d{0,11}$/, 'id debe ser un número de circular').required() }));
export const validateCircularId = async (params: Record<string, unknown>) => Number(((await validateId({ id: params.id })) as { id: string }).id);

const validateDocumentIdParam = validateYupSchema(yup.object({ documentId: yup.string().matches(DOCUMENT_ID, 'identificador de documento no válido').required() }));
export const validateNormParam = async (params: Record<string, unknown>) => ((await validateDocumentIdParam({ documentId: params.documentId })) as { documentId: string }).documentId;

const validateList = validateYupSchema(
  yup.object({ page: yup.number().integer().min(1).max(10_000), pageSize: yup.number().integer().min(1).max(100) }).noUnknown()
);
/** Query strings carry numbers as text; validation is strict. */
export const validateListQuery = (query: Record<string, unknown>) => {
  const numeric = (value: unknown) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);
  return validateList({ ...query, ...('page' in query ? { page: numeric(query.page) } : {}), ...('pageSize' in query ? { pageSize: numeric(query.pageSize) } : {}) });
};

export const validatePendingQuery = validateYupSchema(yup.object({ body: yup.string().matches(DOCUMENT_ID, 'identificador de órgano no válido') }).noUnknown());

export const validateReportQuery = validateYupSchema(
  yup
    .object({
      from: isoDate().required('indique la fecha desde'),
      to: isoDate().required('indique la fecha hasta'),
      norm: yup.string().matches(DOCUMENT_ID, 'identificador de norma no válido'),
      format: yup.string().oneOf(['json', 'csv', 'html']),
    })
    .noUnknown()
    .test('period', 'el periodo del reporte no es válido: «desde» es posterior a «hasta»', (q: any) => !q?.from || !q?.to || q.from <= q.to)
);

/** The form of the acknowledgment page (urlencoded) or the same as JSON. */
export const validateAck = validateYupSchema(
  yup
    .object({
      confirm: yup.mixed().oneOf(['true', true], 'confirm debe ser true'),
      applied: yup.mixed().oneOf(['true', true, 'false', false], 'applied debe ser true o false'),
      note: yup.string().max(2000, 'la nota admite hasta 2000 caracteres').nullable(),
    })
    .noUnknown()
);

export const validateSearchQuery = validateYupSchema(
  yup.object({ type: yup.string().oneOf(['norm', 'press-note', 'ceremony']).required('indique el tipo'), q: yup.string().max(200) }).noUnknown()
);
