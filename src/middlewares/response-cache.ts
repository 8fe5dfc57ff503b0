/**
 * In-process response cache and HTTP caching for the public Content API.
 *
 * Who is served from the cache (the "caller class" is part of the key):
 * - requests that carry no credential at all (the Public role): no Authorization,
 *   no Proxy-Authorization, no Cookie;
 * - requests with the `website` or `cif` custom token, recognised by the hash
 *   of the bearer, looked up in the database at most once a second per token
 *   and instance. Every other credential — another bearer (full-access,
 *   read-only, other custom tokens, users-permissions JWTs), Basic or any other
 *   scheme, and any cookie (the documentation plugin's session, the admin's,
 *   users-permissions' refresh cookie: a cookie may be a session Strapi reads)
 *   — goes through Strapi untouched, is never stored, and is marked
 *   `private, no-store`: what an identified caller gets is never served to
 *   another class.
 * Only GET/HEAD under /api (and the sitemap and robots.txt) answered 200 without Set-Cookie are stored, except
 * the session and account routes listed in UNCACHED_PREFIXES.
 *
 * Freshness: entries belong to the change log's head (src/plugins/cif-sync).
 * Each instance reads the head at most once a second, and right away after its
 * own writes commit and, on PostgreSQL, after any instance's commit (LISTEN/
 * NOTIFY, cif-sync's change-signal service); a new head drops every entry. Entries also expire after
 * max-age, which bounds the effect of permission edits, which the log does not see.
 *
 * Headers: a strong ETag (hash of the body: the same bytes give the same tag on every
 * instance and after restarts) with 304 on If-None-Match (weak comparison) for every
 * class; `Cache-Control: public, max-age=60, stale-while-revalidate=300` only
 * for unauthenticated callers; `private, no-cache` for the two project tokens.
 *
 * Early lane: hits are answered before Koa, in the HTTP server's request
 * listener (see `serveEarly`), with the exact headers the full middleware chain
 * sent for the same entry and the same Origin (security headers, CORS, Vary,
 * ETag, Cache-Control). It serves only what the chain already answered, only
 * while the head and the caller's token were checked less than a second ago
 * (a hit that finds a check due waits for that one shared check); everything
 * else (first request of an Origin, HEAD, unknown bearer) goes through Koa and
 * this middleware as before.
 */
import crypto from 'crypto';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';

// Sessions and accounts. (The CIF feed is cached: only the cif token gets a 200 from it,
// and its pages change only when the log's head moves.)
// /api/dissemination: personal acknowledgment pages, which change when the body confirms.
const UNCACHED_PREFIXES = ['/api/auth', '/api/users', '/api/users-permissions', '/api/connect', '/api/upload', '/api/dissemination'];
// Public reads outside /api: the sitemap and its parts, robots.txt (src/delivery/website-routes.ts).
const CACHED_OUTSIDE_API = /^\/(?:sitemap(?:-[a-z0-9-]+)?\.xml|robots\.txt)$/;
const CACHEABLE_TOKENS = new Set(['website', 'cif']);
const HEAD_CHECK_MS = 1000;
const TOKEN_CHECK_MS = 1000;

export interface ResponseCacheConfig {
  enabled?: boolean;
  maxEntries?: number;
  maxBodyBytes?: number;
  /** All stored bodies together: the oldest entries go first beyond it. */
  maxTotalBytes?: number;
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
  /** Headers the full chain sent with this entry, per request Origin ('' without one), as writeHead takes them. */
  replies?: Map<string, { ok: string[]; notModified: string[] }>;
}

// Headers Node writes itself, or that belong to one response only.
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'set-cookie', 'x-cache']);
const NOT_ON_304 = new Set(['content-type', 'content-length']);

/** The headers of a finished 200 as two flat lists for `res.writeHead`: the 200 and the 304. */
function replayable(headers: Record<string, unknown>) {
  const ok: string[] = [];
  const notModified: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_REPLAYED.has(name) || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      ok.push(name, String(one));
      if (!NOT_ON_304.has(name)) notModified.push(name, String(one));
    }
  }
  ok.push('x-cache', 'HIT');
  notModified.push('x-cache', 'HIT');
  return { ok, notModified };
}

/** Credentials other than Authorization: a cookie (any: it may be a session) or a proxy's. */
const hasOtherCredentials = (headers: IncomingMessage['headers']) => Boolean(headers.cookie || headers['proxy-authorization']);

const etagOf = (body: Buffer) => `"${crypto.createHash('sha512-256').update(body).digest('base64url').slice(0, 32)}"`;

// Entity tags of an If-None-Match list (an opaque tag may contain commas, so no split on them).
const ENTITY_TAG = /\*|(?:W\/)?"[^"]*"/g;
const opaqueTag = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

/**
 * RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so `W/"x"` (what a compressing
 * proxy such as nginx gzip turns our `"x"` into) still gets its 304.
 */
