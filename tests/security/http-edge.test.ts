// The HTTP edge, across the route table: absolute URLs never taken from the request's
// Host (nor X-Forwarded-*), on every public GET and through the shared cache; every kind
// of credential kept apart by the response cache; CORS only for the configured origins,
// credentials only for the admin's; the error contract; self-registration off; the CIF
// feed for the cif token only.
import { adminWithRole, app, bearer, createApiToken, http, projectToken } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { restrictedCallers, usersPermissionsUser, type Caller } from './support/callers';
import { send, sendAll, isSpanish, type Probe } from './support/http';
import { contentTypes, isCoreRoute, pluralOf, projectRoutes, publicTypes } from './support/schema';

/**
 * Public reads the response cache does not serve, by design (src/middlewares/response-cache.ts
 * serves /api, the sitemap and robots.txt): the readiness probe answers for this instance now, and
 * the preview routes keep their own Cache-Control.
 */
const OUTSIDE_THE_CACHE: Record<string, string> = { '/_ready': 'no-store', '/preview/jwks.json': 'public, max-age=300' };

const EVIL = 'evil.example';
const documents: Record<string, string> = {};
let callers: Caller[];

beforeAll(async () => {
  const image = await uploadTestImage('#336699');
  documents['api::press-note.press-note'] = (await publishedDocument('api::press-note.press-note', { ...fixtures.pressNote(), cover: image.id })).documentId;
  documents['api::norm.norm'] = (await publishedDocument('api::norm.norm', fixtures.norm())).documentId;
  documents['api::ceremony.ceremony'] = (await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(true))).documentId;
  documents['api::transparency-page.transparency-page'] = (await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage())).documentId;
  documents['api::broadcast-program.broadcast-program'] = (await publishedDocument('api::broadcast-program.broadcast-program', fixtures.broadcastProgram())).documentId;
  documents['api::media-archive-item.media-archive-item'] = (
    await publishedDocument('api::media-archive-item.media-archive-item', { kind: 'photo', title: 'Foto del borde', rights: 'own', isPublic: true, file: (await uploadTestImage('#993366')).id })
  ).documentId;
  callers = await restrictedCallers();
});

/** Every GET of the route table a restricted caller may read (the core routes with a published document of the type). */
async function publicReads(): Promise<Array<{ path: string; caller: Caller }>> {
  const candidates = projectRoutes()
    .filter((route) => route.method === 'GET')
    .flatMap((route) => {
      if (isCoreRoute(route)) {
        const type = contentTypes().find((ct) => route.path.startsWith(`/api/${ct.info.pluralName}`))!;
        if (!documents[type.uid]) return [];
        return [route.path.replace(':id', documents[type.uid])];
      }
      return route.params.length === 0 ? [route.path] : route.params.every((p) => p === 'format') ? ['rss', 'atom', 'json'].map((f) => route.path.replace(':format', f)) : [];
    });
  const found: Array<{ path: string; caller: Caller }> = [];
  for (const path of candidates) {
    for (const caller of callers) {
      if ((await http().get(path).set(caller.headers)).status === 200) {
        found.push({ path, caller });
        break;
      }
    }
  }
  return found;
}

