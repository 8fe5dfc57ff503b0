// HTTP caching as a standard client does it: undici's cache interceptor (RFC 9111) in
// front of the running server. Fresh hits are served without asking the server;
// revalidation sends the ETag back and gets a 304, with a strong validator and with a
// weak one (what a compressing proxy such as nginx gzip turns it into); `Vary` keeps
// answers for different Origins and callers apart. ETags depend on the bytes only: a
// response-cache middleware built afresh (another instance, a restart) tags the same
// bytes alike.
import http from 'http';
import type { AddressInfo } from 'net';
import Koa from 'koa';
import { Agent, cacheStores, interceptors, request } from 'undici';
import { app, bearer, projectToken } from '../helpers/app';
import { fixtures, publishedDocument } from '../helpers/fixtures';
import { serverUrl } from '../helpers/cif-sync';

type Seen = { url: string; ifNoneMatch?: string; authorization?: boolean; status: number };
const seen: Seen[] = [];
let base = '';
let proxy: http.Server;
let proxyBase = '';
const docs: Record<string, any> = {};
const closers: Array<() => Promise<void>> = [];

const cachingClient = (type: 'shared' | 'private') => {
  const agent = new Agent().compose(interceptors.cache({ store: new cacheStores.MemoryCacheStore(), methods: ['GET'], type }));
  closers.push(() => agent.close());
  return async (url: string, headers: Record<string, string> = {}) => {
    const res = await request(url, { dispatcher: agent, headers });
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  };
};
/** What reached the server for a path, from a mark on. */
const reached = (path: string, from: number) => seen.slice(from).filter((s) => s.url === path);

beforeAll(async () => {
  base = await serverUrl();
  app().server.httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.once('finish', () =>
      seen.push({ url: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] as string | undefined, authorization: Boolean(req.headers.authorization), status: res.statusCode })
    );
  });
  // A proxy that weakens ETags, as nginx does when it compresses a response.
  proxy = http.createServer((req, res) => {
    const upstream = http.request(`${base}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      const headers = { ...answer.headers };
      if (typeof headers.etag === 'string' && !headers.etag.startsWith('W/')) headers.etag = `W/${headers.etag}`;
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyBase = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  docs.note = await publishedDocument('api::press-note.press-note', fixtures.pressNote());
  docs.website = await projectToken('website');
});

afterAll(async () => {
  for (const close of closers) await close();
  await new Promise((resolve) => proxy.close(resolve));
});

it('a fresh public answer is served from the client cache without asking the server', async () => {
  const get = cachingClient('shared');
  for (const path of [`/api/press-notes/${docs.note.documentId}`, '/api/feeds/press-notes.rss', '/api/feeds/ceremonies.ics', '/sitemap.xml']) {
    const mark = seen.length;
    const first = await get(`${base}${path}`);
    expect(first.status).toBe(200);
    const second = await get(`${base}${path}`);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(reached(path, mark)).toHaveLength(1);
  }
});

it('revalidation with the strong ETag: the server answers 304 and the client serves its copy', async () => {
  const get = cachingClient('shared');
  for (const path of [`/api/press-notes/${docs.note.documentId}`, '/api/feeds/press-notes.json', '/sitemap.xml']) {
    const mark = seen.length;
    const first = await get(`${base}${path}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/);
    // The reader wants it checked (a reload): the client revalidates its copy.
    const second = await get(`${base}${path}`, { 'Cache-Control': 'no-cache' });
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(reached(path, mark).map((s) => [s.status, s.ifNoneMatch])).toEqual([
      [200, undefined],
      [304, etag],
    ]);
  }
});

it('revalidation with a weak ETag (through a compressing proxy) still gets its 304', async () => {
  const get = cachingClient('shared');
  for (const path of [`/api/press-notes/${docs.note.documentId}`, '/api/feeds/ceremonies.ics']) {
    const mark = seen.length;
    const first = await get(`${proxyBase}${path}`);
    expect(first.headers.etag).toMatch(/^W\/"[^"]+"$/);
    const second = await get(`${proxyBase}${path}`, { 'Cache-Control': 'no-cache' });
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(reached(path, mark).map((s) => [s.status, s.ifNoneMatch])).toEqual([
      [200, undefined],
      [304, first.headers.etag],
    ]);
  }
});

it('Vary: another Origin or an authenticated caller is not served the stored public answer', async () => {
  const get = cachingClient('shared');
  const path = `/api/press-notes/${docs.note.documentId}`;
  const mark = seen.length;
  const a = await get(`${base}${path}`, { Origin: 'https://www.muni.example' });
  expect(String(a.headers.vary)).toMatch(/Origin/);
  expect(String(a.headers.vary)).toMatch(/Authorization/);
  await get(`${base}${path}`, { Origin: 'https://www.muni.example' });
  await get(`${base}${path}`, { Origin: 'https://cif.example' });
  await get(`${base}${path}`, { Origin: 'https://www.muni.example', ...bearer(docs.website) });
  expect(reached(path, mark).map((s) => s.authorization)).toEqual([false, false, true]);
});

it('If-None-Match follows RFC 9110: weak comparison, lists, and * ', async () => {
  const path = `/api/press-notes/${docs.note.documentId}`;
  const plain = await request(`${base}${path}`);
  await plain.body.text();
  const etag = plain.headers.etag as string;
  const status = async (ifNoneMatch: string) => {
    const res = await request(`${base}${path}`, { headers: { 'If-None-Match': ifNoneMatch } });
    await res.body.text();
    return res.statusCode;
  };
  expect(await status(etag)).toBe(304);
  expect(await status(`W/${etag}`)).toBe(304);
  expect(await status(`"other", W/${etag}`)).toBe(304);
  expect(await status('*')).toBe(304);
  expect(await status('"other"')).toBe(200);
  expect(await status(`W/"x${etag.slice(1)}`)).toBe(200);
});

it('the same bytes get the same ETag from a response cache built afresh (another instance, a restart)', async () => {
  const path = `/api/press-notes/${docs.note.documentId}`;
  const served = await request(`${base}${path}`);
  const bytes = Buffer.from(await served.body.arrayBuffer());
  const responseCache = require('../../dist/src/middlewares/response-cache').default;
  const other = new Koa();
  other.use(responseCache({ enabled: false }, { strapi: app() }));
  other.use((ctx) => {
    ctx.type = 'application/json';
    ctx.body = bytes;
  });
  const server = other.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    await res.body.text();
    expect(res.headers.etag).toBe(served.headers.etag);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
