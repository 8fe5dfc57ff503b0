/**
 * CSV import of the directory: a dry run reports every problem by row and
 * column; the commit upserts by `contactKey` in one transaction, so one bad
 * row saves nothing. An empty cell clears the field; a column left out of
 * the file leaves the field untouched.
 */
import type { Core } from '@strapi/strapi';
import { errors, yup } from '@strapi/utils';
import { parse } from 'csv-parse/sync';
import { ERRORS, UIDS } from '../constants';
import { getService, pluginConfig } from '../utils/get-service';
import { COLUMNS, type Column } from './columns';
import type { AdminUser } from './audit';

export interface Problem {
  /** Line of the file, the header being row 1. */
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  creates: number;
  updates: number;
  problems: Problem[];
}

type Row = { line: number; values: Record<string, string> };
type ContactData = Record<string, unknown>;

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TRUE = ['true', '1', 'si', 'sí', 'yes'];
const FALSE = ['false', '0', 'no'];
const emailSchema = yup.string().email();

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return DATE_PATTERN.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** Excel in Spanish saves with semicolons: take whichever separator the header uses more. */
const detectDelimiter = (csv: string) => {
  const header = csv.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const attribute = (name: string) => (strapi.contentTypes[UIDS.contact] as any).attributes[name] ?? {};

  function parseRows(csv: string): { header: string[]; rows: Row[] } {
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      records = parse(csv, { bom: true, delimiter: detectDelimiter(csv), info: true, skip_empty_lines: true, trim: true }) as any;
    } catch (error: any) {
      throw new errors.ValidationError(ERRORS.CSV_UNREADABLE.message, {
        code: ERRORS.CSV_UNREADABLE.code,
        problems: [{ row: error.lines ?? null, column: null, code: error.code ?? 'CSV_UNREADABLE', message: String(error.message) }],
      });
    }
    if (records.length < 2) throw new errors.ValidationError(ERRORS.IMPORT_EMPTY.message, { code: ERRORS.IMPORT_EMPTY.code });
    const header = records[0].record;
    // What the export neutralised against formula injection is read back as it was.
    const { restore } = pluginConfig(strapi).spreadsheetCells!;
    const rows = records.slice(1).map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(header.map((name, i) => [name, restore(record[i] ?? '')])),
    }));
    return { header, rows };
  }

  /** Problems of one cell, and the value to store. */
  function checkCell(column: Column, raw: string, lookups: Lookups): { value?: unknown; problem?: [string, string] } {
    if (raw === '') return column.required ? { problem: ['REQUIRED', 'El campo es obligatorio.'] } : { value: null };
    const attr = attribute(column.name);
    if (attr.maxLength && raw.length > attr.maxLength) return { problem: ['TOO_LONG', `Máximo ${attr.maxLength} caracteres.`] };
    switch (column.kind) {
      case 'email':
        return emailSchema.isValidSync(raw) ? { value: raw } : { problem: ['INVALID_EMAIL', 'El correo electrónico no es válido.'] };
      case 'phone':
        return new RegExp(attr.regex).test(raw) ? { value: raw } : { problem: ['INVALID_PHONE', 'El teléfono no es válido.'] };
      case 'date':
        return isRealDate(raw) ? { value: raw } : { problem: ['INVALID_DATE', 'La fecha debe tener el formato AAAA-MM-DD.'] };
      case 'datetime':
        return Number.isNaN(Date.parse(raw)) ? { problem: ['INVALID_DATETIME', 'La fecha y hora no es válida (ISO 8601).'] } : { value: new Date(raw).toISOString() };
      case 'integer': {
        const n = Number(raw);
        return Number.isInteger(n) && n >= (attr.min ?? 1) && n <= (attr.max ?? 9999)
          ? { value: n }
          : { problem: ['INVALID_NUMBER', `Debe ser un número entero entre ${attr.min ?? 1} y ${attr.max ?? 9999}.`] };
      }
      case 'boolean': {
        const v = raw.toLowerCase();
        if (TRUE.includes(v)) return { value: true };
        if (FALSE.includes(v)) return { value: false };
        return { problem: ['INVALID_BOOLEAN', 'Use «true» o «false».'] };
      }
      case 'institution': {
        const id = lookups.institutions.get(raw.toLowerCase());
        return id ? { value: id } : { problem: ['UNKNOWN_INSTITUTION', `No existe la institución «${raw}».`] };
      }
      case 'office': {
        const id = lookups.offices.get(raw.toLowerCase());
        return id ? { value: id } : { problem: ['UNKNOWN_PRECEDENCE_OFFICE', `No existe el cargo «${raw}» en los rangos de precedencia.`] };
      }
      default:
        if (column.name === 'contactKey' && !KEY_PATTERN.test(raw)) {
          return { problem: ['INVALID_KEY', 'La clave solo admite minúsculas, números y guiones (p. ej. alcalde-provincial).'] };
        }
        return { value: raw };
    }
  }

  type Lookups = { institutions: Map<string, string>; offices: Map<string, string>; existing: Map<string, string> };

  async function loadLookups(keys: string[]): Promise<Lookups> {
    const institutions = new Map<string, string>();
    for (const i of (await strapi.db.query(UIDS.institution).findMany({ select: ['documentId', 'name', 'acronym'] })) as any[]) {
      institutions.set(i.name.toLowerCase(), i.documentId);
      if (i.acronym) institutions.set(i.acronym.toLowerCase(), i.documentId);
    }
    const offices = new Map<string, string>();
    for (const r of (await strapi.db.query(UIDS.precedenceRank).findMany({ select: ['documentId', 'officeTitle'] })) as any[]) {
      offices.set(r.officeTitle.toLowerCase(), r.documentId);
    }
    const existing = new Map<string, string>();
    const found = (await strapi.db.query(UIDS.contact).findMany({ where: { contactKey: { $in: keys } }, select: ['documentId', 'contactKey'] })) as any[];
    for (const c of found) existing.set(c.contactKey, c.documentId);
    return { institutions, offices, existing };
  }

  /** Every problem of the file, and the data of each row. */
  async function analyse(csv: string, writablePersonal: string[]) {
    const { header, rows } = parseRows(csv);
    const maxRows = pluginConfig(strapi).importMaxRows;
    if (rows.length > maxRows) {
      throw new errors.ValidationError(ERRORS.IMPORT_TOO_LARGE.message, { code: ERRORS.IMPORT_TOO_LARGE.code, maxRows, rows: rows.length });
    }
    const problems: Problem[] = [];
    const add = (row: number, column: string | null, code: string, message: string) => problems.push({ row, column, code, message });

    const known = new Map(COLUMNS.map((c) => [c.name, c]));
    const seenHeader = new Set<string>();
    for (const name of header) {
      if (!known.has(name)) add(1, name, 'UNKNOWN_COLUMN', `Columna desconocida «${name}».`);
      else if (seenHeader.has(name)) add(1, name, 'DUPLICATE_COLUMN', `La columna «${name}» aparece dos veces.`);
      seenHeader.add(name);
    }
    for (const c of COLUMNS) if (c.required && !seenHeader.has(c.name)) add(1, c.name, 'MISSING_COLUMN', `Falta la columna obligatoria «${c.name}».`);
    const columns = COLUMNS.filter((c) => seenHeader.has(c.name));

    const lookups = await loadLookups(rows.map((r) => r.values.contactKey).filter(Boolean));
    const firstLineOfKey = new Map<string, number>();
    const parsed: Array<{ key: string; data: ContactData }> = [];

    for (const { line, values } of rows) {
      const data: ContactData = {};
      for (const column of columns) {
        const raw = values[column.name] ?? '';
        if (column.personal && raw !== '' && !writablePersonal.includes(column.name)) {
          add(line, column.name, 'PERSONAL_DATA_FORBIDDEN', 'Su rol no puede registrar datos personales.');
          continue;
        }
        const { value, problem } = checkCell(column, raw, lookups);
        if (problem) add(line, column.name, problem[0], problem[1]);
        else data[column.name === 'precedenceOffice' ? 'precedence' : column.name] = value;
      }
      const key = values.contactKey;
      if (key) {
        const first = firstLineOfKey.get(key);
        if (first) add(line, 'contactKey', 'DUPLICATE_KEY', `La clave «${key}» ya aparece en la fila ${first}.`);
        else firstLineOfKey.set(key, line);
      }
      if (data.precedenceRank != null && !data.precedenceOverrideReason) {
        add(line, 'precedenceOverrideReason', ERRORS.OVERRIDE_REASON_REQUIRED.code, ERRORS.OVERRIDE_REASON_REQUIRED.message);
      }
      if (typeof data.termStart === 'string' && typeof data.termEnd === 'string' && data.termEnd < data.termStart) {
        add(line, 'termEnd', 'INVALID_TERM', 'El fin del período es anterior a su inicio.');
      }
      parsed.push({ key, data });
    }
    const updates = parsed.filter((p) => lookups.existing.has(p.key)).length;
    const report: ImportReport = {
      dryRun: true,
      valid: problems.length === 0,
      rows: rows.length,
      creates: parsed.length - updates,
      updates,
      problems: problems.sort((a, b) => a.row - b.row),
    };
    return { report, parsed, existing: lookups.existing, personalData: columns.some((c) => c.personal) };
  }

  return {
    async dryRun(csv: string, writablePersonal: string[]): Promise<ImportReport> {
      return (await analyse(csv, writablePersonal)).report;
    },

    /** Saves every row or none; records the import in the audit trail. */
    async commit(csv: string, writablePersonal: string[], user: AdminUser): Promise<ImportReport> {
      const { report, parsed, existing, personalData } = await analyse(csv, writablePersonal);
      if (!report.valid) throw new errors.ValidationError(ERRORS.IMPORT_INVALID.message, { code: ERRORS.IMPORT_INVALID.code, ...report });
      await strapi.db.transaction(async () => {
        for (const { key, data } of parsed) {
          const documentId = existing.get(key);
          if (documentId) await strapi.documents(UIDS.contact).update({ documentId, data } as any);
          else await strapi.documents(UIDS.contact).create({ data } as any);
        }
        await getService(strapi, 'audit').record({
          operation: 'import',
          user,
          recordCount: parsed.length,
          personalData,
          details: { creates: report.creates, updates: report.updates },
        });
      });
      return { ...report, dryRun: false };
    },
  };
};
