// The public acknowledgment links of the dissemination plugin (/api/dissemination/ack/:token),
// attacked: every part of a real token changed, tokens of other shapes and sizes, replay for
// another body, expiry, prefetch-like requests, form and JSON bodies with lists and operator
// objects, and markup in the circular shown on the page. A refusal is a 4xx with a Spanish
// message and a code; nothing but the one confirming POST ever writes.
import crypto from 'crypto';
import { adminWithRole, app, http, mailbox } from '../helpers/app';
import { fixtures } from '../helpers/fixtures';

const BODY = 'api::municipal-body.municipal-body';
const DELIVERY = 'plugin::dissemination.delivery';
const events = () => app().db.query('plugin::audit-trail.event').count();
const isSpanish = (message: unknown) => typeof message === 'string' && /[áéíóúñ]|\b(el|la|de|no|es)\b/i.test(message);

let token: string;
let otherToken: string;
let bodyId: string;

beforeAll(async () => {
  const gerente = await adminWithRole('gerente-comunicaciones');
  const a = (await app().documents(BODY).create({ data: { ...fixtures.municipalBody(), subjects: ['all'] } } as any)) as any;
  const b = (await app().documents(BODY).create({ data: fixtures.municipalBody() } as any)) as any;
  bodyId = a.documentId;
  const res = await http()
    .post('/dissemination/circulars')
    .set('Authorization', `Bearer ${gerente.token}`)
    .send({ title: '<script>alert("x")</script> Circular', message: '<img src=x onerror=alert(1)>', bodies: [a.documentId, b.documentId], forCompliance: true });
  expect(res.status).toBe(201);
  const linkOf = async (email: string) => {
    const mail = await mailbox().waitFor((m) => m.subject === 'Circular: <script>alert("x")</script> Circular' && mailbox().to(email).includes(m));
    return /\/api\/dissemination\/ack\/([A-Za-z0-9._-]+)/.exec(mail.text ?? '')![1];
  };
  token = await linkOf(a.email.toLowerCase());
  otherToken = await linkOf(b.email.toLowerCase());
});

const refused = (res: any, status: number, code: string) => {
  expect([res.status, res.body?.error?.details?.code]).toEqual([status, code]);
  expect(isSpanish(res.body.error.message)).toBe(true);
};

describe('acknowledgment links', () => {
  it('a change to any part of a real token is refused, on GET and POST, and writes nothing', async () => {
    const before = await events();
    const [delivery, body, expires, signature] = token.split('.');
    const [otherDelivery, otherBody] = otherToken.split('.');
    const flip = (s: string) => s.slice(0, 5) + (s[5] === 'a' ? 'b' : 'a') + s.slice(6);
    const variants = [
      [flip(delivery), body, expires, signature],
      [delivery, flip(body), expires, signature],
      [delivery, body, String(Number(expires) + 1), signature],
      [delivery, body, expires, flip(signature)],
      [otherDelivery, body, expires, signature],
      [delivery, otherBody, expires, signature],
      [delivery, body, expires, crypto.randomBytes(32).toString('base64url')],
      [delivery, body, expires],
      [delivery, body, expires, signature, 'x'],
    ].map((parts) => parts.join('.'));
    for (const variant of [...variants, `${token}x`, token.toUpperCase(), 'a'.repeat(4000), "1' OR '1'='1", '%00', '..%2F..%2Fadmin', encodeURIComponent('{"$ne":1}')]) {
      for (const method of ['get', 'post'] as const) {
        const res = await (http() as any)[method](`/api/dissemination/ack/${variant}`).send(method === 'post' ? { confirm: true } : undefined);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.body?.error?.details?.code).toBeTruthy();
        expect(isSpanish(res.body.error.message)).toBe(true);
      }
    }
    expect(await events()).toBe(before);
  });

  it("a link signed for one body does not acknowledge for another, and an expired one not at all", async () => {
    const links = app().plugin('dissemination').service('ack-links');
    const other = (await app().db.query(DELIVERY).findOne({ where: { documentId: otherToken.split('.')[0] } })) as any;
    refused(await http().post(`/api/dissemination/ack/${links.sign({ documentId: other.documentId, bodyDocumentId: bodyId, expiresAt: other.expiresAt })}`).send({ confirm: true }), 403, 'ACK_LINK_OTHER_BODY');
    refused(await http().post(`/api/dissemination/ack/${links.sign({ ...other, expiresAt: new Date(Date.now() - 60_000) })}`).send({ confirm: true }), 403, 'ACK_LINK_EXPIRED');
    expect(((await app().db.query(DELIVERY).findOne({ where: { id: other.id } })) as any).acknowledgedAt).toBeNull();
  });

  it('prefetch-like requests (GET, HEAD, any headers) record nothing', async () => {
    const before = await events();
    for (const headers of [{}, { Purpose: 'prefetch' }, { 'Sec-Purpose': 'prefetch' }, { Accept: 'text/html' }, { 'X-HTTP-Method-Override': 'POST' }]) {
      expect((await http().get(`/api/dissemination/ack/${token}`).set(headers)).status).toBe(200);
      expect((await http().head(`/api/dissemination/ack/${token}`).set(headers)).status).toBeLessThan(500);
    }
    expect(await events()).toBe(before);
    expect(((await app().db.query(DELIVERY).findOne({ where: { documentId: token.split('.')[0] } })) as any).acknowledgedAt).toBeNull();
  });

  it('malformed confirmations (lists, operators, unknown fields, huge notes) are a 400 with a code', async () => {
    const before = await events();
    const path = `/api/dissemination/ack/${token}`;
    const json = [{ confirm: ['true'] }, { confirm: { $ne: false } }, { applied: ['true'] }, { note: ['x'] }, { note: 'x'.repeat(2001) }, { confirm: true, isAdmin: true }, { applied: 'yes' }];
    for (const body of json) {
      const res = await http().post(path).send(body);
      expect([JSON.stringify(body).slice(0, 60), res.status]).toEqual([JSON.stringify(body).slice(0, 60), 400]);
      expect(res.body.error.details.code).toBeTruthy();
    }
    for (const form of ['confirm[]=true', 'confirm[$ne]=x', 'applied[]=true&confirm=true', 'note[a]=1&confirm=true']) {
      const res = await http().post(path).type('form').send(form);
      expect([form, res.status]).toEqual([form, 400]);
    }
    expect((await http().post(path).set('Content-Type', 'application/json').send('{"confirm":')).status).toBe(400);
    expect(await events()).toBe(before);
  });

  it('the page shows the circular as text, never as markup, and is never cached or indexed', async () => {
    const res = await http().get(`/api/dissemination/ack/${token}`).set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Circular');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-robots-tag']).toMatch(/noindex/);
    expect(res.headers['content-security-policy']).toBeTruthy();
  });
});
