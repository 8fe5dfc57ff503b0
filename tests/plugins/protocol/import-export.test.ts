// CSV import (dry run, all-or-nothing commit upserting by contactKey), CSV and
// vCard exports per role, and the audit trail of both.
import { parse } from 'csv-parse/sync';
import { app, adminWithRole, type AdminSession } from '../../helpers/app';
import { suffix } from '../../helpers/fixtures';
import { CONTACT, createContact, createInstitution, createRank, protocolApi } from './helpers';

const AUDIT = 'plugin::protocol.directory-audit';
const users: Record<string, AdminSession> = {};
let institutionName: string;
let officeTitle: string;
let tag: string;

const HEADER = 'contactKey,treatment,givenName,familyName,position,institution,precedenceOffice,institutionalEmail,personalEmail,birthday,active';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const countContacts = () => app().db.query(CONTACT).count();
const auditCount = () => app().db.query(AUDIT as any).count();

beforeAll(async () => {
  for (const code of ['protocolo', 'gerente-comunicaciones', 'redactor', 'archivo']) users[code] = await adminWithRole(code);
  const institution = await createInstitution('Prefectura');
  institutionName = institution.name;
  officeTitle = (await createRank(80)).officeTitle;
  tag = suffix();
});

describe('CSV import', () => {
  it('a dry run reports every problem by row and column and saves nothing', async () => {
    const before = await countContacts();
    const file = csv(
      `ok-${tag},Señor,Luis,Quispe,Prefecto,${institutionName},${officeTitle},prefecto@gob.pe,luis@example.com,1970-01-02,true`,
      `bad-${tag},Señor,,Mamani,Subprefecto,Institución inexistente,${officeTitle},no-es-correo,luis@example,1970-13-40,quizas`,
      `ok-${tag},Señora,Ana,Duplicada,Prefecta,${institutionName},,,,,true`
    );
    const res = await protocolApi(users.protocolo).post('/directory/import', { csv: file, dryRun: true });
    expect(res.status).toBe(200);
    const report = res.body.data;
    expect(report).toMatchObject({ dryRun: true, valid: false, rows: 3, creates: 3, updates: 0 });
    const problems = report.problems.map((p: any) => [p.row, p.column, p.code]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [3, 'givenName', 'REQUIRED'],
        [3, 'institution', 'UNKNOWN_INSTITUTION'],
        [3, 'institutionalEmail', 'INVALID_EMAIL'],
        [3, 'personalEmail', 'INVALID_EMAIL'],
        [3, 'birthday', 'INVALID_DATE'],
        [3, 'active', 'INVALID_BOOLEAN'],
        [4, 'contactKey', 'DUPLICATE_KEY'],
      ])
    );
    expect(problems).toHaveLength(7);
    expect(report.problems.every((p: any) => typeof p.message === 'string' && p.message.length > 0)).toBe(true);
    expect(await countContacts()).toBe(before);
  });

  it('a commit with one bad row saves nothing and answers 400 with the report', async () => {
    const before = await countContacts();
    const audits = await auditCount();
    const file = csv(
      `first-${tag},Señor,Luis,Quispe,Prefecto,${institutionName},,prefecto@gob.pe,,,true`,
      `second-${tag},Señora,Rosa,Condori,Subprefecta,${institutionName},,mal@correo,,,true`
    );
    const res = await protocolApi(users.protocolo).post('/directory/import', { csv: file, dryRun: false });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('IMPORT_INVALID');
    expect(res.body.error.message).toMatch(/no se guardó ningún contacto/);
    expect(res.body.error.details.problems).toEqual([expect.objectContaining({ row: 3, column: 'institutionalEmail', code: 'INVALID_EMAIL' })]);
    expect(await countContacts()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('a valid commit creates and updates by contactKey in one go, and is audited', async () => {
    const existing = await createContact({ contactKey: `upd-${tag}`, givenName: 'Antes', familyName: 'Viejo', position: 'Cargo anterior' });
    const before = await countContacts();
    const file = [
      'contactKey;treatment;givenName;familyName;position;institution;precedenceOffice;personalEmail;active',
      `upd-${tag};Señor;Después;Nuevo;Cargo nuevo;${institutionName};${officeTitle};nuevo@example.com;true`,
      `new-${tag};Señora;Nueva;Persona;Directora;${institutionName};;;true`,
    ].join('\r\n');
    const res = await protocolApi(users.protocolo).post('/directory/import', { csv: file, dryRun: false });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ dryRun: false, valid: true, creates: 1, updates: 1 });
    expect(await countContacts()).toBe(before + 1);
    const updated = await app().documents(CONTACT).findOne({ documentId: existing.documentId, populate: ['precedence', 'institution'] } as any);
    expect(updated).toMatchObject({ givenName: 'Después', position: 'Cargo nuevo', personalEmail: 'nuevo@example.com' });
    expect(updated!.precedence.officeTitle).toBe(officeTitle);
    expect(updated!.institution.name).toBe(institutionName);
    // Columns left out of the file stay as they were.
    expect(updated!.personalPhone).toBe('+51 952 111 222');

    const audit = await app().db.query(AUDIT as any).findOne({ where: { operation: 'import' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ adminUserId: users.protocolo.id, adminUserEmail: users.protocolo.email, recordCount: 2, personalData: true });
  });

  it('refuses an unreadable or empty file with a code', async () => {
    const empty = await protocolApi(users.protocolo).post('/directory/import', { csv: HEADER, dryRun: true });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.code).toBe('IMPORT_EMPTY');
    const broken = await protocolApi(users.protocolo).post('/directory/import', { csv: `${HEADER}\n"a,b`, dryRun: true });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.code).toBe('CSV_UNREADABLE');
  });

  it.each(['redactor', 'archivo'])('%s cannot import', async (code) => {
    const res = await protocolApi(users[code]).post('/directory/import', { csv: csv(`x-${tag},Señor,A,B,C,,,,,,true`), dryRun: false });
    expect(res.status).toBe(403);
  });
});

