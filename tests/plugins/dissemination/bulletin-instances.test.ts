// Two Strapi processes on one PostgreSQL, both running the bulletin cron every second:
// the period's bulletin is written and e-mailed once. PostgreSQL only (a SQLite file is
// not shared by two machines).
import { Client } from 'pg';
import { startInstances, type Instance } from '../../helpers/instances';
import { startMailbox, type Mailbox } from '../../helpers/smtp';
import { separateDatabase } from '../../helpers/test-database';
import { backOffice, call } from '../../storage/support';

const describeOnPostgres = process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip;

let a: Instance;
let b: Instance;
let mail: Mailbox;
let database: Awaited<ReturnType<typeof separateDatabase>>;

const query = async (sql: string) => {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${database.env.DATABASE_SCHEMA}"`);
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

describeOnPostgres('the bulletin with two instances', () => {
  beforeAll(async () => {
    [database, mail] = await Promise.all([separateDatabase(), startMailbox()]);
    [a, b] = await startInstances(2, {
      name: 'bulletin',
      env: {
        ...database.env,
        CRON_ENABLED: 'true',
        DIARIO_OFICIAL_WORKER: 'false',
        DISSEMINATION_BULLETIN: 'true',
        DISSEMINATION_BULLETIN_CRON: '* * * * * *',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.port),
        SMTP_IGNORE_TLS: 'true',
      },
    });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([database?.drop(), mail?.close()]);
  });

  it('is sent once per period', async () => {
    const { admin } = await backOffice(a.url);
    const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
    const body = await call(a.url, 'POST', cm('api::municipal-body.municipal-body'), { token: admin, body: { name: 'Gerencia Municipal', email: 'gerencia@municipalidad.test', subjects: ['all'] } });
    expect(body.status).toBe(201);
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const ceremony = await call(a.url, 'POST', cm('api::ceremony.ceremony'), {
      token: admin,
      body: { title: 'Sesión solemne por el aniversario', slug: 'sesion-solemne', kind: 'civic', startsAt, venue: 'Salón consistorial', isPublic: false },
    });
    expect(ceremony.status).toBe(201);
    // Both instances run the bulletin every second from here on.
    expect((await call(b.url, 'POST', `${cm('api::ceremony.ceremony')}/${ceremony.body.data.documentId}/actions/publish`, { token: admin, body: {} })).status).toBe(200);

    const deadline = Date.now() + 30_000;
    while (!mail.to('gerencia@municipalidad.test').length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 4000)); // several more runs on both
    const rows = await query(`SELECT id, period_key FROM dissemination_circulars WHERE kind = 'bulletin'`);
    expect(rows).toHaveLength(1);
    const mails = mail.to('gerencia@municipalidad.test');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/^Boletín del /);
    expect(mails[0].text).toContain('Sesión solemne por el aniversario');
    const deliveries = await query(`SELECT status, attempts FROM dissemination_deliveries`);
    expect(deliveries).toEqual([{ status: 'sent', attempts: 1 }]);
  }, 90_000);
});
