/**
 * CSV and vCard 4.0 (RFC 6350) exports of a selection of the directory, in
 * precedence order; personal fields only for readers allowed to see them.
 * Every export is recorded in the audit trail.
 */
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { getService, pluginConfig } from '../utils/get-service';
import { uuidV5 } from '../utils/uuid';
import type { SpreadsheetCells } from '../config';
import { columnsFor } from './columns';
import type { AdminUser } from './audit';
import type { Contact, DirectoryFilters } from './directory';
import type { DirectoryAccess } from './personal-access';

export type ExportFormat = 'csv' | 'vcard';

const csvValue = (contact: Contact, name: string) => {
  if (name === 'institution') return contact.institution?.name ?? '';
  if (name === 'precedenceOffice') return contact.precedence?.officeTitle ?? '';
  const value = contact[name];
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
};

/** Every cell made safe for spreadsheets (formula injection); the import restores it. */
export const toCsv = (contacts: Contact[], access: DirectoryAccess, cells: SpreadsheetCells) => {
  const columns = columnsFor(access).map((c) => c.name);
  const rows = contacts.map((c) => columns.map((name) => cells.neutralize(csvValue(c, name))));
  // The BOM lets spreadsheet programs read the accents as UTF-8.
  return '\ufeff' + stringify([columns, ...rows], { record_delimiter: '\r\n', ...cells.csvOptions });
};

/**
 * RFC 6350 §3.4 text escaping: backslash, comma and newline always; the semicolon only in
 * the fields of compound properties (N, ADR, ORG), where it separates them. Elsewhere it
 * "MAY" be escaped, and some readers (ical.js) would keep the backslash.
 */
const escapeText = (value: string, compound = false) => {
  const escaped = value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
  return compound ? escaped.replace(/;/g, '\\;') : escaped;
};
const escapeField = (value: string) => escapeText(value, true);

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
const fold = (line: string) => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length ? 74 : 75; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

const telUri = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

/** RFC 6350 UID: a UUID URN (RFC 4122) derived from the documentId, the same at every export. */
export const contactUid = (documentId: string, domain: string) => `urn:uuid:${uuidV5(`https://${domain}/protocol-contacts/${documentId}`)}`;

export const toVCard = (contacts: Contact[], personalFields: string[], domain: string) => {
  const personal = (field: string) => personalFields.includes(field);
  const cards = contacts.map((c) => {
    const lines = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:individual',
      `UID:${contactUid(c.documentId, domain)}`,
      `FN:${escapeText(`${c.givenName} ${c.familyName}`)}`,
      `N:${escapeField(c.familyName)};${escapeField(c.givenName)};;${escapeField(c.treatment ?? '')};`,
      `TITLE:${escapeText(c.position)}`,
    ];
    if (c.institution?.name) lines.push(`ORG:${escapeField(c.institution.name)}`);
    if (c.institutionalEmail) lines.push(`EMAIL;TYPE=work:${c.institutionalEmail}`);
    if (c.institutionalPhone) lines.push(`TEL;VALUE=uri;TYPE=work:${telUri(c.institutionalPhone)}`);
    if (personal('personalEmail') && c.personalEmail) lines.push(`EMAIL;TYPE=home:${c.personalEmail}`);
    if (personal('personalPhone') && c.personalPhone) lines.push(`TEL;VALUE=uri;TYPE=home:${telUri(c.personalPhone)}`);
    if (personal('personalAddress') && c.personalAddress) lines.push(`ADR;TYPE=home:;;${escapeField(c.personalAddress)};;;;`);
    if (personal('birthday') && c.birthday) lines.push(`BDAY:${String(c.birthday).replace(/-/g, '')}`);
    lines.push('END:VCARD');
    return lines.map(fold).join('\r\n');
  });
  return cards.join('\r\n') + '\r\n';
};

/** A contact with only what the reader may read (the vCard is written from it). */
const readableOnly = (contact: Contact, access: DirectoryAccess): Contact => {
  const view: Contact = { documentId: contact.documentId };
  for (const field of access.contactFields) view[field] = contact[field] ?? null;
  if (contact.institution && access.contactFields.includes('institution')) {
    view.institution = Object.fromEntries(access.institutionFields.map((f) => [f, contact.institution[f] ?? null]));
  }
  return view;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(format: ExportFormat, selection: DirectoryFilters, access: DirectoryAccess, user: AdminUser) {
    const contacts = await getService(strapi, 'directory').load(selection, new Date(), access);
    const { personalFields } = access;
    const personalData = personalFields.length > 0;
    const body =
      format === 'csv' ? toCsv(contacts, access, pluginConfig(strapi).spreadsheetCells!) : toVCard(contacts.map((c) => readableOnly(c, access)), personalFields, pluginConfig(strapi).calendarDomain);
    await getService(strapi, 'audit').record({
      operation: format === 'csv' ? 'export-csv' : 'export-vcard',
      user,
      recordCount: contacts.length,
      personalData,
      details: { selection, personalFields },
    });
    const stamp = new Date().toISOString().slice(0, 10);
    return {
      body,
      count: contacts.length,
      personalData,
      filename: `directorio-protocolar-${stamp}.${format === 'csv' ? 'csv' : 'vcf'}`,
      contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'text/vcard; charset=utf-8',
    };
  },
});
