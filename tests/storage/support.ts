// What the tests of separate Strapi processes share: callers made over HTTP
// (the first admin, an admin of an office role, API tokens), the archive's
// ingest, and reading a file's bytes.
import crypto from 'crypto';

const unique = () => crypto.randomBytes(4).toString('hex');

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(base: string, method: string, path: string, { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    redirect: 'manual',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body && !(body instanceof FormData) ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export async function bytes(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** The first administrator (Super Admin) and a full-access API token, over HTTP. */
export async function backOffice(base: string) {
  const password = `Clave-${unique()}-A1`;
  const registered = await call(base, 'POST', '/admin/register-admin', {
    body: { email: `admin-${unique()}@municipalidad.test`, password, firstname: 'Admin', lastname: 'Prueba' },
  });
  if (registered.status !== 200) throw new Error(`register-admin: ${registered.status} ${JSON.stringify(registered.body)}`);
  const admin: string = registered.body.data.token;
  const created = await call(base, 'POST', '/admin/api-tokens', { token: admin, body: { name: `back-office-${unique()}`, type: 'full-access', lifespan: null } });
  if (created.status !== 201) throw new Error(`api-tokens: ${created.status} ${JSON.stringify(created.body)}`);
  return { admin, fullAccess: created.body.data.accessKey as string };
}

/** A logged-in admin of an office role (its code, e.g. `archivo`), invited and registered over HTTP. */
export async function adminOfRole(base: string, superAdmin: string, code: string) {
  const roles = await call(base, 'GET', '/admin/roles', { token: superAdmin });
  const role = roles.body.data.find((r: { code: string }) => r.code === code);
  if (!role) throw new Error(`no admin role ${code}`);
  const invited = await call(base, 'POST', '/admin/users', {
    token: superAdmin,
    body: { email: `${code}-${unique()}@municipalidad.test`, firstname: code, lastname: 'Prueba', roles: [role.id] },
  });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.body)}`);
  const password = `Clave-${unique()}-A1`;
  const registered = await call(base, 'POST', '/admin/register', {
    body: { registrationToken: invited.body.data.registrationToken, userInfo: { firstname: code, lastname: 'Prueba', password } },
  });
  if (registered.status !== 200) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  return registered.body.data.token as string;
}

export function ingest(base: string, token: string, file: Buffer, filename: string, data: object) {
  const form = new FormData();
  form.append('file', new Blob([file]), filename);
  form.append('data', JSON.stringify(data));
  return call(base, 'POST', '/api/media-archive-items/ingest', { token, body: form });
}

/** Every file URL of a response body: files and all their formats. */
export const fileUrls = (body: unknown): string[] => {
  if (Array.isArray(body)) return body.flatMap(fileUrls);
  if (!body || typeof body !== 'object') return [];
  return Object.entries(body).flatMap(([key, value]) => (key === 'url' && typeof value === 'string' ? [value] : fileUrls(value)));
};

export const absolute = (base: string, url: string) => (url.startsWith('/') ? `${base}${url}` : url);

export const sha256 = (buffer: Buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

/** Polls `check` until it returns a value other than undefined/false. */
export async function until<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
