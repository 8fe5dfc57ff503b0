// Shared by the diario-oficial tests: the admin routes as the admin UI calls them,
// and norms with real PDF and DOCX files.
import { app, http, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';

const { makeDocx, makePdf, makeZip, uploadBuffer } = require('../../helpers/office-files');

export const REQUEST = 'plugin::diario-oficial.request';
export const NORM = 'api::norm.norm';

export function queueApi(session: AdminSession) {
  const auth = (r: any) => r.set('Authorization', `Bearer ${session.token}`);
  return {
    list: (query: object = {}) => auth(http().get('/diario-oficial/requests').query(query)),
    get: (id: number) => auth(http().get(`/diario-oficial/requests/${id}`)),
    create: (body: object) => auth(http().post('/diario-oficial/requests').send(body)),
    act: (id: number, action: string, body: object = {}) => auth(http().post(`/diario-oficial/requests/${id}/actions/${action}`).send(body)),
  };
}

export const upload = {
  pdf: (name = 'ordenanza-firmada.pdf') => uploadBuffer(app(), makePdf('Ordenanza firmada'), name, 'application/pdf'),
  docx: (name = 'ordenanza.docx') =>
    uploadBuffer(app(), makeDocx('Ordenanza'), name, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  /** A PDF wearing a DOCX name and MIME type. */
  pdfNamedDocx: () => uploadBuffer(app(), makePdf('No soy Word'), 'disfrazado.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  /** A ZIP with Word-like parts but no word/document.xml. */
  zipNamedDocx: () =>
    uploadBuffer(app(), makeZip({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<w:styles/>' }), 'incompleto.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
};

/** A norm (document service) with its signed PDF and editable DOCX. */
export async function normWithFiles(data: object = {}) {
  const [pdf, docx] = [await upload.pdf(), await upload.docx()];
  return app()
    .documents(NORM)
    .create({ data: { ...fixtures.norm(), bodyFile: pdf.id, editableFile: docx.id, ...data } } as any);
}

export const requestsOf = (normDocumentId: string) =>
  app().db.query(REQUEST).findMany({ where: { normDocumentId }, orderBy: { id: 'asc' } }) as Promise<any[]>;

export const worker = () => app().plugin('diario-oficial').service('worker');

/** The norm's newspaper request (its first), put first in the queue and dispatched by the worker (e-mail); its id. */
export async function submittedRequest(norm: { documentId: string }) {
  const [request] = await requestsOf(norm.documentId);
  await app().db.query(REQUEST).update({ where: { id: request.id }, data: { priority: 9 } });
  let current: any = request;
  for (let i = 0; i < 20 && current.state === 'queued'; i += 1) {
    await worker().tick();
    current = await app().db.query(REQUEST).findOne({ where: { id: request.id } });
  }
  expect(current.state).toBe('submitted');
  return request.id as number;
}
