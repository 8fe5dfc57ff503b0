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

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A file in the library that lies about its type. The upload guard refuses such a file at
 * every door now (tests/security/admin/uploads.test.ts); the queue still checks the bytes of
 * what it is given, for files stored before the guard: stored honestly, then renamed in the database.
 */
async function disguised(buffer: Buffer, realName: string, realMime: string, name: string, mime: string) {
  const file = await uploadBuffer(app(), buffer, realName, realMime);
  await app().db.query('plugin::upload.file').update({ where: { id: file.id }, data: { name, ext: name.slice(name.lastIndexOf('.')), mime } });
  return file;
}

export const upload = {
  pdf: (name = 'ordenanza-firmada.pdf') => uploadBuffer(app(), makePdf('Ordenanza firmada'), name, 'application/pdf'),
  docx: (name = 'ordenanza.docx') =>
    name.endsWith('.docx') ? uploadBuffer(app(), makeDocx('Ordenanza'), name, DOCX) : disguised(makeDocx('Ordenanza'), 'ordenanza.docx', DOCX, name, 'application/pdf'),
  /** A PDF wearing a DOCX name and MIME type. */
  pdfNamedDocx: () => disguised(makePdf('No soy Word'), 'disfrazado.pdf', 'application/pdf', 'disfrazado.docx', DOCX),
  /** A ZIP with Word-like parts but no word/document.xml. */
  zipNamedDocx: () => uploadBuffer(app(), makeZip({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<w:styles/>' }), 'incompleto.docx', DOCX),
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
