// No change is ever skipped by a polling consumer, even when two transactions
// that append to the change log try to commit out of cursor order.
import { app, projectToken } from '../../helpers/app';
import { CHANGE_UID, changesSince, feedHead } from '../../helpers/cif-sync';

const NOTE = 'api::press-note.press-note';
const isPostgres = () => app().db.config.connection.client === 'postgres';
const row = (documentId: string) => ({ contentType: NOTE, entryDocumentId: documentId, entryLocale: 'es-PE', action: 'delete' as const });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transaction that appends `insert` and then waits for `release()` before committing. */
function openTransaction(insert: () => Promise<unknown>) {
  let release!: () => void;
  let inserted!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
  let committed = false;
  const done = app()
    .db.transaction(async () => {
      await insert();
      inserted();
      await gate;
    })
    .then(() => {
      committed = true;
    });
  return { release, inserted: insertedSignal, done, isCommitted: () => committed };
}

let cif: string;
beforeAll(async () => {
  cif = await projectToken('cif');
});

if (isPostgres()) {
  it('PostgreSQL: without the guard, a consumer skips the cursor that commits last (the hazard is real)', async () => {
    const since = await feedHead(cif);
    const insert = (id: string) => () => app().db.query(CHANGE_UID as any).create({ data: row(id) });
    const first = openTransaction(insert('unguarded-first'));
    await first.inserted;
    const second = openTransaction(insert('unguarded-second'));
    await second.inserted;
    second.release();
    await second.done;

    // A consumer polls now: it sees the second cursor only and moves past the first.
    const seen = await changesSince(cif, since);
    expect(seen.map((i) => i.documentId)).toEqual(['unguarded-second']);
    first.release();
    await first.done;
    // (A write this instance did not make through the log service: its cache sees it within a second.)
    await sleep(1100);
    const later = await changesSince(cif, seen[seen.length - 1].cursor);
    expect(later.map((i) => i.documentId)).toEqual([]);
    const all = await changesSince(cif, since);
    expect(all.map((i) => i.documentId)).toEqual(['unguarded-first', 'unguarded-second']);
  });
}

it('with the change log guard, the later transaction waits: cursors commit in order and a polling consumer misses nothing', async () => {
  const changeLog = app().plugin('cif-sync').service('change-log');
  const since = await feedHead(cif);
  const first = openTransaction(() => changeLog.append([row('guarded-first')]));
  await first.inserted;
  const second = openTransaction(() => changeLog.append([row('guarded-second')]));

  const consumed: any[] = [];
  let cursor = since;
  const poll = async () => {
    const items = await changesSince(cif, cursor);
    consumed.push(...items);
    if (items.length) cursor = items[items.length - 1].cursor;
  };

  if (isPostgres()) {
    // The second transaction cannot take a cursor, let alone commit, before the first commits.
    await sleep(300);
    expect(second.isCommitted()).toBe(false);
    await poll();
    expect(consumed).toEqual([]);
  }
  first.release();
  await first.done;
  // (SQLite has a single connection, held by the waiting second transaction now.)
  if (isPostgres()) await poll();
  await second.inserted;
  second.release();
  await second.done;
  await poll();

  expect(consumed.map((i) => i.documentId)).toEqual(['guarded-first', 'guarded-second']);
  expect(consumed[0].cursor).toBeLessThan(consumed[1].cursor);
});
