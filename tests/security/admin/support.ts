// What the admin/write-path attack suites share: sessions and tokens per
// caller, the roles and their field permissions as Strapi holds them (so a new
// role, type or field is covered without touching the tests), and small
// request helpers.
import os from 'os';
import path from 'path';
import fs from 'fs/promises';
import { app, adminWithRole, bearer, createApiToken, http, type AdminSession } from '../../helpers/app';

/** The office's admin roles, as src/access/admin-roles.ts defines them. */
export const roleCodes = (): string[] => require('../../../dist/src/access/admin-roles').ADMIN_ROLES.map((r: { code: string }) => r.code);

const sessions = new Map<string, Promise<AdminSession>>();
/** One logged-in admin per role for the whole file. */
export const sessionOf = (code: string) => {
  if (!sessions.has(code)) sessions.set(code, adminWithRole(code));
  return sessions.get(code)!;
};

export const adminAuth = async (code: string) => ({ Authorization: `Bearer ${(await sessionOf(code)).token}` });

/** The CASL ability Strapi builds for a role's users (what the content manager checks). */
export async function abilityOf(code: string) {
  const session = await sessionOf(code);
  const user = await app().db.query('admin::user').findOne({ where: { id: session.id }, populate: ['roles'] });
  return app().service('admin::permission').engine.generateUserAbility(user);
}

/** A refusal as the project answers it: 4xx, a Spanish message and a stable code. */
export function expectCodedRefusal(res: { status: number; body: any }, codes: string[], statuses = [400, 403, 413]) {
  if (!statuses.includes(res.status) || !codes.includes(res.body?.error?.details?.code)) {
    throw new Error(`expected ${statuses.join('/')} with ${codes.join('|')}, got ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`);
  }
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message).toMatch(/[áéíóúñ¿«]|archivo|contenido|imagen|puede/i);
}

/** An error thrown by server code, in the shape an HTTP answer would have. */
export const asResponse = (error: any) => ({
  status: error?.status ?? (error?.name === 'PayloadTooLargeError' ? 413 : error?.name === 'ForbiddenError' || error?.name === 'PolicyError' ? 403 : 400),
  body: { error: { message: error?.message, details: error?.details ?? {} } },
});

export const fullAccessToken = async () => bearer(await createApiToken('full-access'));

/** A file written to a temporary directory, as formidable leaves an upload. */
export async function tempFile(name: string, buffer: Buffer) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'security-'));
  const filepath = path.join(dir, name);
  await fs.writeFile(filepath, buffer);
  return { filepath, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}

export const FILE_UID = 'plugin::upload.file';
export const fileRow = (id: number) => app().db.query(FILE_UID).findOne({ where: { id } });
export const fileCount = () => app().db.query(FILE_UID).count();

export { app, http, bearer, adminWithRole };
