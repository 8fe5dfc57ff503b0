/**
 * In-process response cache and HTTP caching for the public Content API.
 *
 * Who is served from the cache (the "caller class" is part of the key):
 * - requests without an Authorization header (the Public role);
 * - requests with the `website` or `cif` custom token, recognised by the hash
 *   of the bearer, looked up in the database at most once a second per token
 *   and instance. Every other bearer (full-access, read-only, other custom
 *   tokens, users-permissions JWTs) goes through Strapi untouched and is
 *   marked `private, no-store`.
 * Only GET/HEAD under /api answered 200 without Set-Cookie are stored, except
 * the session and account routes listed in UNCACHED_PREFIXES.
 *
 * Freshness: entries belong to the change log's head (src/plugins/cif-sync).
 * Each instance reads the head at most once a second, and right away after its
 * own writes commit; a new head drops every entry. Entries also expire after
 * max-age, which bounds the effect of permission edits, which the log does not see.
 *
 * Headers: a strong ETag (hash of the body) with 304 on If-None-Match for every
 * class; `Cache-Control: public, max-age=60, stale-while-revalidate=300` only
 * for unauthenticated callers; `private, no-cache` for the two project tokens.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

// Sessions and accounts. (The CIF feed is cached: only the cif token gets a 200 from it,
// and its pages change only when the log's head moves.)
const UNCACHED_PREFIXES = ['/api/auth', '/api/users', '/api/users-permissions', '/api/connect', '/api/upload'];
const CACHEABLE_TOKENS = new Set(['website', 'cif']);
const HEAD_CHECK_MS = 1000;
const TOKEN_CHECK_MS = 1000;

export interface ResponseCacheConfig {
  enabled?: boolean;
  maxEntries?: number;
  maxBodyBytes?: number;
  maxAgeSeconds?: number;
  staleWhileRevalidateSeconds?: number;
}

interface Entry {
  head: number;
  storedAt: number;
  status: number;
  type: string;
  etag: string;
  body: Buffer;
}

const etagOf = (body: Buffer) => `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  Boolean(ifNoneMatch) && ifNoneMatch!.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');

export default (config: ResponseCacheConfig, { strapi }: { strapi: Core.Strapi }) => {
  const enabled = (config.enabled ?? true) && process.env.RESPONSE_CACHE !== 'false';
  const maxEntries = config.maxEntries ?? 2000;
  const maxBodyBytes = config.maxBodyBytes ?? 1024 * 1024;
  const maxAgeMs = (config.maxAgeSeconds ?? 60) * 1000;
  const publicCacheControl = `public, max-age=${config.maxAgeSeconds ?? 60}, stale-while-revalidate=${config.staleWhileRevalidateSeconds ?? 300}`;

  const entries = new Map<string, Entry>();
  const tokens = new Map<string, { cacheClass: string | null; checkedAt: number }>();
  let head = -1;
  let headCheckedAt = 0;
  let headQuery: Promise<number> | null = null;

  const changeLog = () => strapi.plugin('cif-sync').service('change-log');
  // This instance's own writes are visible at once; other instances' within a second.
  let subscribed = false;
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    changeLog().onCommitted(() => {
      headCheckedAt = 0;
    });
  };

  async function currentHead() {
    if (Date.now() - headCheckedAt < HEAD_CHECK_MS) return head;
    headQuery ??= (async () => {
      try {
        const checkedAt = Date.now();
        const latest: number = await changeLog().head();
        if (latest !== head) entries.clear();
        head = latest;
        headCheckedAt = checkedAt;
        return head;
      } finally {
        headQuery = null;
      }
    })();
    return headQuery;
  }

  /** 'public', 'website:<id>:<version>', 'cif:…', or null when the caller is not served from the cache. */
  async function cacheClassOf(authorization: string | undefined): Promise<string | null> {
    if (!authorization) return 'public';
    const [scheme, token, extra] = authorization.split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token || extra !== undefined) return null;
    const key = crypto.createHash('sha256').update(token).digest('base64url');
    const known = tokens.get(key);
    if (known && Date.now() - known.checkedAt < TOKEN_CHECK_MS) return known.cacheClass;

    const accessKey = strapi.service('admin::api-token-content-api').hash(token);
    const found = await strapi.db.query('admin::api-token').findOne({
      select: ['id', 'name', 'type', 'kind', 'expiresAt', 'updatedAt'],
      where: { accessKey },
    });
    const valid =
      found &&
      CACHEABLE_TOKENS.has(found.name) &&
      found.type === 'custom' &&
      (found.kind === 'content-api' || found.kind == null) &&
      (!found.expiresAt || new Date(found.expiresAt) > new Date());
    // The token's version is in the class: a permission edit starts a fresh set of entries.
    const cacheClass = valid ? `${found.name}:${found.id}:${new Date(found.updatedAt).getTime()}` : null;
    if (tokens.size > 100) tokens.clear();
    tokens.set(key, { cacheClass, checkedAt: Date.now() });
    return cacheClass;
  }

  const cacheControlFor = (cacheClass: string) => (cacheClass === 'public' ? publicCacheControl : 'private, no-cache');

  function answer(ctx: any, entry: Pick<Entry, 'status' | 'type' | 'etag' | 'body'>, cacheClass: string, state: string) {
    ctx.set('ETag', entry.etag);
    ctx.set('Cache-Control', cacheControlFor(cacheClass));
    ctx.set('Vary', 'Authorization');
    ctx.set('X-Cache', state);
    if (matches(ctx.get('If-None-Match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.status = entry.status;
    ctx.type = entry.type;
    ctx.body = entry.body;
  }

  const isCandidate = (ctx: any) =>
    (ctx.method === 'GET' || ctx.method === 'HEAD') &&
    ctx.path.startsWith('/api/') &&
    !UNCACHED_PREFIXES.some((prefix) => ctx.path === prefix || ctx.path.startsWith(`${prefix}/`));

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!isCandidate(ctx)) return next();
    const cacheClass = await cacheClassOf(ctx.get('Authorization') || undefined);
    if (!cacheClass) {
      await next();
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }

    const key = `${cacheClass} ${ctx.url}`;
    if (enabled) {
      subscribe();
      const version = await currentHead();
      const hit = entries.get(key);
      if (hit && hit.head === version && Date.now() - hit.storedAt < maxAgeMs) return answer(ctx, hit, cacheClass, 'HIT');
      if (hit) entries.delete(key);
    }

    // The head before the work: a change committed meanwhile makes this entry stale at once.
    const version = enabled ? head : -1;
    await next();
    const body = ctx.body;
    const serialisable = typeof body === 'string' || Buffer.isBuffer(body) || (body && typeof body === 'object' && typeof body.pipe !== 'function');
    if (ctx.status !== 200 || !serialisable || ctx.response.get('Set-Cookie')) return;

    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const entry: Entry = { head: version, storedAt: Date.now(), status: 200, type: ctx.response.get('Content-Type'), etag: etagOf(buffer), body: buffer };
    if (enabled && buffer.length <= maxBodyBytes) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, entry);
    }
    answer(ctx, entry, cacheClass, enabled ? 'MISS' : 'BYPASS');
  };
};
