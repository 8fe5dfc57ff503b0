// Two Strapi processes that share nothing but PostgreSQL and the object store
// (each its own working folder, no shared disk): a file uploaded through A is
// served through B, a change made through B drops A's response cache within
// milliseconds (LISTEN/NOTIFY; the one-second poll stays as fallback), also
// after A's listening connection was killed. PostgreSQL only: a SQLite file
// cannot be shared by two machines. The measured delays are printed; the
// assertion only bounds them by the poll period.
import { Client } from 'pg';
import { startS3, type S3Server } from '../helpers/s3';
import { startInstances, type Instance } from '../helpers/instances';
import { separateDatabase } from '../helpers/test-database';
import { fixtures } from '../helpers/fixtures';
import { photo } from '../archive/files';
import { absolute, backOffice, bytes, call, ingest, sha256, until } from './support';

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const describeOnPostgres = onPostgres ? describe : describe.skip;

let s3: S3Server;
let a: Instance;
let b: Instance;
let database: Awaited<ReturnType<typeof separateDatabase>>;
let fullAccess: string;

const pg = async <T>(fn: (client: Client) => Promise<T>) => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

const LIST = '/api/transparency-pages?sort=id:desc&pagination[pageSize]=5&fields[0]=title';
const titlesOn = async (instance: Instance) => {
  const res = await call(instance.url, 'GET', LIST);
  return { titles: (res.body.data as Array<{ title: string }>).map((page) => page.title), cache: res.headers.get('x-cache') };
};

/** Makes sure A serves LIST from its cache, then times how long a change through B takes to show on A. */
async function delayOnA(change: () => Promise<void>, visible: (titles: string[]) => boolean) {
  await titlesOn(a);
  expect((await titlesOn(a)).cache).toBe('HIT');
  await change();
  const changedAt = performance.now();
  await until(async () => visible((await titlesOn(a)).titles), 'the change to show on A', 5000, 2);
  return performance.now() - changedAt;
}

const publishOnB = (title: string) => async () => {
  const res = await call(b.url, 'POST', '/api/transparency-pages?status=published', { token: fullAccess, body: { data: { ...fixtures.transparencyPage(), title } } });
  expect(res.status).toBe(201);
  created.set(title, res.body.data.documentId);
};
const deleteOnB = (title: string) => async () => {
  expect((await call(b.url, 'DELETE', `/api/transparency-pages/${created.get(title)}`, { token: fullAccess })).status).toBe(204);
};
const created = new Map<string, string>();

const summary = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, min: +sorted[0].toFixed(1), median: +at(0.5).toFixed(1), p90: +at(0.9).toFixed(1), max: +sorted[sorted.length - 1].toFixed(1) };
};

describeOnPostgres('two instances on one PostgreSQL and one object store', () => {
  beforeAll(async () => {
    [s3, database] = await Promise.all([startS3(), separateDatabase()]);
    [a, b] = await startInstances(2, { name: 'pair', env: { ...database.env, ...s3.env(), CRON_ENABLED: 'false' } });
    ({ fullAccess } = await backOffice(a.url));
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([s3?.close(), database?.drop()]);
  });

  it('a file uploaded through A is served through B: the public file to anyone, the original and a private file to staff', async () => {
    const camera = await photo(401, { width: 700, height: 500, exif: { IFD0: { Make: 'Nikon', Model: 'Z6' } } });
    const shown = await ingest(a.url, fullAccess, camera, 'feria.jpg', { kind: 'photo', title: 'Feria en la frontera', rights: 'own', isPublic: true });
    const hidden = await ingest(a.url, fullAccess, await photo(402, { width: 700, height: 500 }), 'reunion.jpg', { kind: 'photo', title: 'Reunión reservada', rights: 'own', isPublic: false });
    expect([shown.status, hidden.status]).toEqual([201, 201]);

    const publicOnB = await call(b.url, 'GET', `/api/media-archive-items/${shown.body.data.documentId}?populate=file`);
    expect(publicOnB.status).toBe(200);
    const file = await bytes(publicOnB.body.data.file.url);
    expect([file.status, sha256(file.body)]).toEqual([200, sha256((await bytes(shown.body.data.file.url)).body)]);

    const original = await bytes(`${b.url}/api/media-archive-items/${shown.body.data.documentId}/original`, { Authorization: `Bearer ${fullAccess}` });
    expect([original.status, sha256(original.body)]).toEqual([200, sha256(camera)]);

    const privateOnB = await call(b.url, 'GET', `/api/media-archive-items/${hidden.body.data.documentId}?populate=file`, { token: fullAccess });
    const link = privateOnB.body.data.file.url as string;
    expect(link.startsWith('/media-archive/files/')).toBe(true);
    for (const instance of [a, b]) expect((await bytes(absolute(instance.url, link))).status).toBe(200);
    expect((await call(b.url, 'GET', `/api/media-archive-items/${hidden.body.data.documentId}`)).status).toBe(404);
  });

  it('a change through B drops what A has cached within milliseconds (LISTEN/NOTIFY), also after A lost its listener', async () => {
    const publishes: number[] = [];
    const deletes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const title = `Página ${i} ${Date.now()}`;
      publishes.push(await delayOnA(publishOnB(title), (titles) => titles.includes(title)));
      deletes.push(await delayOnA(deleteOnB(title), (titles) => !titles.includes(title)));
    }
    console.log(`Publish through B, visible on A's cached list (ms): ${JSON.stringify(summary(publishes))}`);
    console.log(`Delete through B, gone from A's cached list (ms): ${JSON.stringify(summary(deletes))}`);
    // The poll alone takes up to a second (906–1,048 ms measured before LISTEN/NOTIFY).
    expect(Math.max(...publishes, ...deletes)).toBeLessThan(500);

    // Kill A's listening connection from the server side: A reconnects and is as fast again.
    const appName = `cif-sync-listener:${a.process.pid}`;
    const killed = await pg((c) => c.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [appName]));
    expect(killed.rowCount).toBe(1);
    await until(async () => (await pg((c) => c.query('select 1 from pg_stat_activity where application_name = $1', [appName]))).rowCount === 1, 'A to listen again', 10_000, 50);
    const title = `Después de reconectar ${Date.now()}`;
    const afterReconnect = await delayOnA(publishOnB(title), (titles) => titles.includes(title));
    console.log(`After A's listener reconnected (ms): ${afterReconnect.toFixed(1)}`);
    expect(afterReconnect).toBeLessThan(500);
  });
});

if (!onPostgres) it('two instances need PostgreSQL (a SQLite file cannot be shared): skipped on SQLite', () => expect(onPostgres).toBe(false));
