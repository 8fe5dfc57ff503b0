// GET /_ready from outside: anyone may ask (load balancers do not log in), so it must tell
// nothing but ready or not, never why; cost one check run however many ask; answer in
// bounded time when a dependency hangs; refuse other methods; never answer 500.
import { app, createApiToken, http } from '../helpers/app';

const readiness = require('../../dist/src/operations/readiness');

const SECRET_REASON = 'contraseña-de-la-base-10.0.0.5:5432';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /_ready, from strangers, tokens and malformed requests', () => {
  it('answers anyone the same short body, never cached', async () => {
    const token = await createApiToken('full-access');
    const answers = await Promise.all([
      http().get('/_ready'),
      http().get('/_ready').set('Authorization', `Bearer ${token}`),
      http().get('/_ready').set('Authorization', 'Bearer no-es-un-token'),
      http().get('/_ready').set('Cookie', 'koa.sess=falsa; jwtToken=falsa'),
      http().get('/_ready').set('X-Forwarded-For', '1.2.3.4').set('Host', 'evil.example'),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok', uploads: 'ok', privateStore: 'ok' } });
    }
    const head = await http().head('/_ready');
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
  });

  it.each(['post', 'put', 'patch', 'delete'] as const)('refuses %s', async (method) => {
    const res = await http()[method]('/_ready').send({ status: 'ready' });
    expect(res.status).toBe(405);
  });

  it.each([
    ['parameters that look like an answer', '/_ready?status=down&checks[database]=error'],
    ['prototype pollution in the query', '/_ready?__proto__[polluted]=1&constructor[prototype][x]=1'],
    ['a 6 KB query string', `/_ready?${'a'.repeat(6000)}=1`],
    ['a trailing slash', '/_ready/'],
    ['an extension', '/_ready.json'],
    ['upper case', '/_READY'],
    ['a double slash', '//_ready'],
    ['a NUL byte', '/_ready%00'],
    ['an encoded traversal', '/_ready/..%2f_health'],
  ])('never fails on %s', async (_case, url) => {
    const res = await http().get(url);
    expect(res.status).toBeLessThan(500);
    if (res.status === 200) expect(res.body).toEqual({ status: 'ready', checks: { database: 'ok', uploads: 'ok', privateStore: 'ok' } });
    expect(JSON.stringify(res.body ?? {})).not.toMatch(/polluted/);
    expect(({} as any).polluted).toBeUndefined();
  });
});

// Registering or removing a check drops the outcome kept for a second, so each scenario runs its checks.
describe('when a dependency fails', () => {
  it('answers 503 naming the check, and keeps the reason in the log', async () => {
    const remove = readiness.registerReadinessCheck(app(), 'almacen', async () => {
      throw new Error(SECRET_REASON);
    });
    try {
      const res = await http().get('/_ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'not-ready', checks: { database: 'ok', uploads: 'ok', privateStore: 'ok', almacen: 'error' } });
      expect(res.text).not.toContain(SECRET_REASON);
    } finally {
      remove();
    }
  });

  it('answers within the check timeout when a dependency hangs', async () => {
    const remove = readiness.registerReadinessCheck(app(), 'colgado', () => new Promise(() => undefined));
    try {
      const started = Date.now();
      const res = await http().get('/_ready');
      expect(res.status).toBe(503);
      expect(res.body.checks.colgado).toBe('error');
      expect(Date.now() - started).toBeLessThan(6_000);
    } finally {
      remove();
    }
  });

  it('runs the checks once for a flood of probes', async () => {
    let runs = 0;
    const remove = readiness.registerReadinessCheck(app(), 'contador', async () => {
      runs += 1;
      await pause(200);
    });
    try {
      const answers = await Promise.all(Array.from({ length: 60 }, () => http().get('/_ready')));
      expect(answers.every((res) => res.status === 200)).toBe(true);
      expect(runs).toBe(1);
    } finally {
      remove();
    }
  });

  it('answers 503 "stopping" at once while the instance shuts down', async () => {
    readiness.markStopping(app());
    try {
      const res = await http().get('/_ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'stopping' });
    } finally {
      readiness.markStopping(app(), false);
    }
  });
});
