// The dispatch worker on the real database and a real SMTP server: e-mails with both
// files, back-off, failure after the last attempt, concurrent claims and lease takeover.
import crypto from 'crypto';
import { app, adminWithRole, mailbox } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { NORM, REQUEST, normWithFiles, requestsOf, worker } from './queue';

const { makeDocx, makePdf } = require('../../helpers/office-files');

const OUTLET_EMAIL = 'avisos@diariofronterasur.pe';
const find = (id: number) => app().db.query(REQUEST).findOne({ where: { id } });
const config = () => app().config.get('plugin::diario-oficial') as any;

/** The norm's newspaper request, put first in the queue. */
async function newspaperRequest(norm: { documentId: string }) {
  const request = (await requestsOf(norm.documentId)).find((r) => r.channel === 'diario-judicial');
  await app().db.query(REQUEST).update({ where: { id: request.id }, data: { priority: 9 } });
  return request;
}

/** Queued rows for claim tests (the claim does not look at the norm). */
async function queuedRows(count: number, data: object = {}) {
  const tag = crypto.randomBytes(4).toString('hex');
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const row = await app()
      .db.query(REQUEST)
      .create({
        data: { normDocumentId: `claim-${tag}-${i}`, channel: 'portal', outlet: 'portal', state: 'queued', priority: 9, attempts: 0, nextAttemptAt: Date.now() - 1000, ...data },
      });
    ids.push(row.id);
  }
  return ids;
}

