/**
 * CSV and vCard 4.0 (RFC 6350) exports of a selection of the directory, in
 * precedence order; personal fields only for readers allowed to see them.
 * Every export is recorded in the audit trail.
 */
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { getService, pluginConfig } from '../utils/get-service';
import { uuidV5 } from '../utils/uuid';
import { columnsFor } from './columns';
import type { AdminUser } from './audit';
import type { Contact, DirectoryFilters } from './directory';

export type ExportFormat = 'csv' | 'vcard';

const csvValue = (contact: Contact, name: string) => {
  if (name === 'institution') return contact.institution?.name ?? '';
  if (name === 'precedenceOffice') return contact.precedence?.officeTitle ?? '';
  const value = contact[name];
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
};

export const toCsv = (contacts: Contact[], personalFields: string[]) => {
  const columns = columnsFor(personalFields).map((c) => c.name);
  // The BOM lets spreadsheet programs read the accents as UTF-8.
  return '\ufeff' + stringify([columns, ...contacts.map((c) => columns.map((name) => csvValue(c, name)))], { record_delimiter: '\r\n' });
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

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(format: ExportFormat, selection: DirectoryFilters, personalFields: string[], user: AdminUser) {
    const contacts = await getService(strapi, 'directory').load(selection);
    const personalData = personalFields.length > 0;
    const body = format === 'csv' ? toCsv(contacts, personalFields) : toVCard(contacts, personalFields, pluginConfig(strapi).calendarDomain);
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