describe('absolute URLs come from configuration, never from the request', () => {
  it('no public GET writes a Host, X-Forwarded-Host or Forwarded header into its answer, nor into the shared cache', async () => {
    const reads = await publicReads();
    // Lists and details of every public type, the feeds, the calendar, the OpenAPI document, the archive search, the CIF feed.
    expect(reads.length).toBeGreaterThanOrEqual(publicTypes().length * 2 + 5);
    const poisoned = { Host: EVIL, 'X-Forwarded-Host': EVIL, 'X-Forwarded-Proto': 'gopher', Forwarded: `host=${EVIL};proto=gopher` };
    const failures: string[] = [];
    for (const { path, caller } of reads) {
      const attacked = await http().get(path).set({ ...caller.headers, ...poisoned });
      const after = await http().get(path).set(caller.headers);
      for (const [what, res] of [['attacked', attacked], ['next caller', after]] as const) {
        if (res.text.includes(EVIL) || res.text.includes('gopher:')) failures.push(`${path} (${caller.name}, ${what})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('feeds link to PUBLIC_URL and WEBSITE_URL', async () => {
    const feed = await http().get('/api/feeds/press-notes.json').set('Host', EVIL);
    expect(feed.body.feed_url).toBe(`${app().config.get('server.absoluteUrl')}/api/feeds/press-notes.json?locale=es-PE`);
    expect(feed.body.home_page_url.startsWith(process.env.WEBSITE_URL!)).toBe(true);
    expect(feed.body.items.some((item: any) => String(item.image).startsWith(`${app().config.get('server.absoluteUrl')}/uploads/`))).toBe(true);
  });
});

describe('the response cache keeps every kind of caller apart', () => {
  /** Every credential a request can carry, with what the cache must do with it. */
  async function credentials() {
    const admin = await adminWithRole('strapi-super-admin');
    return [
      { kind: 'full-access token', headers: bearer(await createApiToken('full-access')), cached: false },
      { kind: 'read-only token', headers: bearer(await createApiToken('read-only')), cached: false },
      { kind: 'other custom token', headers: bearer(await createApiToken('custom', publicTypes().map((uid) => `${uid}.find`))), cached: false },
      { kind: 'users-permissions JWT', headers: await usersPermissionsUser('archive-staff'), cached: false },
      { kind: 'admin JWT', headers: bearer(admin.token), cached: false },
      { kind: 'Basic auth', headers: { Authorization: `Basic ${Buffer.from('usuario:clave').toString('base64')}` }, cached: false },
      { kind: 'unknown scheme', headers: { Authorization: 'Token abc' }, cached: false },
      { kind: 'documentation session cookie', headers: { Cookie: 'koa.sess=eyJkb2N1bWVudGF0aW9uIjp7ImxvZ2dlZCI6dHJ1ZX19; koa.sess.sig=x' }, cached: false },
      { kind: 'admin refresh cookie', headers: { Cookie: 'strapi_admin_refresh=abc' }, cached: false },
      { kind: 'any cookie', headers: { Cookie: 'preferencia=oscura' }, cached: false },
      { kind: 'Proxy-Authorization', headers: { 'Proxy-Authorization': 'Basic eDp5' }, cached: false },
      { kind: 'website token', headers: bearer(await projectToken('website')), cached: true },
    ];
  }

  it('only callers without credentials share the public entries; every other credential bypasses the cache', async () => {
    const publicOnes = (await publicReads()).filter(({ caller }) => caller.name === 'public');
    const reads = publicOnes.filter(({ path }) => !(path in OUTSIDE_THE_CACHE));
    const kinds = await credentials();
    const failures: string[] = [];
    // The public reads outside the cache are never stored, for anybody, and say so themselves.
    for (const [path, cacheControl] of Object.entries(OUTSIDE_THE_CACHE)) {
      expect(publicOnes.map((read) => read.path)).toContain(path);
      for (const res of [await http().get(path), await http().get(path)]) {
        if (res.headers['x-cache'] || res.headers['cache-control'] !== cacheControl) failures.push(`${path}: X-Cache ${res.headers['x-cache']}, Cache-Control ${res.headers['cache-control']}`);
      }
    }
    for (const { path } of reads) {
      // The public entry exists (a HIT the second time)…
      await http().get(path);
      const second = await http().get(path);
      if (second.headers['x-cache'] !== 'HIT') {
        failures.push(`${path}: X-Cache ${second.headers['x-cache']} the second time (Cache-Control ${second.headers['cache-control']}, Set-Cookie ${second.headers['set-cookie']})`);
        continue;
      }
      for (const { kind, headers, cached } of kinds) {
        const res = await http().get(path).set(headers);
        // …and is never served to an identified caller, who gets its own answer, stored for nobody.
        if (res.headers['x-cache'] === 'HIT' && !cached) failures.push(`${kind} ${path}: served from the cache`);
        if (!cached && res.headers['cache-control'] !== 'private, no-store') failures.push(`${kind} ${path}: Cache-Control ${res.headers['cache-control']}`);
        if (cached && res.headers['cache-control'] !== 'private, no-cache') failures.push(`${kind} ${path}: Cache-Control ${res.headers['cache-control']}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a documentation session’s answer is never served to an anonymous caller', async () => {
    const admin = await adminWithRole('strapi-super-admin');
    const settings = (restrictedAccess: boolean) =>
      http().put('/documentation/updateSettings').set(bearer(admin.token)).send(restrictedAccess ? { restrictedAccess, password: 'Clave-Docs-2026' } : { restrictedAccess });
    expect((await settings(true)).status).toBe(200);
    try {
      const login = await http().post('/documentation/login').type('form').send({ password: 'Clave-Docs-2026' });
      const cookie = [login.headers['set-cookie']].flat().map((c: string) => c.split(';')[0]).join('; ');
      expect(cookie).toMatch(/koa\.sess=/);
      const path = '/api/openapi.json?probe=documentation-session';
      const withSession = await http().get(path).set('Cookie', cookie);
      expect(withSession.status).toBe(200);
      expect(withSession.headers['cache-control']).toBe('private, no-store');
      const anonymous = [await http().get(path), await http().get(path)];
      for (const res of anonymous) {
        expect(res.status).toBe(403);
        expect(res.body.error.details.code).toBe('DOCUMENTATION_RESTRICTED');
      }
    } finally {
      expect((await settings(false)).status).toBe(200);
    }
  });
});

describe('CORS', () => {
  const website = () => process.env.CORS_ORIGINS!.split(',')[0];
  const adminOrigin = () => new URL(process.env.PUBLIC_URL!).origin;

  it('answers the configured origins only, with credentials for the admin’s alone, on every route and preflight', async () => {
    const paths = [...new Set(projectRoutes().map((r) => r.path.replace(/:(\w+)/g, 'x')))];
    const probes: Probe[] = [];
    for (const path of paths) {
      for (const origin of [`https://${EVIL}`, 'null', website(), adminOrigin()]) {
        probes.push({ path, headers: { Origin: origin } });
        probes.push({ path, headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' }, method: 'OPTIONS' as any });
      }
    }
    const answers = await Promise.all(
      probes.map((p) => (p.method === ('OPTIONS' as any) ? http().options(p.path).set(p.headers!) : send(p)))
    );
    const failures: string[] = [];
    answers.forEach((res, i) => {
      const origin = probes[i].headers!.Origin;
      const allowed = res.headers['access-control-allow-origin'];
      const credentials = res.headers['access-control-allow-credentials'];
      const label = `${probes[i].method ?? 'GET'} ${probes[i].path} from ${origin}`;
      const configured = origin === website() || origin === adminOrigin();
      if (!configured && (allowed || credentials)) failures.push(`${label}: allowed (${allowed}, credentials ${credentials})`);
      if (configured && allowed !== origin) failures.push(`${label}: not allowed`);
      if (origin === website() && credentials) failures.push(`${label}: credentials for the website`);
      if (origin === adminOrigin() && credentials !== 'true') failures.push(`${label}: no credentials for the admin`);
    });
    expect(failures).toEqual([]);
  });
});

describe('the error contract', () => {
  let fullAccess: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    fullAccess = bearer(await createApiToken('full-access'));
    admin = bearer((await adminWithRole('strapi-super-admin')).token);
  });

  const contract = (res: any, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toMatchObject({ status, details: { code } });
    expect(isSpanish(res.body.error.message)).toBe(true);
  };

  it('malformed JSON is a 400 MALFORMED_JSON, on the Content API and the admin', async () => {
    contract(await http().post('/api/press-notes').set(fullAccess).set('Content-Type', 'application/json').send('{"data":'), 400, 'MALFORMED_JSON');
    contract(await http().post('/diario-oficial/requests').set(admin).set('Content-Type', 'application/json').send('{"normDocumentId": '), 400, 'MALFORMED_JSON');
  });

  it('a body over the limit is a 413 PAYLOAD_TOO_LARGE; a directory CSV over the import’s own limit too, and one under it is read', async () => {
    contract(await http().post('/api/press-notes').set(fullAccess).set('Content-Type', 'application/json').send(`{"data":{"title":"${'x'.repeat(13 * 1024 * 1024)}"}}`), 413, 'PAYLOAD_TOO_LARGE');
    const header = 'contactKey,treatment,givenName,familyName,position,institution\n';
    contract(await http().post('/protocol/directory/import').set(admin).send({ csv: header + 'x'.repeat(5_000_001), dryRun: true }), 413, 'PAYLOAD_TOO_LARGE');
    const underLimit = await http().post('/protocol/directory/import').set(admin).send({ csv: header + `k,Sr.,Ana,Quispe,Regidora,Concejo\n`.repeat(40_000), dryRun: true });
    expect(underLimit.status).toBeLessThan(413);
  });

  it('unknown routes and unknown documents are 404s with a code', async () => {
    contract(await http().get('/api/no-existe'), 404, 'ROUTE_NOT_FOUND');
    contract(await http().get('/no-existe'), 404, 'ROUTE_NOT_FOUND');
    contract(await http().get('/api/press-notes/no0existe0documento00000'), 404, 'NOT_FOUND');
    contract(await http().get('/api/press-notes/no0existe0documento00000').set(fullAccess), 404, 'NOT_FOUND');
  });

  it('publishing with locale=* is a 400 INVALID_LOCALE', async () => {
    const documentId = documents['api::press-note.press-note'];
    contract(await http().post(`/content-manager/collection-types/api::press-note.press-note/${documentId}/actions/publish?locale=*`).set(admin).send({}), 400, 'INVALID_LOCALE');
  });

  it('the admin login’s rate limit is a 429 RATE_LIMITED', async () => {
    const email = `nadie-${Date.now()}@municipalidad.test`;
    let last: any;
    for (let i = 0; i < 12 && last?.status !== 429; i += 1) last = await http().post('/admin/login').send({ email, password: 'equivocada' });
    contract(last, 429, 'RATE_LIMITED');
  });
});

describe('accounts and the CIF feed', () => {
  it('self-registration is off; an administrator who turns it on keeps it on across restarts', async () => {
    const register = () => http().post('/api/auth/local/register').send({ username: `u${Date.now()}`, email: `u${Date.now()}@example.test`, password: 'Clave-Segura-2026' });
    const refused = await register();
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.code).toBe('REGISTRATION_DISABLED');
    expect(isSpanish(refused.body.error.message)).toBe(true);

    const store = app().store({ type: 'plugin', name: 'users-permissions' });
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: true } });
    try {
      await require('../../dist/src/bootstrap/registration').closeSelfRegistration(app());
      expect(((await store.get({ key: 'advanced' })) as any).allow_register).toBe(true);
    } finally {
      await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
    }
  });

  it('reading the CIF feed is the cif token’s permission alone', async () => {
    const path = '/api/cif-sync/changes?since=0&limit=1';
    expect((await http().get(path).set(bearer(await projectToken('cif')))).status).toBe(200);
    expect((await http().get(path).set(bearer(await createApiToken('full-access')))).status).toBe(200);
    for (const caller of callers.filter((c) => c.name !== 'cif token')) {
      const res = await http().get(path).set(caller.headers);
      expect([caller.name, res.status, res.body.error?.details?.code]).toEqual([caller.name, 403, 'FORBIDDEN']);
    }
  });
});