describe('e-mail dispatch', () => {
  it('sends both files to the outlet with the reference in the subject, then records the submission', async () => {
    const norm = await normWithFiles();
    const request = await newspaperRequest(norm);
    await worker().tick();

    const mail = await mailbox().waitFor((m) => Boolean(m.subject?.includes(`[${request.reference}]`)));
    expect(mailbox().to(OUTLET_EMAIL)).toContain(mail);
    expect(mail.subject).toBe(`[${request.reference}] Solicitud de publicación: ${norm.number}`);
    expect(mail.headers.get('x-publication-request')).toBe(request.reference);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['ordenanza-firmada.pdf', 'application/pdf'],
      ['ordenanza.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect(mail.attachments[0].content.equals(makePdf('Ordenanza firmada'))).toBe(true);
    expect(mail.attachments[1].content.equals(makeDocx('Ordenanza'))).toBe(true);

    const saved = await find(request.id);
    expect(saved).toMatchObject({ state: 'submitted', attempts: 1, lockedBy: null, lockedUntil: null, lastError: null });
    expect(saved.submittedAt).toBeTruthy();
    expect(saved.expectedEditionDate).toBeTruthy();
  });

  it('manual outlets (the portal) wait for staff', async () => {
    const norm = await normWithFiles();
    const portal = (await requestsOf(norm.documentId)).find((r) => r.channel === 'portal');
    await app().db.query(REQUEST).update({ where: { id: portal.id }, data: { priority: 9 } });
    await worker().tick();
    expect((await find(portal.id)).state).toBe('awaiting-manual-submission');
  });
});

describe('failures', () => {
  it('retry with exponential back-off and jitter, then fail and tell the Normas role', async () => {
    const normas = await adminWithRole('normas');
    // No files on the norm: the outlet cannot be sent anything.
    const norm = await app().documents(NORM).create({ data: fixtures.norm() } as any);
    const request = await newspaperRequest(norm);
    const { backoff, maxAttempts } = config();

    const before = Date.now();
    await worker().tick();
    const first = await find(request.id);
    expect(first).toMatchObject({ state: 'queued', attempts: 1, lockedBy: null });
    expect(first.lastError).toMatch(/Faltan/);
    const wait = Number(first.nextAttemptAt) - before;
    expect(wait).toBeGreaterThanOrEqual(backoff.baseSeconds * 1000 * (1 - backoff.jitter));
    expect(wait).toBeLessThanOrEqual(backoff.baseSeconds * 1000 * (1 + backoff.jitter) + 5000);
    // Not due yet: a claim now does not take it; one after the back-off does.
    expect(await worker().claim('test-early', 500)).not.toContain(request.id);

    const retried = await worker().claim('test-late', 500, Number(first.nextAttemptAt) + 1);
    expect(retried).toContain(request.id);
    await worker().dispatch(request.id, 'test-late');
    const second = await find(request.id);
    expect(second.attempts).toBe(2);
    const secondWait = Number(second.nextAttemptAt) - Date.now();
    expect(secondWait).toBeGreaterThan(2 * backoff.baseSeconds * 1000 * (1 - backoff.jitter) - 5000);

    // Last attempt.
    await app().db.query(REQUEST).update({ where: { id: request.id }, data: { attempts: maxAttempts - 1, nextAttemptAt: Date.now() - 1 } });
    await worker().tick();
    expect(await find(request.id)).toMatchObject({ state: 'failed', attempts: maxAttempts });
    const alert = await mailbox().waitFor((m) => Boolean(m.subject?.includes(`[${request.reference}] Falló`)));
    expect(mailbox().to(normas.email)).toContain(alert);
    expect(alert.text).toContain('Reintentar');
  });
});

describe('claims', () => {
  it('two concurrent claimers never take the same request', async () => {
    for (let round = 0; round < 5; round += 1) {
      const ids = await queuedRows(40);
      const [a, b] = await Promise.all([worker().claim(`claimer-a-${round}`, 30), worker().claim(`claimer-b-${round}`, 30)]);
      expect(a.length).toBeLessThanOrEqual(30);
      expect(b.length).toBeLessThanOrEqual(30);
      expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
      const mine = [...a, ...b].filter((id) => ids.includes(id));
      expect(mine.sort((x, y) => x - y)).toEqual(ids);
      const rows = await app().db.query(REQUEST).findMany({ where: { id: { $in: ids } } });
      for (const row of rows) {
        expect(row.state).toBe('dispatching');
        expect(row.lockedBy).toBe(a.includes(row.id) ? `claimer-a-${round}` : `claimer-b-${round}`);
      }
    }
  });

  it('requests of equal priority and due time are claimed oldest first, whatever order the database keeps them in', async () => {
    const due = Date.now() - 5_000;
    const ids = await queuedRows(60, { priority: 1000, nextAttemptAt: due });
    // Rewritten in a shuffled order: PostgreSQL's heap no longer holds them by id.
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    for (const id of shuffled) await app().db.query(REQUEST).update({ where: { id }, data: { lastError: null, nextAttemptAt: due } });
    expect(await worker().claim('in-order', 60)).toEqual(ids);
  });

  it('a crashed instance’s claims are taken over after the lease, and its late result is not written', async () => {
    const ids = await queuedRows(3);
    const now = Date.now();
    const lease = config().worker.leaseSeconds * 1000;
    expect(await worker().claim('crashed', 500, now)).toEqual(expect.arrayContaining(ids));
    // The lease holds: nobody else takes them.
    expect(await worker().claim('rescuer', 500, now + lease - 1000)).not.toEqual(expect.arrayContaining(ids));
    // Expired: taken over, the attempt counted.
    const takenOver = await worker().claim('rescuer', 500, now + lease + 1000);
    expect(takenOver).toEqual(expect.arrayContaining(ids));
    const rows = await app().db.query(REQUEST).findMany({ where: { id: { $in: ids } } });
    expect(rows.map((r: any) => [r.lockedBy, r.attempts])).toEqual(ids.map(() => ['rescuer', 2]));
    // The crashed instance comes back: its release no longer applies.
    expect(await worker().release(rows[0], 'crashed', 'submitted', {}, 'dispatch-email')).toBe(false);
    expect((await find(ids[0])).state).toBe('dispatching');
  });

  it('a claim whose sending had started when its instance died goes to staff, not out a second time', async () => {
    const ids = await queuedRows(2);
    const now = Date.now();
    const lease = config().worker.leaseSeconds * 1000;
    expect(await worker().claim('dying', 500, now)).toEqual(expect.arrayContaining(ids));
    // The instance had begun sending the first one (lease renewed, send started) and died.
    await app().db.query(REQUEST).update({ where: { id: ids[0] }, data: { sendStartedAt: now } });
    const takenOver = await worker().claim('rescuer-2', 500, now + lease + 1000);
    expect(takenOver).toContain(ids[1]);
    expect(takenOver).not.toContain(ids[0]);
    const interrupted = await app().plugin('diario-oficial').service('requests').findOne(ids[0]);
    expect(interrupted).toMatchObject({ state: 'awaiting-manual-submission', lockedBy: null, lockedUntil: null });
    expect(interrupted.lastError).toMatch(/Verifique con el medio/);
    expect(interrupted.timeline.map((e: any) => [e.action, e.details.worker])).toEqual([
      ['claim', 'dying'],
      ['dispatch-interrupted', 'dying'],
    ]);
  });

  it('a worker whose lease ran out before sending does not send', async () => {
    const lease = config().worker.leaseSeconds * 1000;
    const [id] = await queuedRows(1, { nextAttemptAt: Date.now() - 3 * lease });
    // Claimed "long ago": the lease is already over when the dispatch starts.
    expect(await worker().claim('slow', 500, Date.now() - 2 * lease)).toContain(id);
    expect(await worker().dispatch(id, 'slow')).toBe('lost');
    expect(await find(id)).toMatchObject({ state: 'dispatching', lockedBy: 'slow', attempts: 1 });
  });

  it('the claim index orders by priority (descending) then due time, on both databases', async () => {
    const db = app().db;
    const definition =
      db.dialect.client === 'postgres'
        ? (await db.connection.raw("SELECT indexdef AS sql FROM pg_indexes WHERE indexname = 'diario_oficial_requests_claim_idx' AND schemaname = current_schema()")).rows[0]?.sql
        : (await db.connection.raw("SELECT sql FROM sqlite_master WHERE name = 'diario_oficial_requests_claim_idx'"))[0]?.sql;
    expect(definition).toMatch(/\(\s*"?state"?\s*,\s*"?priority"?\s+DESC\s*,\s*"?next_attempt_at"?\s*\)/i);
  });
});
