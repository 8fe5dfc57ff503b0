// Two pairs of instances on PostgreSQL and one S3 server: one pair with
// LISTEN/NOTIFY, one with the poll only (the baseline). Each round publishes a
// transparency page through B and times until A's cached list shows it, then
// deletes it and times until it is gone. Prints both distributions and the ratio.
import { startS3, type S3Server } from '../../tests/helpers/s3';
import { startInstances, type Instance } from '../../tests/helpers/instances';
import { separateDatabase } from '../../tests/helpers/test-database';
import { fixtures } from '../../tests/helpers/fixtures';
import { backOffice, call, until } from '../../tests/storage/support';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const LIST = '/api/transparency-pages?sort=id:desc&pagination[pageSize]=5&fields[0]=title';

const titles = async (instance: Instance) => ((await call(instance.url, 'GET', LIST)).body.data as Array<{ title: string }>).map((p) => p.title);

async function measure(a: Instance, b: Instance, token: string) {
  const publish: number[] = [];
  const remove: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const title = `Bench ${i} ${Date.now()}`;
    await titles(a);
    await titles(a);
    const created = await call(b.url, 'POST', '/api/transparency-pages?status=published', { token, body: { data: { ...fixtures.transparencyPage(), title } } });
    let start = performance.now();
    await until(async () => (await titles(a)).includes(title), 'publish on A', 5000, 2);
    publish.push(performance.now() - start);
    await titles(a);
    await call(b.url, 'DELETE', `/api/transparency-pages/${created.body.data.documentId}`, { token });
    start = performance.now();
    await until(async () => !(await titles(a)).includes(title), 'delete on A', 5000, 2);
    remove.push(performance.now() - start);
  }
  return { publish, remove };
}

const stats = (values: number[]) => {
  const s = [...values].sort((x, y) => x - y);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, min: Math.round(s[0]), median: Math.round(q(0.5)), p90: Math.round(q(0.9)), max: Math.round(s[s.length - 1]) };
};

let s3: S3Server;
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

it('invalidation across instances: LISTEN/NOTIFY against the poll-only baseline', async () => {
  s3 = await startS3();
  cleanup.push(() => s3.close());
  const results: Record<string, ReturnType<typeof stats>> = {};
  for (const [label, notify] of [['listen-notify', 'true'], ['poll-only', 'false']] as const) {
    const database = await separateDatabase();
    cleanup.push(database.drop);
    const [a, b] = await startInstances(2, { name: label, env: { ...database.env, ...s3.env(), CRON_ENABLED: 'false', CHANGE_NOTIFY: notify } });
    cleanup.push(() => Promise.all([a.stop(), b.stop()]));
    const { fullAccess } = await backOffice(a.url);
    const { publish, remove } = await measure(a, b, fullAccess);
    results[`${label} publish`] = stats(publish);
    results[`${label} delete`] = stats(remove);
  }
  console.table(results);
  const ratio = (kind: string) => (results[`poll-only ${kind}`].median / results[`listen-notify ${kind}`].median).toFixed(1);
  console.log(`median poll-only / LISTEN-NOTIFY: publish ${ratio('publish')}×, delete ${ratio('delete')}×`);
});