const matches = (ifNoneMatch: string | undefined, etag: string) =>
  Boolean(ifNoneMatch) && (ifNoneMatch!.match(ENTITY_TAG) ?? []).some((tag) => tag === '*' || opaqueTag(tag) === opaqueTag(etag));

export default (config: ResponseCacheConfig, { strapi }: { strapi: Core.Strapi }) => {
  const enabled = (config.enabled ?? true) && process.env.RESPONSE_CACHE !== 'false';
  const maxEntries = config.maxEntries ?? 2000;
  // Website pages are tens of KB; a full CIF feed page (~900 KB) is read once by a consumer catching
  // up, and keeping such pages makes V8 collect the whole heap more often than they save.
  const maxBodyBytes = config.maxBodyBytes ?? 256 * 1024;
  const maxTotalBytes = config.maxTotalBytes ?? 64 * 1024 * 1024;
  const maxAgeMs = (config.maxAgeSeconds ?? 60) * 1000;
  const publicCacheControl = `public, max-age=${config.maxAgeSeconds ?? 60}, stale-while-revalidate=${config.staleWhileRevalidateSeconds ?? 300}`;

  const entries = new Map<string, Entry>();
  let storedBytes = 0;
  const forget = (key: string) => {
    storedBytes -= entries.get(key)?.body.length ?? 0;
    entries.delete(key);
  };
  const forgetAll = () => {
    entries.clear();
    storedBytes = 0;
  };
  // Keyed by the Authorization header itself: recognising a known token costs a Map lookup.
  const tokens = new Map<string, { cacheClass: string | null; checkedAt: number }>();
  let head = -1;
  let headCheckedAt = 0;
  let headQuery: Promise<number> | null = null;
  // Bumped by every local commit: a head read that started before it must not count as fresh.
  let generation = 0;

  const changeLog = () => strapi.plugin('cif-sync').service('change-log');
  // Writes are visible at once: this instance's, and on PostgreSQL every other's (LISTEN/NOTIFY); else within a second.
  let subscribed = false;
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    changeLog().onCommitted(() => {
      generation += 1;
      headCheckedAt = 0;
      headQuery = null;
    });
  };

  async function currentHead(): Promise<number> {
    if (Date.now() - headCheckedAt < HEAD_CHECK_MS) return head;
    if (headQuery) return headQuery;
    const started = generation;
    const checkedAt = Date.now();
    const query = (async () => {
      const latest: number = await changeLog().head();
      // A local commit happened meanwhile: this answer may predate it, read again.
      if (started !== generation) return currentHead();
      if (latest !== head) forgetAll();
      head = latest;
      headCheckedAt = checkedAt;
      return head;
    })();
    headQuery = query;
    const done = () => {
      if (headQuery === query) headQuery = null;
    };
    query.then(done, done);
    return query;
  }

  // Token checks in flight, shared by the requests that find the same check due.
  const tokenChecks = new Map<string, Promise<string | null>>();

  /**
   * 'public', 'website:<id>:<version>', 'cif:…', or null when the caller is not served from the cache:
   * any credential but one of the two project tokens, including one this code cannot classify.
   */
  async function cacheClassOf(authorization: string | undefined, otherCredentials: boolean): Promise<string | null> {
    if (otherCredentials) return null;
    if (!authorization) return 'public';
    const known = tokens.get(authorization);
    if (known && Date.now() - known.checkedAt < TOKEN_CHECK_MS) return known.cacheClass;
    let check = tokenChecks.get(authorization);
    if (!check) {
      check = checkToken(authorization).finally(() => tokenChecks.delete(authorization));
      tokenChecks.set(authorization, check);
    }
    return check;
  }

  async function checkToken(authorization: string): Promise<string | null> {
    const checkedAt = Date.now();
    const [scheme, token, extra] = authorization.split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token || extra !== undefined) return null;

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
    tokens.set(authorization, { cacheClass, checkedAt });
    return cacheClass;
  }

  const cacheControlFor = (cacheClass: string) => (cacheClass === 'public' ? publicCacheControl : 'private, no-cache');

  function answer(ctx: any, entry: Pick<Entry, 'status' | 'type' | 'etag' | 'body'>, cacheClass: string, state: string) {
    ctx.set('ETag', entry.etag);
    ctx.set('Cache-Control', cacheControlFor(cacheClass));
    // Appended: strapi::cors may already vary on Origin. The answer depends on the credentials sent.
    ctx.vary('Authorization');
    ctx.vary('Cookie');
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

  const MAX_ORIGINS = 8;
  /** Keeps the headers the whole chain sent with a 200 of this entry, for the early lane. */
  function recordReply(ctx: any, entry: Entry) {
    const origin: string = ctx.get('Origin');
    if (entry.replies?.has(origin) || (entry.replies?.size ?? 0) >= MAX_ORIGINS) return;
    const res = ctx.res;
    res.once('finish', () => {
      // Only a plain 200 of this very entry (an outer middleware may have turned it into an error).
      if (res.statusCode !== 200 || res.getHeader('etag') !== entry.etag || res.getHeader('set-cookie')) return;
      entry.replies ??= new Map();
      entry.replies.set(origin, replayable(res.getHeaders()));
    });
  }

  // Strapi's logger middleware writes one `http` line per request; the early lane does the same, at that level only.
  const logsHttp = Boolean((strapi.log as any).isLevelEnabled?.('http'));

  /** The entry and recorded headers the early lane would answer `req` with, or null. */
  function earlyReply(req: IncomingMessage, cacheClass: string) {
    const entry = entries.get(`${cacheClass} ${req.url}`);
    if (!entry || entry.head !== head || Date.now() - entry.storedAt >= maxAgeMs) return null;
    const reply = entry.replies?.get(req.headers.origin ?? '');
    return reply ? { entry, reply } : null;
  }

  function sendEarly(req: IncomingMessage, res: ServerResponse, { entry, reply }: NonNullable<ReturnType<typeof earlyReply>>, started: number) {
    const notModified = matches(req.headers['if-none-match'], entry.etag);
    res.writeHead(notModified ? 304 : 200, notModified ? reply.notModified : reply.ok);
    res.end(notModified ? undefined : entry.body);
    if (logsHttp) strapi.log.http(`GET ${req.url} (${Date.now() - started} ms) ${notModified ? 304 : 200}`);
  }

  /**
   * Answers a GET from the cache before Koa when the chain already answered it:
   * entry current, headers of this Origin recorded, head and caller's token
   * checked less than a second ago. When only a check is due, the request waits
   * for that check (one query shared by all waiting requests) instead of taking
   * the whole chain. Returns false to let the full chain answer.
   */
  function serveEarly(req: IncomingMessage, res: ServerResponse, chain: () => void): boolean {
    if (req.method !== 'GET' || !subscribed || hasOtherCredentials(req.headers)) return false;
    const started = Date.now();
    const authorization = req.headers.authorization;
    const known = authorization ? tokens.get(authorization) : undefined;
    if (authorization && !known?.cacheClass) return false;
    const headDue = started - headCheckedAt >= HEAD_CHECK_MS;
    const tokenDue = Boolean(known) && started - known!.checkedAt >= TOKEN_CHECK_MS;
    if (!headDue && !tokenDue) {
      const reply = earlyReply(req, known?.cacheClass ?? 'public');
      if (!reply) return false;
      sendEarly(req, res, reply, started);
      return true;
    }
    // Worth waiting for only if the chain answered this URL already.
    if (!entries.get(`${known?.cacheClass ?? 'public'} ${req.url}`)?.replies) return false;
    Promise.all([headDue ? currentHead() : head, tokenDue ? cacheClassOf(authorization, false) : known?.cacheClass ?? 'public'])
      .then(([, cacheClass]) => {
        const reply = cacheClass ? earlyReply(req, cacheClass) : null;
        if (reply && !res.headersSent) sendEarly(req, res, reply, started);
        else chain();
      })
      .catch(chain);
    return true;
  }

  // In front of Koa's request listener (the server exists before the middlewares are built).
  const server = (strapi.server as any)?.httpServer as Server | undefined;
  if (enabled && server) {
    const listeners = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chain = () => {
        for (const listener of listeners) listener.call(server, req, res);
      };
      if (!serveEarly(req, res, chain)) chain();
    });
  }

  const isCandidate = (ctx: any) =>
    (ctx.method === 'GET' || ctx.method === 'HEAD') &&
    ((ctx.path.startsWith('/api/') && !UNCACHED_PREFIXES.some((prefix) => ctx.path === prefix || ctx.path.startsWith(`${prefix}/`))) ||
      CACHED_OUTSIDE_API.test(ctx.path));

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!isCandidate(ctx)) return next();
    const cacheClass = await cacheClassOf(ctx.get('Authorization') || undefined, hasOtherCredentials(ctx.headers));
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
      if (hit && hit.head === version && Date.now() - hit.storedAt < maxAgeMs) {
        answer(ctx, hit, cacheClass, 'HIT');
        if (ctx.status === 200) recordReply(ctx, hit);
        return;
      }
      if (hit) forget(key);
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
      // Retained bodies are memory the garbage collector accounts for: bounded in count and bytes.
      forget(key);
      while (entries.size && (entries.size >= maxEntries || storedBytes + buffer.length > maxTotalBytes)) forget(entries.keys().next().value as string);
      entries.set(key, entry);
      storedBytes += buffer.length;
    }
    answer(ctx, entry, cacheClass, enabled ? 'MISS' : 'BYPASS');
    if (enabled && ctx.status === 200) recordReply(ctx, entry);
  };
};
