// Every transition of a publication request is an event of its chain in the shared
// audit trail (plugin audit-trail): the timeline is that chain, `npm run audit:verify`
// checks it, and a change made directly in the database is detected.
import { app, adminWithRole, type AdminSession } from '../../helpers/app';
import { REQUEST, normWithFiles, queueApi, submittedRequest, worker } from './queue';

const EVENT = 'plugin::audit-trail.event';
const trail = () => app().plugin('audit-trail').service('chains');
const knex = () => app().db.connection;
const events = () => knex()(app().db.metadata.get(EVENT).tableName);
const find = (id: number) => app().db.query(REQUEST).findOne({ where: { id } });

let normas: AdminSession;
let id: number;
let chainKey: string;

beforeAll(async () => {
  normas = await adminWithRole('normas');
  id = await submittedRequest(await normWithFiles());
  const api = queueApi(normas);
  expect((await api.act(id, 'record-quote', { quoteAmount: 420, quoteReference: 'COT-77' })).status).toBe(200);
  expect((await api.act(id, 'record-rejection', { rejectionReason: 'Falta la firma del alcalde en el PDF.' })).status).toBe(200);
  chainKey = `${REQUEST}|${(await find(id)).documentId}`;
});

const brokenIn = async (key: string) => (await trail().verify()).broken.filter((b: any) => b.chainKey === key);

it('the timeline is the request’s chain: every transition, linked by hashes, the head on the request', async () => {
  const { body } = await queueApi(normas).get(id);
  expect(body.data.timeline.map((e: any) => [e.sequence, e.action, e.fromState, e.toState, e.actorName])).toEqual([
    [1, 'create', null, 'queued', 'sistema'],
    [2, 'claim', 'queued', 'dispatching', 'sistema'],
    [3, 'dispatch-email', 'dispatching', 'submitted', 'sistema'],
    [4, 'record-quote', 'submitted', 'quoted', expect.any(String)],
    [5, 'record-rejection', 'quoted', 'rejected', expect.any(String)],
  ]);
  expect(body.data.timeline[4].comment).toBe('Falta la firma del alcalde en el PDF.');
  expect(body.data.timeline[1].details).toMatchObject({ worker: worker().instanceId, attempt: 1 });
  const chain = await trail().history(chainKey);
  expect(chain[0].previousHash).toBeNull();
  for (let i = 1; i < chain.length; i++) expect(chain[i].previousHash).toBe(chain[i - 1].hash);
  expect(await find(id)).toMatchObject({ auditSequence: 5, auditHead: chain[4].hash });
  expect(await brokenIn(chainKey)).toEqual([]);
});

it('detects a request event edited in the database, and `npm run audit:verify` exits with 1', async () => {
  const { reportAuditChains } = require('../../../scripts/audit-verify');
  const [row] = await events().where({ chain_key: chainKey, sequence: 3 });
  await events().where({ id: row.id }).update({ to_state: 'published' });
  const lines: string[] = [];
  try {
    expect(await brokenIn(chainKey)).toEqual([expect.objectContaining({ sequence: 3, problem: expect.stringMatching(/hash/) })]);
    expect(await reportAuditChains(app(), (line: string) => lines.push(line))).toBe(1);
    expect(lines).toContainEqual(expect.stringContaining(`ROTO ${chainKey} #3`));
  } finally {
    await events().where({ id: row.id }).update({ to_state: row.to_state });
  }
  expect(await brokenIn(chainKey)).toEqual([]);
});

it('detects the last request event removed', async () => {
  const [last] = await events().where({ chain_key: chainKey, sequence: 5 });
  await events().where({ id: last.id }).delete();
  try {
    expect((await brokenIn(chainKey)).map((b: any) => b.problem).join()).toMatch(/último evento/);
  } finally {
    await events().insert(last);
  }
  expect(await brokenIn(chainKey)).toEqual([]);
});

it('two staff actions on one request at once: one is recorded, the other refused, the chain intact', async () => {
  const api = queueApi(normas);
  const submission = { submissionReference: 'Mesa de partes 118' };
  const [a, b] = await Promise.all([api.act(id, 'record-submission', submission), api.act(id, 'record-submission', submission)]);
  expect([a.status, b.status].sort()).toEqual([200, 400]);
  const refused = a.status === 200 ? b : a;
  expect(refused.body.error.details.code).toBe('INVALID_TRANSITION');
  const chain = await trail().history(chainKey);
  expect(chain.map((e: any) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(chain[5]).toMatchObject({ action: 'record-submission', fromState: 'rejected', toState: 'submitted' });
  expect(await brokenIn(chainKey)).toEqual([]);
});

it('claims by two workers at once append to each request’s chain, and every chain verifies', async () => {
  const rows = [];
  for (let i = 0; i < 30; i += 1) {
    rows.push(
      await app()
        .db.query(REQUEST)
        .create({ data: { normDocumentId: `audit-claim-${i}`, channel: 'portal', outlet: 'portal', state: 'queued', priority: 9, attempts: 0, nextAttemptAt: Date.now() - 1000 } })
    );
  }
  const [a, b] = await Promise.all([worker().claim('audit-a', 20), worker().claim('audit-b', 20)]);
  expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
  for (const row of rows) {
    const chain = await trail().history(`${REQUEST}|${row.documentId}`);
    expect(chain.map((e: any) => [e.sequence, e.action, e.details.worker])).toEqual([[1, 'claim', a.includes(row.id) ? 'audit-a' : 'audit-b']]);
  }
  expect((await trail().verify()).broken).toEqual([]);
});
