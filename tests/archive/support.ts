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

/** Every file URL in a response body: each item's file and all of its formats. */
export const fileUrls = (body: unknown): string[] => {
  if (Array.isArray(body)) return body.flatMap(fileUrls);
  if (!body || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([key, value]) => (key === 'url' && typeof value === 'string' ? [value] : fileUrls(value)));
};

/** What an image file tells about where, and with which camera body, it was taken. */
export async function revealing(buffer: Buffer, serial: string) {
  const sharp = require('sharp');
  const exifReader = require('exif-reader');
  // Audio and PDFs in the same responses: only their bytes are searched.
  const meta = await sharp(buffer)
    .metadata()
    .catch(() => ({}) as { exif?: Buffer; xmp?: Buffer; iptc?: Buffer });
  const tags = meta.exif ? exifReader(meta.exif) : {};
  return {
    gps: Object.keys(tags.GPSInfo ?? {}).length > 0,
    serial: buffer.includes(Buffer.from(serial, 'latin1')) || JSON.stringify(tags).includes(serial),
    xmp: Boolean(meta.xmp),
    iptc: Boolean(meta.iptc),
  };
}
