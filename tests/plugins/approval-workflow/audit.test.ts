// The audit trail: append-only, hash-chained per document locale, verified by
// `npm run audit:verify`; a change made directly in the database is detected.
import { app, adminWithRole, bearer, contentManager, createApiToken, http, type AdminSession } from '../../helpers/app';
import { fixtures } from '../../helpers/fixtures';
import { approvals } from '../../helpers/approval';

const NOTE = 'api::press-note.press-note';
const EVENT = 'plugin::audit-trail.event';
const audit = () => app().plugin('audit-trail').service('chains');
const table = () => app().db.metadata.get(EVENT).tableName;
const knex = () => app().db.connection;

let redactor: AdminSession;
let gerente: AdminSession;
let chainKey: string;

beforeAll(async () => {
  redactor = await adminWithRole('redactor');
  gerente = await adminWithRole('gerente-comunicaciones');
  const id = (await contentManager(redactor, NOTE).create(fixtures.pressNote())).body.data.documentId;
  await approvals(redactor).act(NOTE, id, 'submit');
  await approvals(gerente).act(NOTE, id, 'request-changes', { comment: 'Falta la fuente.' });
  await approvals(redactor).act(NOTE, id, 'submit');
  await approvals(gerente).act(NOTE, id, 'approve');
  chainKey = `${NOTE}|${id}|es-PE`;
});

const brokenIn = async (key: string) => (await audit().verify()).broken.filter((b: any) => b.chainKey === key);

it('every chain verifies, each event linking to the previous one', async () => {
  const { broken, events } = await audit().verify();
  expect(broken).toEqual([]);
  expect(events).toBeGreaterThanOrEqual(4);
  const chain = await audit().history(chainKey);
  expect(chain.map((e: any) => e.sequence)).toEqual([1, 2, 3, 4]);
  expect(chain[0].previousHash).toBeNull();
  for (let i = 1; i < chain.length; i++) expect(chain[i].previousHash).toBe(chain[i - 1].hash);
});

it('detects an event edited directly in the database, until it is put back', async () => {
  const [row] = await knex()(table()).where({ chain_key: chainKey, sequence: 2 });
  await knex()(table()).where({ id: row.id }).update({ comment: 'Conforme.' });
  try {
    expect(await brokenIn(chainKey)).toEqual([expect.objectContaining({ sequence: 2, problem: expect.stringMatching(/hash/) })]);
  } finally {
    await knex()(table()).where({ id: row.id }).update({ comment: row.comment });
  }
  expect(await brokenIn(chainKey)).toEqual([]);
});

it('detects a removed event (the last one, too) and a forged replacement', async () => {
  const lastEvent = (await audit().history(chainKey)).at(-1);
  const [last] = await knex()(table()).where({ chain_key: chainKey, sequence: 4 });
  await knex()(table()).where({ id: last.id }).delete();
  try {
    expect((await brokenIn(chainKey)).map((b: any) => b.problem).join()).toMatch(/último evento/);
    // A forged event, correctly linked and with a self-consistent hash, still is not the head the state recorded.
    const forgedHash = audit().eventHash({ ...lastEvent, action: 'request-changes', toState: 'changes-requested' });
    await knex()(table()).insert({ ...last, action: 'request-changes', to_state: 'changes-requested', hash: forgedHash });
    expect((await brokenIn(chainKey)).map((b: any) => b.problem).join()).toMatch(/último evento/);
    await knex()(table()).where({ id: last.id }).delete();
  } finally {
    await knex()(table()).insert(last);
  }
  expect(await brokenIn(chainKey)).toEqual([]);
});

it('`npm run audit:verify` reports the broken link and exits with 1', async () => {
  // The script's report on this run's Strapi (the CLI only adds booting it: scripts/load-strapi.js).
  const { reportAuditChains } = require('../../../scripts/audit-verify');
  const [row] = await knex()(table()).where({ chain_key: chainKey, sequence: 1 });
  await knex()(table()).where({ id: row.id }).update({ actor_name: 'Otra persona' });
  const lines: string[] = [];
  try {
    expect(await reportAuditChains(app(), (line: string) => lines.push(line))).toBe(1);
    expect(lines).toContainEqual(expect.stringContaining(`ROTO ${chainKey} #1`));
  } finally {
    await knex()(table()).where({ id: row.id }).update({ actor_name: row.actor_name });
  }
  lines.length = 0;
  expect(await reportAuditChains(app(), (line: string) => lines.push(line))).toBe(0);
  expect(lines.at(-1)).toMatch(/íntegro/);
});

it('is hidden from the content manager and has no route that writes or deletes events', async () => {
  const [event] = await knex()(table()).where({ chain_key: chainKey, sequence: 1 });
  const base = `/content-manager/collection-types/${EVENT}`;
  const auth = bearer(gerente.token);
  const types = await http().get('/content-manager/content-types').set(auth);
  expect(types.body.data.find((t: any) => t.uid === EVENT)?.isDisplayed).toBe(false);
  for (const res of [
    await http().get(base).set(auth),
    await http().put(`${base}/${event.document_id}`).set(auth).send({ comment: 'x' }),
    await http().delete(`${base}/${event.document_id}`).set(auth),
  ]) {
    expect(res.status).toBeGreaterThanOrEqual(400);
  }
  const token = await createApiToken('full-access');
  expect((await http().get('/api/events').set(bearer(token))).status).toBe(404);
  expect((await http().delete(`/api/events/${event.document_id}`).set(bearer(token))).status).toBeGreaterThanOrEqual(400);
  expect(await knex()(table()).where({ id: event.id }).first()).toMatchObject({ comment: event.comment });
  expect(await brokenIn(chainKey)).toEqual([]);
});
