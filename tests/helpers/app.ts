// What test files use: the run's Strapi instance, HTTP clients for the Content
// API and the admin API, and ways to make users and tokens.
import crypto from 'crypto';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import type { Mailbox } from './smtp';

declare global {
  // Set by tests/helpers/strapi-environment.ts
  // eslint-disable-next-line no-var
  var strapi: Core.Strapi;
  // eslint-disable-next-line no-var
  var mailbox: Mailbox;
}

export const app = () => globalThis.strapi;
/** The SMTP server every e-mail of the run goes to. */
export const mailbox = () => globalThis.mailbox;
export const http = () => request(app().server.httpServer);

const unique = () => crypto.randomBytes(4).toString('hex');

/** An API token of the given type (custom tokens get `permissions`). */
export async function createApiToken(type: 'full-access' | 'read-only' | 'custom', permissions: string[] = []) {
  const token = await app()
    .service('admin::api-token-content-api')
    .create({ name: `test-${type}-${unique()}`, type, lifespan: null, permissions: type === 'custom' ? permissions : undefined });
  return token.accessKey as string;
}

/** The `website` and `cif` tokens as `npm run tokens` makes them. */
export async function projectToken(name: 'website' | 'cif') {
  const { ensureApiToken } = require('../../dist/src/access/api-tokens');
  return (await ensureApiToken(app(), name)).accessKey as string;
}

export interface AdminSession {
  id: number;
  email: string;
  token: string;
}

/** A new admin user with the role of the given code, logged in over HTTP. */
export async function adminWithRole(roleCode: string): Promise<AdminSession> {
  const role = await app().service('admin::role').findOne({ code: roleCode });
  if (!role) throw new Error(`No admin role with code ${roleCode}`);
  const email = `${roleCode}-${unique()}@municipalidad.test`;
  const password = `Clave-${unique()}-A1`;
  const user = await app()
    .service('admin::user')
    .create({ email, firstname: roleCode, lastname: 'Prueba', password, isActive: true, roles: [role.id] });
  const res = await http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`Admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: user.id, email, token: res.body.data.token };
}

/** Admin API client for the content manager, as the admin UI calls it. */
export function contentManager(session: AdminSession, uid: string) {
  const base = `/content-manager/collection-types/${uid}`;
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${session.token}`);
  return {
    create: (data: object, locale?: string) => auth(http().post(base).query(locale ? { locale } : {}).send(data)),
    findOne: (documentId: string, locale?: string) => auth(http().get(`${base}/${documentId}`).query(locale ? { locale } : {})),
    list: (query: object = {}) => auth(http().get(base).query(query)),
    update: (documentId: string, data: object, locale?: string) =>
      auth(http().put(`${base}/${documentId}`).query(locale ? { locale } : {}).send(data)),
    delete: (documentId: string, locale?: string) => auth(http().delete(`${base}/${documentId}`).query(locale ? { locale } : {})),
    publish: (documentId: string, data: object = {}, locale?: string) =>
      auth(http().post(`${base}/${documentId}/actions/publish`).query(locale ? { locale } : {}).send(data)),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
