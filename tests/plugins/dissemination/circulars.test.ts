// Circulars to the municipal bodies: who they go to (by subject, by hand; an empty or
// unknown audience, unknown or unpublished content refused without writing), one e-mail
// per recipient received by the run's real SMTP server with a working personal link,
// the acknowledgment page (GET records nothing, POST records once), forged, expired and
// other bodies' links refused, "applied" for norms for compliance, what each body owes,
// a norm's history, the audit report and the audit chains verifying.
import { parse } from 'csv-parse/sync';
import { adminWithRole, app, http, mailbox, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import {
  BODY,
  CIRCULAR,
  DELIVERY,
  NORM,
  ackLinkOf,
  addressesOf,
  auditEvents,
  disseminationApi,
  mailTo,
  newBody,
  publishedNorm,
  publishedPressNote,
  rowsOf,
  service,
} from './helpers';

let gerente: AdminSession;
let redactor: AdminSession;
const html = { Accept: 'text/html' };

beforeAll(async () => {
  gerente = await adminWithRole('gerente-comunicaciones');
  redactor = await adminWithRole('redactor');
});

const countCirculars = () => app().db.query(CIRCULAR).count();
const countDeliveries = () => app().db.query(DELIVERY).count();

describe('audience and content rules', () => {
  let rentas: any;
  let transporte: any;
  let todos: any;
  let norm: any;

  beforeAll(async () => {
    rentas = await newBody(['tributos'], 1);
    transporte = await newBody(['transporte'], 0);
    todos = await newBody(['all'], 0);
    norm = await publishedNorm({ level: 'national', normType: 'ley', number: `Ley N° 3${Date.now() % 100000}`, title: 'Ley que modifica el Código Tributario', subjects: ['tributos'] });
  });

  it('by subject: the bodies following it (and those following all), one e-mail per recipient with a working link', async () => {
    const res = await disseminationApi(gerente).post('/circulars', { title: 'Cambios en el Código Tributario', message: 'Para su aplicación inmediata.', norms: [norm.documentId], subjects: ['tributos'] });
    expect(res.status).toBe(201);
    const recipients = res.body.data.recipients as any[];
    const bodies = new Set(recipients.map((r) => r.body));
    expect(bodies.has(rentas.documentId)).toBe(true);
    expect(bodies.has(todos.documentId)).toBe(true);
    expect(bodies.has(transporte.documentId)).toBe(false);
    const mine = recipients.filter((r) => [rentas.documentId, todos.documentId].includes(r.body));
    expect(mine.map((r) => r.email.toLowerCase()).sort()).toEqual([...addressesOf(rentas), ...addressesOf(todos)].sort());
    expect(mine.every((r) => r.status === 'sent')).toBe(true);

    for (const address of [...addressesOf(rentas), ...addressesOf(todos)]) {
      const mail = await mailTo(address, 'Circular: Cambios en el Código Tributario');
      expect(mailbox().to(address).filter((m) => m.subject === mail.subject)).toHaveLength(1);
      expect(mail.text).toContain(norm.number);
      expect(mail.text).toContain('Para su aplicación inmediata.');
      const link = ackLinkOf(mail);
      expect(link.url.startsWith('https://api.muni.example/api/dissemination/ack/')).toBe(true);
      const page = await http().get(link.path).set(html);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('Cambios en el Código Tributario');
      expect(page.text).toContain('Confirmar recepción');
    }
    expect(mailbox().to(transporte.email).filter((m) => m.subject === 'Circular: Cambios en el Código Tributario')).toHaveLength(0);
  });

  it('by hand: exactly the bodies chosen', async () => {
    const res = await disseminationApi(gerente).post('/circulars', { title: 'Aviso al área de transporte', message: 'Reunión de coordinación.', bodies: [transporte.documentId] });
    expect(res.status).toBe(201);
    expect(res.body.data.recipients.map((r: any) => r.body)).toEqual([transporte.documentId]);
    await mailTo(transporte.email.toLowerCase(), 'Circular: Aviso al área de transporte');
  });

  it('refuses an empty audience, unknown bodies, subjects or content and unpublished content, writing nothing', async () => {
    const inactive = await newBody(['tributos'], 0, { active: false });
    const draft = await app().documents(NORM).create({ data: fixtures.norm() } as any);
    const before = { circulars: await countCirculars(), deliveries: await countDeliveries(), events: await auditEvents(), mails: mailbox().messages.length };
    const cases: Array<[object, number, string]> = [
      [{ title: 'Sin destinatarios', message: 'x' }, 400, 'EMPTY_AUDIENCE'],
      [{ title: 'Solo inactivos', message: 'x', bodies: [inactive.documentId] }, 400, 'EMPTY_AUDIENCE'],
      [{ title: 'Órgano inexistente', message: 'x', bodies: ['abcdefghijklmnopqrstuvwx'] }, 400, 'UNKNOWN_BODIES'],
      [{ title: 'Materia inexistente', message: 'x', subjects: ['astrologia'] }, 400, 'UNKNOWN_SUBJECTS'],
      [{ title: 'Norma inexistente', norms: ['abcdefghijklmnopqrstuvwx'], bodies: [rentas.documentId] }, 400, 'UNKNOWN_CONTENT'],
      [{ title: 'Norma en borrador', norms: [draft.documentId], bodies: [rentas.documentId] }, 400, 'UNPUBLISHED_CONTENT'],
      [{ title: 'Vacía', bodies: [rentas.documentId] }, 400, 'EMPTY_CIRCULAR'],
      [{ title: 'x', bodies: [rentas.documentId] }, 400, 'VALIDATION_ERROR'],
    ];
    for (const [body, status, code] of cases) {
      const res = await disseminationApi(gerente).post('/circulars', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), status]);
      if (code !== 'VALIDATION_ERROR') expect(res.body.error.details.code).toBe(code);
      else expect(res.body.error.details.code).toBeTruthy();
      expect(res.body.error.message).toMatch(/[a-záéíóúñ]/i);
    }
    expect({ circulars: await countCirculars(), deliveries: await countDeliveries(), events: await auditEvents(), mails: mailbox().messages.length }).toEqual(before);
  });

  it("a body's, norm's or press note's subjects must come from the configured list", async () => {
    await expect(app().documents(BODY).create({ data: { ...fixtures.municipalBody(), subjects: ['astrologia'] } } as any)).rejects.toMatchObject({ details: { code: 'INVALID_SUBJECTS' } });
    await expect(app().documents(NORM).create({ data: { ...fixtures.norm(), subjects: 'tributos' } } as any)).rejects.toMatchObject({ details: { code: 'INVALID_SUBJECTS' } });
    await expect(publishedPressNote({ subjects: ['tributos', 'nada'] })).rejects.toMatchObject({ details: { code: 'INVALID_SUBJECTS' } });
  });
});

