// Shared set-up of the dissemination plugin's tests: bodies with subjects and named
// recipients, published content, the admin routes as the admin UI calls them, and
// the acknowledgment link read from a received e-mail.
import type { ParsedMail } from 'mailparser';
import { app, http, mailbox, type AdminSession } from '../../helpers/app';
import { fixtures, publishedDocument, suffix } from '../../helpers/fixtures';

export const BODY = 'api::municipal-body.municipal-body';
export const NORM = 'api::norm.norm';
export const PRESS_NOTE = 'api::press-note.press-note';
export const CEREMONY = 'api::ceremony.ceremony';
export const CIRCULAR = 'plugin::dissemination.circular';
export const DELIVERY = 'plugin::dissemination.delivery';

export const disseminationApi = (session: AdminSession) => {
  const auth = (r: any) => r.set('Authorization', `Bearer ${session.token}`);
  return {
    get: (path: string, query: object = {}) => auth(http().get(`/dissemination${path}`).query(query)),
    post: (path: string, body: object) => auth(http().post(`/dissemination${path}`).send(body)),
  };
};

/** A body following `subjects`, with named staff besides its institutional e-mail. */
export const newBody = async (subjects: string[], staff = 1, extra: Record<string, unknown> = {}) => {
  const tag = suffix();
  const recipients = Array.from({ length: staff }, (_, i) => ({ name: `Funcionario ${i + 1} ${tag}`, position: 'Gerente', email: `staff${i + 1}-${tag}@municipalidad.test` }));
  const body = (await app().documents(BODY).create({ data: { ...fixtures.municipalBody(), subjects, recipients, ...extra } } as any)) as any;
  return { ...body, recipients };
};

export const publishedNorm = (data: Record<string, unknown> = {}) => publishedDocument(NORM, { ...fixtures.norm(), ...data }) as Promise<any>;
export const publishedPressNote = (data: Record<string, unknown> = {}) => publishedDocument(PRESS_NOTE, { ...fixtures.pressNote(), ...data }) as Promise<any>;

/** Every address a body's circulars go to. */
export const addressesOf = (body: any) => [body.email, ...(body.recipients ?? []).map((r: any) => r.email)].map((a: string) => a.toLowerCase());

const LINK = /https?:\/\/[^\s]+\/api\/dissemination\/ack\/([A-Za-z0-9._-]+)/;

/** The acknowledgment link of a received e-mail: its path (for the in-process server) and token. */
export const ackLinkOf = (mail: ParsedMail) => {
  const match = LINK.exec(mail.text ?? '');
  if (!match) throw new Error(`no acknowledgment link in: ${mail.text}`);
  return { url: match[0], path: new URL(match[0]).pathname, token: match[1] };
};

/** The e-mail with this subject to this address. */
export const mailTo = (address: string, subject: string) =>
  mailbox().waitFor((m) => m.subject === subject && mailbox().to(address).includes(m));

export const service = (name: string) => app().plugin('dissemination').service(name);
export const auditEvents = () => app().db.query('plugin::audit-trail.event').count();
export const rowsOf = (uid: string, where: object) => app().db.query(uid as any).findMany({ where, orderBy: { id: 'asc' } }) as Promise<any[]>;
