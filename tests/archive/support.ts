// What the archive tests share: the REST ingest call, an archive-staff user,
// and the counts that prove a refusal left nothing behind.
import crypto from 'crypto';
import { app, bearer, createApiToken, http } from '../helpers/app';

export const ARCHIVE = 'api::media-archive-item.media-archive-item';

export const sha256 = (buffer: Buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

/** Items and media-library files: both must be unchanged after a refusal. */
export const counts = async () => ({
  items: await app().db.query(ARCHIVE).count(),
  uploads: await app().db.query('plugin::upload.file').count(),
});

export const ingest = (headers: Record<string, string>, buffer: Buffer, filename: string, data: object) =>
  http().post('/api/media-archive-items/ingest').set(headers).attach('file', buffer, filename).field('data', JSON.stringify(data));

/** A logged-in users-permissions user of the archive-staff role. */
export async function archiveStaff(): Promise<Record<string, string>> {
  const role = await app().db.query('plugin::users-permissions.role').findOne({ where: { type: 'archive-staff' } });
  const name = `archivo-${crypto.randomBytes(4).toString('hex')}`;
  const password = `Clave-${crypto.randomBytes(4).toString('hex')}-A1`;
  await app()
    .plugin('users-permissions')
    .service('user')
    .add({ username: name, email: `${name}@municipalidad.test`, password, provider: 'local', confirmed: true, blocked: false, role: role.id });
  const res = await http().post('/api/auth/local').send({ identifier: `${name}@municipalidad.test`, password });
  if (res.status !== 200) throw new Error(`archive staff login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return bearer(res.body.jwt);
}

export const fullAccess = async () => bearer(await createApiToken('full-access'));
