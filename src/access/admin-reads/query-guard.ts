// The admin's query guard: `_q`, `filters`, `sort`, `fields` and `populate` of a
// content-manager request see exactly what the role may read, at any depth.
// A field the role cannot read is dropped (as Strapi does for the fields of
// the type itself), so the answer never depends on it; a relation into a type
// the role cannot read is dropped whole; `_q` becomes a search over the
// readable text fields only. An unknown field or operator is a 400.
import { isOperatorOfType } from '@strapi/utils';
import { ADMIN_USER_FIELDS, ADMIN_USER_UID, FILE_UID, type ReadableModel, type Schema } from './readable-model';
import { invalidQuery } from './errors';

/** Where a walk stands: the schema (type or component) and the type whose field permissions apply. */
interface Position {
  schemaUid: string;
  typeUid: string;
  prefix: string;
}

const LOGICAL = ['$and', '$or'];
/** The text types the database's `_q` search looks in (@strapi/database STRING_TYPES). */
const SEARCHED_TEXT = ['string', 'text', 'uid', 'email', 'enumeration', 'richtext'];
const SEARCHED_NUMBERS = ['integer', 'biginteger', 'float', 'decimal'];
const NON_SCALAR = ['relation', 'component', 'dynamiczone', 'media'];
const OPTIONAL_FIELDS = ['id', 'documentId', 'publishedAt', 'locale', 'createdAt', 'updatedAt'];
/** Columns every type has that its schema does not list. */
const SYSTEM_ATTRIBUTES: Record<string, { type: string }> = { id: { type: 'increments' }, documentId: { type: 'string' } };

const isPlainObject = (value: unknown): value is Record<string, any> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmptyObject = (value: unknown) => isPlainObject(value) && Object.keys(value).length === 0;
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);
const at = (uid: string): Position => ({ schemaUid: uid, typeUid: uid, prefix: '' });

export interface GuardOptions {
  /** Populate is refused altogether (routes that return rows without output sanitizing). */
  populate?: boolean;
}