describe('acknowledgment of receipt', () => {
  let body: any;
  let other: any;
  let norm: any;
  let circularId: number;
  let link: ReturnType<typeof ackLinkOf>;
  let otherLink: ReturnType<typeof ackLinkOf>;

  beforeAll(async () => {
    body = await newBody(['medio-ambiente'], 1);
    other = await newBody(['medio-ambiente'], 0);
    norm = await publishedNorm({ title: 'Ordenanza de gestión de residuos sólidos', subjects: ['medio-ambiente'] });
    const res = await disseminationApi(gerente).post('/circulars', {
      title: 'Ordenanza de residuos sólidos',
      norms: [norm.documentId],
      bodies: [body.documentId, other.documentId],
      forCompliance: true,
    });
    expect(res.status).toBe(201);
    circularId = res.body.data.id;
    link = ackLinkOf(await mailTo(body.email.toLowerCase(), 'Circular: Ordenanza de residuos sólidos'));
    otherLink = ackLinkOf(await mailTo(other.email.toLowerCase(), 'Circular: Ordenanza de residuos sólidos'));
  });

  const deliveryOf = async (token: string) => (await rowsOf(DELIVERY, { documentId: token.split('.')[0] }))[0];

  it('opening the link (a prefetcher, a mail scanner) records nothing', async () => {
    const before = await auditEvents();
    for (const headers of [html, {}, { Accept: '*/*' }]) {
      const res = await http().get(link.path).set(headers);
      expect(res.status).toBe(200);
    }
    const json = await http().get(link.path).set('Accept', 'application/json');
    expect(json.body.data).toMatchObject({ body: { name: body.name }, acknowledgedAt: null, circular: { forCompliance: true } });
    expect(await auditEvents()).toBe(before);
    expect((await deliveryOf(link.token)).acknowledgedAt).toBeNull();
    const state = await disseminationApi(gerente).get(`/circulars/${circularId}`);
    expect(state.body.data.bodies.find((b: any) => b.body === body.documentId).status).toBe('sent');
  });

  it('the confirm form records the acknowledgment once; a second POST changes nothing', async () => {
    const before = await auditEvents();
    const first = await http().post(link.path).set(html).type('form').send({ confirm: 'true' });
    expect(first.status).toBe(200);
    expect(first.text).toContain('Recepción registrada');
    const row = await deliveryOf(link.token);
    expect(row.acknowledgedAt).not.toBeNull();
    expect(await auditEvents()).toBe(before + 1);

    const again = await http().post(link.path).send({ confirm: true });
    expect(again.status).toBe(200);
    expect(again.body.data.acknowledgedAt).toBe(new Date(row.acknowledgedAt).toISOString());
    expect(await auditEvents()).toBe(before + 1);

    const state = await disseminationApi(gerente).get(`/circulars/${circularId}`);
    expect(state.body.data.bodies.find((b: any) => b.body === body.documentId).status).toBe('acknowledged');
    expect(state.body.data.bodies.find((b: any) => b.body === other.documentId).status).toBe('sent');
  });

  it('for compliance: the body confirms it applied the norm, with a note', async () => {
    const res = await http().post(link.path).set(html).type('form').send({ confirm: 'true', applied: 'true', note: 'Se actualizó el TUPA.' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('Aplicación registrada');
    const state = await disseminationApi(gerente).get(`/circulars/${circularId}`);
    const mine = state.body.data.recipients.find((r: any) => r.email.toLowerCase() === body.email.toLowerCase());
    expect(mine).toMatchObject({ status: 'applied', applicationNote: 'Se actualizó el TUPA.' });
    expect(mine.acknowledgedAt).toBeTruthy();
    expect(mine.appliedAt).toBeTruthy();
  });

  it('refuses forged, expired and other bodies\' links, and malformed confirmations, recording nothing', async () => {
    const before = await auditEvents();
    const [deliveryId, bodyId, expires, signature] = link.token.split('.');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    const links = service('ack-links');
    const otherDelivery = await deliveryOf(otherLink.token);
    const cases: Array<[string, number, string]> = [
      [`${deliveryId}.${bodyId}.${expires}.${flipped}`, 404, 'ACK_LINK_INVALID'],
      [`${deliveryId}.${bodyId}.${Number(expires) + 86400}.${signature}`, 404, 'ACK_LINK_INVALID'],
      // This body's signed link pointed at the other body's delivery.
      [`${otherDelivery.documentId}.${bodyId}.${expires}.${signature}`, 404, 'ACK_LINK_INVALID'],
      // A link validly signed for the other body's delivery, but naming this body: another body's link.
      [links.sign({ documentId: otherDelivery.documentId, bodyDocumentId: bodyId, expiresAt: otherDelivery.expiresAt }), 403, 'ACK_LINK_OTHER_BODY'],
      [links.sign({ documentId: otherDelivery.documentId, bodyDocumentId: other.documentId, expiresAt: new Date(Date.now() - 1000) }), 403, 'ACK_LINK_EXPIRED'],
      ['x', 404, 'ACK_LINK_INVALID'],
    ];
    for (const [token, status, code] of cases) {
      for (const method of ['get', 'post'] as const) {
        const res = await (http() as any)[method](`/api/dissemination/ack/${token}`).send(method === 'post' ? { confirm: true } : undefined);
        expect([token, method, res.status, res.body.error?.details?.code]).toEqual([token, method, status, code]);
        expect(res.body.error.message).toMatch(/enlace/i);
      }
      const page = await http().get(`/api/dissemination/ack/${token}`).set(html);
      expect(page.status).toBe(status);
      expect(page.text).toContain('Acuse de recibo');
    }
    for (const body of [{ confirm: ['true'] }, { confirm: true, note: { $ne: 1 } }, { confirm: true, extra: 1 }, { applied: 'sí' }]) {
      const res = await http().post(otherLink.path).send(body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.body.error.details.code).toBeTruthy();
    }
    expect(await auditEvents()).toBe(before);
    expect((await deliveryOf(otherLink.token)).acknowledgedAt).toBeNull();
  });

  it('lists what each body still owes', async () => {
    const mine = await disseminationApi(gerente).get('/pending', { body: body.documentId });
    expect(mine.status).toBe(200);
    expect(mine.body.data).toEqual([]); // acknowledged and applied
    const owed = await disseminationApi(gerente).get('/pending', { body: other.documentId });
    expect(owed.body.data).toHaveLength(1);
    expect(owed.body.data[0].circulars.map((c: any) => [c.id, c.owes])).toEqual([[circularId, 'acknowledgment']]);
    expect((await disseminationApi(gerente).get('/pending', { body: 'abcdefghijklmnopqrstuvwx' })).body.error.details.code).toBe('BODY_NOT_FOUND');
  });

  it("the norm's history and the period's report say exactly who was told and who confirmed", async () => {
    const history = await disseminationApi(gerente).get(`/norms/${norm.documentId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data).toHaveLength(1);
    expect(history.body.data[0].bodies.map((b: any) => [b.name, b.status]).sort()).toEqual([[body.name, 'applied'], [other.name, 'sent']].sort());

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(new Date());
    const report = await disseminationApi(gerente).get('/report', { from: today, to: today, norm: norm.documentId, format: 'csv' });
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(report.text, { bom: true, columns: true }) as any[];
    expect(rows.map((r) => r.correo.toLowerCase()).sort()).toEqual([...addressesOf(body), ...addressesOf(other)].sort());
    const confirmed = rows.filter((r) => r.recepcion_confirmada).map((r) => r.correo.toLowerCase());
    expect(confirmed).toEqual([body.email.toLowerCase()]);
    expect(rows.find((r) => r.correo.toLowerCase() === body.email.toLowerCase())).toMatchObject({ estado: 'aplicado', nota: 'Se actualizó el TUPA.' });

    const printable = await disseminationApi(gerente).get('/report', { from: today, to: today, norm: norm.documentId, format: 'html' });
    expect(printable.status).toBe(200);
    expect(printable.text).toContain('Reporte de difusión');
    expect(printable.text).toContain(body.name);
    expect((await disseminationApi(gerente).get('/report', { from: today, to: '2000-01-01' })).status).toBe(400);
  });

  it('every circular, delivery and acknowledgment is in the audit trail, and the chains verify', async () => {
    const delivery = await deliveryOf(link.token);
    const events = await app().plugin('audit-trail').service('chains').history(`${DELIVERY}|${delivery.documentId}`);
    expect(events.map((e: any) => e.action)).toEqual(['delivery.sent', 'delivery.acknowledged', 'delivery.applied']);
    const [circular] = await rowsOf(CIRCULAR, { id: circularId });
    const circularEvents = await app().plugin('audit-trail').service('chains').history(`${CIRCULAR}|${circular.documentId}`);
    expect(circularEvents.map((e: any) => e.action)).toEqual(['circular.created']);
    expect((await app().plugin('audit-trail').service('chains').verify()).broken).toEqual([]);
  });

  it('`npm run audit:verify` detects an acknowledgment edited or removed in the database', async () => {
    const { reportAuditChains } = require('../../../scripts/audit-verify');
    const delivery = await deliveryOf(link.token);
    const key = `${DELIVERY}|${delivery.documentId}`;
    const table = () => app().db.connection('audit_trail_events');
    const [acknowledged] = await table().where({ chain_key: key, action: 'delivery.acknowledged' });
    const quiet = () => undefined;
    expect(await reportAuditChains(app(), quiet)).toBe(0);
    await table().where({ id: acknowledged.id }).update({ actor_name: 'Otro órgano' });
    try {
      const lines: string[] = [];
      expect(await reportAuditChains(app(), (line: string) => lines.push(line))).toBe(1);
      expect(lines).toContainEqual(expect.stringContaining(`ROTO ${key} #2`));
    } finally {
      await table().where({ id: acknowledged.id }).update({ actor_name: acknowledged.actor_name });
    }
    const [last] = await table().where({ chain_key: key }).orderBy('sequence', 'desc').limit(1);
    await table().where({ id: last.id }).delete();
    try {
      expect(await reportAuditChains(app(), quiet)).toBe(1);
    } finally {
      await table().insert(last);
    }
    expect(await reportAuditChains(app(), quiet)).toBe(0);
  });
});

describe('who may see the circulars (named recipients are personal data)', () => {
  it('a Redactor gets 403 on every plugin route; the Gerente may use them', async () => {
    const routes = app()
      .server.listRoutes()
      .filter((r: any) => r.path.startsWith('/dissemination/'));
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      const path = route.path.replace(':id', '1').replace(':documentId', 'abcdefghijklmnopqrstuvwx');
      for (const method of (route.methods as string[]).filter((m) => ['GET', 'POST'].includes(m))) {
        const call = (http() as any)[method.toLowerCase()](path).set('Authorization', `Bearer ${redactor.token}`);
        const res = await (method === 'GET' ? call : call.send({}));
        expect([method, path, res.status]).toEqual([method, path, 403]);
      }
    }
    expect((await disseminationApi(gerente).get('/circulars', { pageSize: 50, page: 1 })).status).toBe(200);
    expect((await disseminationApi(gerente).get('/options')).status).toBe(200);
  });

  it("a Redactor reading a body in the content manager does not see its named recipients", async () => {
    const body = await newBody(['tributos'], 1);
    const res = await http()
      .get(`/content-manager/collection-types/${BODY}/${body.documentId}`)
      .set('Authorization', `Bearer ${redactor.token}`);
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe(body.name);
    expect(res.body.data.recipients).toBeUndefined();
    const asGerente = await http().get(`/content-manager/collection-types/${BODY}/${body.documentId}`).set('Authorization', `Bearer ${gerente.token}`);
    expect(asGerente.body.data.recipients).toHaveLength(1);
  });

  it('municipal bodies (and their recipients) are not in the public Content API', async () => {
    const res = await http().get('/api/municipal-bodies');
    expect([401, 403, 404]).toContain(res.status);
  });
});