describe('exports', () => {
  let contact: any;
  beforeAll(async () => {
    contact = await createContact({ contactKey: `exp-${tag}`, givenName: 'Exportada', familyName: `Prueba ${tag}`, position: 'Regidora' });
  });
  const exportAs = (code: string, format: 'csv' | 'vcard') =>
    protocolApi(users[code]).post('/directory/export', { format, documentIds: [contact.documentId] });

  it.each(['protocolo', 'gerente-comunicaciones'])('%s exports CSV with personal fields, audited', async (code) => {
    const res = await exportAs(code, 'csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(res.text, { bom: true, columns: true }) as any[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ contactKey: `exp-${tag}`, givenName: 'Exportada', personalEmail: 'rosa.personal@example.com', birthday: '1980-05-14' });
    const audit = await app().db.query(AUDIT as any).findOne({ where: { operation: 'export-csv', adminUserId: users[code].id }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ recordCount: 1, personalData: true });
  });

  it('exports vCard 4.0 with personal fields for Protocolo', async () => {
    const res = await exportAs('protocolo', 'vcard');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/vcard/);
    const text = res.text;
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(text).toContain(`N:Prueba ${tag};Exportada;;Señora Regidora;`);
    expect(text).toContain('EMAIL;TYPE=home:rosa.personal@example.com');
    expect(text).toContain('TEL;VALUE=uri;TYPE=home:tel:+51952111222');
    expect(text).toContain('BDAY:19800514');
    expect(text.trimEnd().endsWith('END:VCARD')).toBe(true);
    const audit = await app().db.query(AUDIT as any).findOne({ where: { operation: 'export-vcard' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ adminUserId: users.protocolo.id, recordCount: 1, personalData: true });
  });

  it('a role whose field permissions withhold personal data exports without it (and the audit says so)', async () => {
    // A copy of the Gerente's permissions without the personal fields: the export follows field permissions.
    const roles = app().service('admin::role');
    const gerente = await roles.findOne({ code: 'gerente-comunicaciones' });
    const role = await roles.create({ name: `Gerente sin datos personales ${tag}`, code: `gerente-sin-${tag}`, description: 'prueba' });
    const permissions = (await app().db.query('admin::permission').findMany({ where: { role: gerente.id } })) as any[];
    await roles.assignPermissions(
      role.id,
      permissions.map((p) => ({
        action: p.action,
        subject: p.subject,
        conditions: p.conditions,
        properties: p.subject === CONTACT && Array.isArray(p.properties?.fields)
          ? { ...p.properties, fields: p.properties.fields.filter((f: string) => !/^(personal|birthday|consent\.evidence)/.test(f)) }
          : p.properties,
      }))
    );
    users.restricted = await adminWithRole(`gerente-sin-${tag}`);
    const csvRes = await exportAs('restricted', 'csv');
    expect(csvRes.status).toBe(200);
    const header = csvRes.text.replace(/^\ufeff/, '').split('\r\n')[0].split(',');
    for (const field of ['personalPhone', 'personalEmail', 'personalAddress', 'birthday']) expect(header).not.toContain(field);
    expect(csvRes.text).not.toContain('rosa.personal@example.com');
    const vcard = await exportAs('restricted', 'vcard');
    expect(vcard.text).not.toContain('rosa.personal@example.com');
    expect(vcard.text).not.toContain('BDAY');
    const audit = await app().db.query(AUDIT as any).findOne({ where: { adminUserId: users.restricted.id }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ operation: 'export-vcard', personalData: false });
    // Importing personal data is refused for that role, row by row.
    const res = await protocolApi(users.restricted).post('/directory/import', {
      csv: csv(`r-${tag},Señor,A,B,C,,,,secreto@example.com,,true`),
      dryRun: true,
    });
    expect(res.body.data.problems).toEqual([expect.objectContaining({ row: 2, column: 'personalEmail', code: 'PERSONAL_DATA_FORBIDDEN' })]);
  });

  it.each(['redactor', 'archivo'])('%s cannot export', async (code) => {
    expect((await exportAs(code, 'csv')).status).toBe(403);
  });

  it('the audit trail is append-only', async () => {
    const row = await app().db.query(AUDIT as any).findOne({ orderBy: { id: 'desc' } });
    await expect(app().db.query(AUDIT as any).update({ where: { id: row.id }, data: { recordCount: 0 } })).rejects.toThrow(/no se puede modificar/);
    await expect(app().db.query(AUDIT as any).delete({ where: { id: row.id } })).rejects.toThrow(/no se puede modificar/);
    expect(await app().db.query(AUDIT as any).findOne({ where: { id: row.id } })).toMatchObject({ recordCount: row.recordCount });
  });

  it('an export re-imports unchanged (round trip)', async () => {
    const exported = await exportAs('protocolo', 'csv');
    const res = await protocolApi(users.protocolo).post('/directory/import', { csv: exported.text, dryRun: true });
    expect(res.body.data).toMatchObject({ valid: true, rows: 1, creates: 0, updates: 1 });
  });
});
