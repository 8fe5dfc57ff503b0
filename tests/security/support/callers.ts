// The callers the attack suites act as: every restricted kind of caller of the Content API,
// the trusted back office, and every kind of credential a request can carry.
import crypto from 'crypto';
import { adminWithRole, app, bearer, createApiToken, http, projectToken } from '../../helpers/app';
import { publicTypes } from './schema';

export interface Caller {
  name: string;
  headers: Record<string, string>;
}

const unique = () => crypto.randomBytes(4).toString('hex');

/** A users-permissions user of the given role, logged in through /api/auth/local. */
export async function usersPermissionsUser(roleType: string): Promise<Record<string, string>> {
  const role = await app().db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const name = `usuario-${unique()}`;
  const password = `Clave-${unique()}-A1`;
  await app()
    .plugin('users-permissions')
    .service('user')
    .add({ username: name, email: `${name}@municipalidad.test`, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
  const res = await http().post('/api/auth/local').send({ identifier: `${name}@municipalidad.test`, password });
  if (res.status !== 200) throw new Error(`users-permissions login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return bearer(res.body.jwt);
}

/**
 * Every kind of restricted caller: the Public role, the website and cif tokens, a read-only
 * token (Strapi lets it find every type), another custom token that was also given protocol
 * contacts and institutions, and a logged-in users-permissions user (archive staff).
 */
export async function restrictedCallers(): Promise<Caller[]> {
  const reads = [...publicTypes(), 'api::protocol-contact.protocol-contact', 'api::institution.institution'].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);
  return [
    { name: 'public', headers: {} },
    { name: 'website token', headers: bearer(await projectToken('website')) },
    { name: 'cif token', headers: bearer(await projectToken('cif')) },
    { name: 'read-only token', headers: bearer(await createApiToken('read-only')) },
    { name: 'other custom token', headers: bearer(await createApiToken('custom', reads)) },
    { name: 'users-permissions user', headers: await usersPermissionsUser('archive-staff') },
  ];
}

/** The trusted back office: sees everything (the positive control of every probe). */
export const trustedCaller = async (): Promise<Caller> => ({ name: 'full-access token', headers: bearer(await createApiToken('full-access')) });

/** A Super Admin's admin session, for the admin routes. */
export const superAdmin = () => adminWithRole('strapi-super-admin');