export function createQueryGuard(model: ReadableModel) {
  function schemaOf(uid: string): Schema {
    const schema = model.schema(uid);
    if (!schema) throw invalidQuery(`el modelo ${uid} no existe.`);
    return schema;
  }

  function attributeOf(pos: Position, key: string, where: string) {
    const attribute = schemaOf(pos.schemaUid).attributes[key] ?? SYSTEM_ATTRIBUTES[key];
    if (!attribute) throw invalidQuery(`«${key}» no es un campo de ${pos.schemaUid} (${where}).`, { param: where, field: key });
    return attribute;
  }

  /** Admin users and files are not content-manager types: Strapi's own limits apply to them. */
  const isForeign = (pos: Position) => pos.typeUid === ADMIN_USER_UID || pos.typeUid === FILE_UID;

  const readable = (pos: Position, key: string) =>
    key in SYSTEM_ATTRIBUTES || (isForeign(pos) ? foreignFieldAllowed(pos, key) : model.canReadPath(pos.typeUid, join(pos.prefix, key)));

  /** The position a relation or component leads to, or null when the role may not go there. */
  function step(pos: Position, key: string, attribute: any): Position | null {
    if (attribute.type === 'component') return { schemaUid: attribute.component, typeUid: pos.typeUid, prefix: join(pos.prefix, key) };
    if (attribute.type === 'media') return at(FILE_UID);
    if (attribute.type === 'relation') {
      const target = attribute.target as string;
      if (target === ADMIN_USER_UID || target === FILE_UID) return at(target);
      return model.canReadType(target) ? at(target) : null;
    }
    return null;
  }

  /** What may be asked of an admin user (Strapi's allowed fields) or a file (its own scalar fields). */
  function foreignFieldAllowed(pos: Position, key: string) {
    if (pos.typeUid === ADMIN_USER_UID) return ADMIN_USER_FIELDS.includes(key);
    if (pos.typeUid === FILE_UID) return key === 'id' || !NON_SCALAR.includes(schemaOf(FILE_UID).attributes[key]?.type);
    return true;
  }

  function guardFilters(filters: unknown, pos: Position): unknown {
    if (Array.isArray(filters)) return filters.map((f) => guardFilters(f, pos)).filter((f) => !isEmptyObject(f));
    if (!isPlainObject(filters)) return filters;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(filters)) {
      if (LOGICAL.includes(key)) {
        if (!Array.isArray(value) && !isPlainObject(value)) throw invalidQuery(`${key} debe ser una lista de condiciones.`, { param: 'filters', operator: key });
        const branches = (Array.isArray(value) ? value : Object.values(value)).map((f) => guardFilters(f, pos)).filter((f) => !isEmptyObject(f));
        if (branches.length) out[key] = branches;
        continue;
      }
      if (key === '$not') {
        const inner = guardFilters(value, pos);
        if (!isEmptyObject(inner)) out[key] = inner;
        continue;
      }
      if (key.startsWith('$')) {
        // A comparison right under a relation or a field ($eq, $null, ...): Strapi applies it there.
        if (!isOperatorOfType('where', key)) throw invalidQuery(`el operador ${key} no existe.`, { param: 'filters', operator: key });
        out[key] = value;
        continue;
      }
      const attribute = attributeOf(pos, key, 'filters');
      if (!readable(pos, key)) continue;
      if (!NON_SCALAR.includes(attribute.type)) {
        out[key] = value;
        continue;
      }
      if (attribute.type === 'dynamiczone') continue;
      const next = step(pos, key, attribute);
      if (!next) continue;
      if (!isPlainObject(value)) {
        out[key] = value; // shorthand for the related id
        continue;
      }
      // Operators right under a relation apply to its id: keep them, walk the rest.
      const nested = guardFilters(value, next) as Record<string, unknown>;
      if (!isEmptyObject(nested)) out[key] = nested;
    }
    return out;
  }

  /** Sort in any of Strapi's shapes, as a list of "path:order". */
  function sortPaths(sort: unknown, prefix = ''): string[] {
    if (typeof sort === 'string') return sort.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (prefix ? `${prefix}.${s}` : s));
    if (Array.isArray(sort)) return sort.flatMap((s) => sortPaths(s, prefix));
    if (isPlainObject(sort)) {
      return Object.entries(sort).flatMap(([key, value]) =>
        typeof value === 'string' ? [`${join(prefix, key)}:${value}`] : sortPaths(value, join(prefix, key))
      );
    }
    throw invalidQuery('sort debe ser un campo, una lista de campos o un objeto.', { param: 'sort' });
  }

  function guardSort(sort: unknown, root: Position) {
    const kept: string[] = [];
    for (const item of sortPaths(sort)) {
      const [path, order = 'asc', ...rest] = item.split(':');
      if (rest.length || !['asc', 'desc'].includes(order.toLowerCase())) throw invalidQuery(`«${item}»: el orden debe ser asc o desc.`, { param: 'sort' });
      let pos: Position | null = root;
      const keys = path.split('.');
      for (const [i, key] of keys.entries()) {
        const attribute = attributeOf(pos!, key, 'sort');
        if (!readable(pos!, key)) {
          pos = null;
          break;
        }
        const last = i === keys.length - 1;
        if (last) {
          if (NON_SCALAR.includes(attribute.type)) throw invalidQuery(`no se puede ordenar por «${path}».`, { param: 'sort' });
        } else {
          if (!NON_SCALAR.includes(attribute.type) || attribute.type === 'dynamiczone') throw invalidQuery(`«${path}» no es una ruta válida.`, { param: 'sort' });
          pos = step(pos!, key, attribute);
          if (!pos) break;
        }
      }
      if (pos) kept.push(`${path}:${order.toLowerCase()}`);
    }
    return kept;
  }

  function guardFields(fields: unknown, pos: Position) {
    const list = typeof fields === 'string' ? fields.split(',').map((f) => f.trim()).filter(Boolean) : fields;
    if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) throw invalidQuery('fields debe ser una lista de campos.', { param: 'fields' });
    return list.filter((key) => {
      // The content manager itself asks for these on every type, whether it has them or not.
      if (OPTIONAL_FIELDS.includes(key) && !schemaOf(pos.schemaUid).attributes[key]) return key in SYSTEM_ATTRIBUTES;
      const attribute = attributeOf(pos, key, 'fields');
      if (NON_SCALAR.includes(attribute.type)) throw invalidQuery(`«${key}» no es un campo simple: use populate.`, { param: 'fields', field: key });
      return readable(pos, key);
    });
  }

  /** Scalar fields of a position the role reads, when it may not read them all (else undefined: no restriction needed). */
  function readableScalars(pos: Position): string[] | undefined {
    const scalars = Object.entries(schemaOf(pos.schemaUid).attributes)
      .filter(([, attribute]) => !NON_SCALAR.includes(attribute.type))
      .map(([key]) => key);
    const kept = scalars.filter((key) => readable(pos, key));
    return kept.length === scalars.length ? undefined : kept;
  }

  /** Populate in any of Strapi's shapes, as an object. */
  function populateObject(populate: unknown, pos: Position): Record<string, any> {
    if (populate === true || populate === '*' || populate === 'true') {
      return Object.fromEntries(
        Object.entries(schemaOf(pos.schemaUid).attributes)
          .filter(([, a]) => NON_SCALAR.includes(a.type))
          .map(([key]) => [key, true])
      );
    }
    if (typeof populate === 'string') return populateObject(populate.split(',').map((p) => p.trim()).filter(Boolean), pos);
    if (Array.isArray(populate)) {
      const out: Record<string, any> = {};
      for (const path of populate) {
        if (typeof path !== 'string') throw invalidQuery('populate debe ser una lista de campos.', { param: 'populate' });
        const [head, ...rest] = path.split('.');
        const nested = rest.length ? { populate: rest.join('.') } : true;
        out[head] = isPlainObject(out[head]) && isPlainObject(nested) ? { ...out[head], ...nested } : nested;
      }
      return out;
    }
    if (isPlainObject(populate)) return populate;
    throw invalidQuery('populate no tiene una forma válida.', { param: 'populate' });
  }

  function guardPopulate(populate: unknown, pos: Position): Record<string, any> {
    const out: Record<string, any> = {};
    for (const [key, value] of Object.entries(populateObject(populate, pos))) {
      const attribute = attributeOf(pos, key, 'populate');
      if (!NON_SCALAR.includes(attribute.type)) throw invalidQuery(`«${key}» no es una relación ni un componente.`, { param: 'populate', field: key });
      if (!readable(pos, key) || value === false || value === 'false') continue;
      if (attribute.type === 'dynamiczone') {
        const on = isPlainObject(value) && isPlainObject(value.on) ? value.on : null;
        out[key] = on
          ? { on: Object.fromEntries(Object.entries(on).map(([uid, v]) => [uid, guardNested(v, { schemaUid: uid, typeUid: pos.typeUid, prefix: join(pos.prefix, key) })])) }
          : true;
        continue;
      }
      const next = step(pos, key, attribute);
      if (!next) continue;
      out[key] = guardNested(value, next);
    }
    return out;
  }

  /** One populated relation or component: its own fields, filters, sort and populate, restricted to what the role reads. */
  function guardNested(value: unknown, pos: Position) {
    const options: Record<string, any> = isPlainObject(value) ? { ...value } : {};
    for (const key of Object.keys(options)) {
      if (!['fields', 'populate', 'filters', 'sort', 'count', 'on'].includes(key)) throw invalidQuery(`populate no admite «${key}».`, { param: 'populate' });
    }
    if (options.count) return { count: true };
    const restricted = readableScalars(pos);
    if (options.fields !== undefined) options.fields = guardFields(options.fields, pos);
    else if (restricted) options.fields = restricted;
    if (Array.isArray(options.fields) && !options.fields.length) options.fields = ['id'];
    if (options.filters !== undefined) options.filters = guardFilters(options.filters, pos);
    if (options.sort !== undefined) options.sort = guardSort(options.sort, pos);
    if (options.populate !== undefined) options.populate = guardPopulate(options.populate, pos);
    return Object.keys(options).length ? options : true;
  }

  /** `_q` as the database would search it, over the readable text (and, for a number, numeric) fields. */
  function searchFilter(q: string, pos: Position) {
    const numeric = q.trim() !== '' && !Number.isNaN(Number(q));
    const branches: Record<string, unknown>[] = numeric ? [{ id: { $eq: Number(q) } }] : [];
    for (const [key, attribute] of Object.entries(schemaOf(pos.schemaUid).attributes)) {
      if (attribute.searchable === false || !readable(pos, key)) continue;
      if (SEARCHED_TEXT.includes(attribute.type)) branches.push({ [key]: { $containsi: q } });
      else if (numeric && SEARCHED_NUMBERS.includes(attribute.type)) branches.push({ [key]: { $eq: Number(q) } });
    }
    return branches.length ? { $or: branches } : { id: { $null: true } };
  }

  return {
    /** A content-manager query on `uid` as the role may ask it. */
    guard(query: Record<string, any> | undefined, uid: string, options: GuardOptions = {}) {
      if (!isPlainObject(query)) return query;
      const root = at(uid);
      const out: Record<string, any> = { ...query };
      if (out.filters !== undefined) {
        out.filters = guardFilters(out.filters, root);
        if (isEmptyObject(out.filters)) delete out.filters;
      }
      if (out._q !== undefined) {
        if (typeof out._q !== 'string') throw invalidQuery('_q debe ser un texto.', { param: '_q' });
        const search = out._q ? searchFilter(out._q, root) : null;
        delete out._q;
        if (search) out.filters = out.filters ? { $and: [out.filters, search] } : search;
      }
      if (out.sort !== undefined) {
        out.sort = guardSort(out.sort, root);
        if (!out.sort.length) delete out.sort;
      }
      if (out.fields !== undefined) {
        out.fields = guardFields(out.fields, root);
        if (!out.fields.length) delete out.fields;
      }
      if (out.populate !== undefined) {
        if (options.populate === false) delete out.populate;
        else out.populate = guardPopulate(out.populate, root);
      }
      return out;
    },
  };
}
