/**
 * The Content API query guard: the one place where a request's `filters`, `sort`,
 * `populate` and `fields` are checked and rewritten against what its caller may see.
 *
 * Two layers:
 * - `assertWellFormedQuery` (every /api request, every caller): the shape Strapi's
 *   query engine expects ($and/$or lists, operators on fields only, `$between` a
 *   pair, `$null` a boolean, strings where strings go…). Strapi's own validator
 *   checks keys against the schema but not these shapes, and the database layer
 *   answers a 500 for them.
 * - `guardReadQuery` (the routes of every content type, see src/access/scoped-router.ts):
 *   the caller's visible model (src/access/content-api.ts). For a restricted caller
 *   every relation hop, at any depth and inside $and/$or/$not, in filters and in the
 *   filters of a populate, may only reach types it may read and only their visible
 *   rows (`isPublic` where the type has it, published only where it has draft and
 *   publish). A relation filter is rewritten so that the rows it may not see behave
 *   exactly like no related row at all, also under `$not`:
 *     positive context:  rel: { $and: [visible, condition] }
 *     under a $not:      rel: { $or: [notVisible, condition] }
 *   so that NOT(...) is `visible AND NOT condition`. Sorting through a relation whose
 *   rows have such rules is refused (a join cannot be scoped for ORDER BY), and so are
 *   parameters that reveal unpublished work (`publicationFilter`, `hasPublishedVersion`).
 *
 * Strapi's `strapi.contentAPI.validate.query` still runs after this (the core
 * controllers call it): it checks the permission to `find` each relation target and
 * private attributes in filters and sort. It does not check the filters inside a
 * populate against permissions, knows nothing of `isPublic` or of draft rows reached
 * through `localizations`, lets a read-only token traverse every type, and leaves
 * malformed operands to the database; this guard closes those.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Attribute = Record<string, any>;
export type Model = { uid?: string; attributes: Record<string, Attribute>; options?: Record<string, any>; pluginOptions?: any };
type Where = Record<string, unknown>;

export const QUERY_ERROR_CODES = {
  filters: 'INVALID_FILTERS',
  sort: 'INVALID_SORT',
  populate: 'INVALID_POPULATE',
  fields: 'INVALID_FIELDS',
  pagination: 'INVALID_PAGINATION',
  locale: 'INVALID_LOCALE',
  status: 'INVALID_STATUS',
  parameter: 'INVALID_PARAMETER',
  notAllowed: 'QUERY_NOT_ALLOWED',
  tooComplex: 'QUERY_TOO_COMPLEX',
} as const;

/** What one caller may see; built per request by the route middleware. */
export interface Visibility {
  /** Restricted callers are scoped; a full-access token (the back office) is not. */
  restricted: boolean;
  /** May the caller reach documents of this type (media: always; components: but the back-office ones)? */
  canSee(uid: string): boolean;
  /** Conditions a row of this type must meet to be visible (empty: every row). */
  rowRules(uid: string): Where[];
  /** The negation of `rowRules`, true also where a column is NULL. */
  hiddenRows(uid: string): Where[];
}

const MAX_RELATION_HOPS = 5;
const MEDIA_UID = 'plugin::upload.file';
const GROUP = new Set(['$and', '$or']);
const FIELD_OPERATORS = new Set([
  '$not', '$in', '$notIn', '$eq', '$eqi', '$ne', '$nei', '$gt', '$gte', '$lt', '$lte', '$null', '$notNull',
  '$between', '$startsWith', '$endsWith', '$startsWithi', '$endsWithi', '$contains', '$notContains', '$containsi', '$notContainsi',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const BOOLEAN_OPERATORS = new Set(['$null', '$notNull']);
const NUMERIC_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
const DATE_TYPES = new Set(['date', 'datetime', 'timestamp']);
const POPULATE_KEYWORDS = new Set(['populate', 'filters', 'sort', 'fields', 'count', 'on']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const reject = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(message, { code, source: 'query', ...details });

// By tag, not by prototype: a query may be built in another realm (structuredClone, a vm).
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.prototype.toString.call(value) === '[object Object]';
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isScalarList = (value: unknown) => Array.isArray(value) && value.every(isScalar);
const isBooleanLike = (value: unknown) => typeof value === 'boolean' || (typeof value === 'string' && ['true', 'false', '1', '0', 't', 'f'].includes(value.toLowerCase()));
const isOperatorKey = (key: string) => key.startsWith('$');

/** qs turns more than `arrayLimit` items into an object with numeric keys: the same list. */
function asList(value: unknown, at: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k))) {
    return Object.keys(value)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => value[k]);
  }
  throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: se esperaba una lista de condiciones.`, { path: at });
}

// ---------------------------------------------------------------------------------------------
// Models

const componentOrModel = (strapi: Core.Strapi, uid: string) => strapi.getModel(uid as any) as unknown as Model | undefined;

/** The model a relational attribute leads to, or undefined for scalars. */
function targetUidOf(attribute: Attribute): string | undefined {
  if (attribute.type === 'relation') return attribute.target;
  if (attribute.type === 'component') return attribute.component;
  if (attribute.type === 'media') return MEDIA_UID;
  return undefined;
}

const isMorph = (attribute: Attribute) => attribute.type === 'relation' && (!attribute.target || String(attribute.relation).startsWith('morph'));

/** Attributes no Content API query may use, whoever asks (Strapi refuses them too). */
const isNeverQueryable = (attribute: Attribute) =>
  Boolean(attribute.private) || attribute.type === 'password' || attribute.type === 'dynamiczone' || isMorph(attribute);

const ID_ATTRIBUTES: Record<string, Attribute> = { id: { type: 'integer' }, documentId: { type: 'string' } };

// ---------------------------------------------------------------------------------------------
// Filters

interface Walk {
  strapi: Core.Strapi;
  visibility: Visibility | null;
}

/** Checks an operand against the attribute's type, so that the database never casts garbage. */
function checkValue(attribute: Attribute | null, value: unknown, at: string) {
  if (!isScalar(value)) throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: se esperaba un valor simple.`, { path: at });
  if (!attribute || value === null || value === '') return;
  const text = String(value);
  if (NUMERIC_TYPES.has(attribute.type) && !Number.isFinite(Number(text))) {
    throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: se esperaba un número.`, { path: at });
  }
  if (attribute.type === 'boolean' && !isBooleanLike(value)) {
    throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: se esperaba true o false.`, { path: at });
  }
  if (DATE_TYPES.has(attribute.type) && Number.isNaN(new Date(text).getTime())) {
    throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: se esperaba una fecha ISO 8601.`, { path: at });
  }
}

/** The value of a scalar attribute in a filter: a value, a list of values, or an object of operators. */
function guardOperand(attribute: Attribute | null, value: unknown, at: string): unknown {
  if (isScalar(value)) {
    checkValue(attribute, value, at);
    return value;
  }
  if (isScalarList(value)) {
    (value as unknown[]).forEach((v, i) => checkValue(attribute, v, `${at}[${i}]`));
    return value;
  }
  if (!isPlainObject(value)) throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}».`, { path: at });
  const out: Where = {};
  for (const [operator, operand] of Object.entries(value)) {
    const here = `${at}.${operator}`;
    if (!isOperatorKey(operator)) {
      throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${here}»: «${at}» es un campo simple, no tiene campos propios.`, { path: here });
    }
    if (operator === '$jsonSupersetOf') {
      throw reject(QUERY_ERROR_CODES.notAllowed, `El operador ${operator} no está disponible en la API pública.`, { path: here });
    }
    if (!FIELD_OPERATORS.has(operator)) {
      throw reject(QUERY_ERROR_CODES.filters, `Operador desconocido «${operator}» en «${at}».`, { path: here, operator });
    }
    if (operator === '$not') out.$not = guardOperand(attribute, operand, here);
    else if (operator === '$between') {
      const pair = Array.isArray(operand) || isPlainObject(operand) ? asList(operand, here) : null;
      if (!pair || pair.length !== 2 || !pair.every(isScalar)) {
        throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${here}»: $between espera exactamente dos valores.`, { path: here });
      }
      pair.forEach((v, i) => checkValue(attribute, v, `${here}[${i}]`));
      out.$between = pair;
    } else if (BOOLEAN_OPERATORS.has(operator)) {
      if (!isBooleanLike(operand)) throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${here}»: se esperaba true o false.`, { path: here });
      out[operator] = operand;
    } else if (LIST_OPERATORS.has(operator)) {
      const list = isScalar(operand) ? [operand] : Array.isArray(operand) || isPlainObject(operand) ? asList(operand, here) : null;
      if (!list || !list.every(isScalar)) throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${here}»: se esperaba una lista de valores.`, { path: here });
      list.forEach((v, i) => checkValue(attribute, v, `${here}[${i}]`));
      out[operator] = list;
    } else if (isScalarList(operand)) {
      (operand as unknown[]).forEach((v, i) => checkValue(attribute, v, `${here}[${i}]`));
      out[operator] = operand;
    } else {
      checkValue(attribute, operand, here);
      out[operator] = operand;
    }
  }
  return out;
}

/**
 * One level of a where clause (the root of `filters`, or what a relation leads to).
 * `model` null: shape only (the global check, before routing).
 */
function guardWhere(walk: Walk, model: Model | null, where: unknown, at: string, negated: boolean, hops: number): Where {
  if (Array.isArray(where)) return { $and: where.map((item, i) => guardWhere(walk, model, item, `${at}[${i}]`, negated, hops)) };
  if (!isPlainObject(where)) throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: se esperaba un objeto de condiciones.`, { path: at });
  const out: Where = {};
  for (const [key, value] of Object.entries(where)) {
    const here = `${at}.${key}`;
    if (GROUP.has(key)) out[key] = asList(value, here).map((item, i) => guardWhere(walk, model, item, `${here}[${i}]`, negated, hops));
    else if (key === '$not') out.$not = guardWhere(walk, model, value, here, !negated, hops);
    else if (isOperatorKey(key)) {
      const known = FIELD_OPERATORS.has(key) || key === '$jsonSupersetOf';
      throw reject(
        QUERY_ERROR_CODES.filters,
        known ? `Filtro no válido en «${here}»: ${key} se aplica a un campo (p. ej. filters[title][${key}]).` : `Operador desconocido «${key}» en «${at}».`,
        { path: here, operator: key }
      );
    } else out[key] = guardField(walk, model, key, value, here, negated, hops);
  }
  return out;
}

/** Strapi's shorthand for a relation: a value or operators mean its `id`. */
function relationWhere(value: unknown, at: string): unknown {
  if (!isPlainObject(value)) return { id: value };
  const keys = Object.keys(value);
  const operators = keys.filter((k) => isOperatorKey(k) && !GROUP.has(k) && k !== '$not');
  if (operators.length && operators.length !== keys.length) {
    throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: no se pueden mezclar operadores y campos.`, { path: at });
  }
  return operators.length ? { id: value } : value;
}

function guardField(walk: Walk, model: Model | null, key: string, value: unknown, at: string, negated: boolean, hops: number): unknown {
  if (!model) {
    // Shape only: a value, a list, operators, or a nested level (a relation or component).
    if (isScalar(value) || isScalarList(value)) return value;
    if (!isPlainObject(value)) throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}».`, { path: at });
    const keys = Object.keys(value);
    const fieldOperators = keys.filter((k) => isOperatorKey(k) && !GROUP.has(k) && k !== '$not');
    if (fieldOperators.length && fieldOperators.length === keys.length) return guardOperand(null, value, at);
    if (fieldOperators.length) throw reject(QUERY_ERROR_CODES.filters, `Filtro no válido en «${at}»: no se pueden mezclar operadores y campos.`, { path: at });
    if (hops + 1 > MAX_RELATION_HOPS * 2) throw reject(QUERY_ERROR_CODES.tooComplex, 'La consulta tiene demasiados niveles de relaciones.', { path: at });
    return guardWhere(walk, null, value, at, negated, hops + 1);
  }

  const attribute = model.attributes[key] ?? ID_ATTRIBUTES[key];
  if (!attribute) throw reject(QUERY_ERROR_CODES.filters, `Campo desconocido en el filtro: «${at}».`, { path: at, key });
  if (isNeverQueryable(attribute)) throw reject(QUERY_ERROR_CODES.notAllowed, `No se puede filtrar por «${at}».`, { path: at, key });

  const targetUid = targetUidOf(attribute);
  if (!targetUid) return guardOperand(attribute, value, at);

  const { visibility } = walk;
  if (visibility?.restricted && !visibility.canSee(targetUid)) {
    throw reject(QUERY_ERROR_CODES.notAllowed, `No se puede filtrar por «${at}»: ese contenido no es público.`, { path: at, key });
  }
  if (hops + 1 > MAX_RELATION_HOPS) throw reject(QUERY_ERROR_CODES.tooComplex, 'La consulta tiene demasiados niveles de relaciones.', { path: at });
  const target = componentOrModel(walk.strapi, targetUid);
  if (!target) throw reject(QUERY_ERROR_CODES.filters, `Campo desconocido en el filtro: «${at}».`, { path: at });

  const nested = guardWhere(walk, target, relationWhere(value, at), at, negated, hops + 1);
  const rules = visibility?.restricted && attribute.type === 'relation' ? visibility.rowRules(targetUid) : [];
  if (!rules.length) return nested;
  return negated ? { $or: [...visibility!.hiddenRows(targetUid), nested] } : { $and: [...rules, nested] };
}

// ---------------------------------------------------------------------------------------------
// Sort and fields

const SORT_DIRECTION = /^(asc|desc)$/i;

/** Every sort as a list of attribute paths (the shape is checked on the way). */
function sortPaths(sort: unknown, at = 'sort'): string[][] {
  if (typeof sort === 'string') {
    return sort
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [path, direction, extra] = part.split(':');
        if (extra !== undefined || (direction !== undefined && !SORT_DIRECTION.test(direction))) {
          throw reject(QUERY_ERROR_CODES.sort, `Orden no válido «${part}»: use campo:asc o campo:desc.`, { path: at });
        }
        const segments = path.split('.');
        if (!segments.every((s) => IDENTIFIER.test(s))) throw reject(QUERY_ERROR_CODES.sort, `Orden no válido «${part}».`, { path: at });
        return segments;
      });
  }
  if (Array.isArray(sort)) return sort.flatMap((item, i) => sortPaths(item, `${at}[${i}]`));
  if (isPlainObject(sort)) {
    return Object.entries(sort).flatMap(([key, value]) => {
      if (!IDENTIFIER.test(key)) throw reject(QUERY_ERROR_CODES.sort, `Orden no válido en «${at}.${key}».`, { path: `${at}.${key}` });
      if (typeof value === 'string') {
        if (!SORT_DIRECTION.test(value)) throw reject(QUERY_ERROR_CODES.sort, `Orden no válido en «${at}.${key}»: use asc o desc.`, { path: `${at}.${key}` });
        return [[key]];
      }
      if (!isPlainObject(value)) throw reject(QUERY_ERROR_CODES.sort, `Orden no válido en «${at}.${key}».`, { path: `${at}.${key}` });
      return sortPaths(value, `${at}.${key}`).map((path) => [key, ...path]);
    });
  }
  throw reject(QUERY_ERROR_CODES.sort, `Orden no válido en «${at}»: se esperaba «campo:asc» o una lista.`, { path: at });
}

function guardSort(walk: Walk, model: Model | null, sort: unknown, at: string) {
  for (const path of sortPaths(sort, at)) {
    if (!model) continue;
    let current: Model = model;
    path.forEach((key, index) => {
      const here = `${at}:${path.slice(0, index + 1).join('.')}`;
      const last = index === path.length - 1;
      const attribute = current.attributes[key] ?? ID_ATTRIBUTES[key] ?? (key === 'status' && current.options?.draftAndPublish ? { type: 'string' } : undefined);
      if (!attribute) throw reject(QUERY_ERROR_CODES.sort, `Campo desconocido en el orden: «${here}».`, { path: here });
      if (isNeverQueryable(attribute)) throw reject(QUERY_ERROR_CODES.notAllowed, `No se puede ordenar por «${here}».`, { path: here });
      const targetUid = targetUidOf(attribute);
      if (last) {
        if (targetUid) throw reject(QUERY_ERROR_CODES.sort, `No se puede ordenar por «${here}»: no es un campo simple.`, { path: here });
        return;
      }
      if (!targetUid) throw reject(QUERY_ERROR_CODES.sort, `Orden no válido «${here}»: no es una relación.`, { path: here });
      const { visibility } = walk;
      if (visibility?.restricted) {
        // ORDER BY a joined column sees every joined row: refused where some rows are hidden.
        if (!visibility.canSee(targetUid) || (attribute.type === 'relation' && visibility.rowRules(targetUid).length)) {
          throw reject(QUERY_ERROR_CODES.notAllowed, `No se puede ordenar por «${here}» en la API pública.`, { path: here });
        }
      }
      current = componentOrModel(walk.strapi, targetUid)!;
    });
  }
}

function fieldNames(fields: unknown, at: string): string[] {
  const list = typeof fields === 'string' ? fields.split(',') : Array.isArray(fields) ? fields : null;
  if (!list || !list.every((f) => typeof f === 'string')) {
    throw reject(QUERY_ERROR_CODES.fields, `«${at}» debe ser un nombre de campo o una lista de nombres.`, { path: at });
  }
  return (list as string[]).map((f) => f.trim()).filter(Boolean);
}

function guardFields(model: Model | null, fields: unknown, at: string): string[] {
  const names = fieldNames(fields, at);
  for (const name of names) {
    if (name === '*') continue;
    if (!IDENTIFIER.test(name)) throw reject(QUERY_ERROR_CODES.fields, `Campo no válido en «${at}»: «${name}».`, { path: at });
    if (!model) continue;
    const attribute = model.attributes[name] ?? ID_ATTRIBUTES[name];
    if (!attribute || targetUidOf(attribute) || attribute.type === 'dynamiczone') {
      throw reject(QUERY_ERROR_CODES.fields, `«${name}» no es un campo simple de este contenido (${at}).`, { path: at });
    }
    if (isNeverQueryable(attribute)) throw reject(QUERY_ERROR_CODES.notAllowed, `No se puede pedir el campo «${name}».`, { path: at });
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Populate

type PopulateEntry = boolean | string | Record<string, unknown>;
type PopulateObject = Record<string, PopulateEntry>;

const POPULATABLE = new Set(['relation', 'component', 'media', 'dynamiczone']);

/** What `*` means: every populatable attribute but private ones, localizations and admin users. */
const isWildcardPopulatable = (name: string, attribute: Attribute) =>
  POPULATABLE.has(attribute.type) && !attribute.private && name !== 'localizations' && !String(attribute.target ?? '').startsWith('admin::');

/** Turns every populate syntax Strapi accepts (string, list, dot paths, object) into the object form. */
function toPopulateObject(model: Model | null, populate: unknown, at: string): PopulateObject | undefined {
  if (populate === undefined || populate === null || populate === false || populate === 'false') return undefined;
  if (populate === '*' || populate === true || populate === 'true') {
    if (!model) return { '*': true };
    return Object.fromEntries(
      Object.entries(model.attributes)
        .filter(([name, attribute]) => isWildcardPopulatable(name, attribute))
        .map(([name]) => [name, true as const])
    );
  }
  if (typeof populate === 'string') return toPopulateObject(model, populate.split(','), at);
  if (Array.isArray(populate)) {
    if (!populate.every((p) => typeof p === 'string')) throw reject(QUERY_ERROR_CODES.populate, `«${at}» no es válido.`, { path: at });
    const result: PopulateObject = {};
    for (const path of populate.flatMap((p) => String(p).split(','))) {
      const [head, ...rest] = path.trim().split('.');
      if (!head) continue;
      if (head === '*') Object.assign(result, toPopulateObject(model, '*', at));
      else if (rest.length === 0) result[head] ??= true;
      else {
        const entry = result[head] === true || !result[head] ? {} : (result[head] as Record<string, unknown>);
        const nested = Array.isArray(entry.populate) ? (entry.populate as string[]) : [];
        result[head] = { ...entry, populate: [...nested, rest.join('.')] };
      }
    }
    return result;
  }
  if (isPlainObject(populate)) return populate as PopulateObject;
  throw reject(QUERY_ERROR_CODES.populate, `«${at}» no es válido.`, { path: at });
}

/** Populate, checked and scoped level by level; relations the caller may not see are left out, like Strapi's sanitizer does. */
function guardPopulate(walk: Walk, model: Model | null, populate: unknown, at: string, depth = 0): PopulateObject | undefined {
  const object = toPopulateObject(model, populate, at);
  if (!object) return undefined;
  if (depth > MAX_RELATION_HOPS) throw reject(QUERY_ERROR_CODES.tooComplex, 'La consulta tiene demasiados niveles de relaciones.', { path: at });
  const out: PopulateObject = {};
  for (const [name, rawEntry] of Object.entries(object)) {
    const here = `${at}.${name}`;
    if (!IDENTIFIER.test(name) && !(name === '*' && !model)) throw reject(QUERY_ERROR_CODES.populate, `«${here}» no es válido.`, { path: here });
    if (rawEntry === false || rawEntry === 'false') continue;
    const entry = rawEntry === true || rawEntry === 'true' || rawEntry === '*' ? {} : rawEntry;
    if (!isPlainObject(entry)) throw reject(QUERY_ERROR_CODES.populate, `«${here}» debe ser true o un objeto.`, { path: here });
    for (const key of Object.keys(entry)) {
      if (!POPULATE_KEYWORDS.has(key)) throw reject(QUERY_ERROR_CODES.populate, `Opción desconocida «${key}» en «${here}».`, { path: `${here}.${key}` });
    }
    if (rawEntry === '*') entry.populate = '*';

    let target: Model | null = null;
    let attribute: Attribute | undefined;
    if (model) {
      attribute = model.attributes[name];
      if (!attribute || !POPULATABLE.has(attribute.type)) throw reject(QUERY_ERROR_CODES.populate, `«${here}» no es una relación, un componente ni un archivo.`, { path: here });
      if (isNeverQueryable(attribute) && attribute.type !== 'dynamiczone') {
        throw reject(QUERY_ERROR_CODES.notAllowed, `No se puede incluir «${here}».`, { path: here });
      }
      const targetUid = targetUidOf(attribute);
      if (walk.visibility?.restricted && (attribute.type === 'dynamiczone' || (targetUid && !walk.visibility.canSee(targetUid)))) continue;
      target = targetUid ? (componentOrModel(walk.strapi, targetUid) ?? null) : null;
    }

    const options: Record<string, unknown> = { ...entry };
    if (entry.count !== undefined && !isBooleanLike(entry.count)) throw reject(QUERY_ERROR_CODES.populate, `«${here}.count» debe ser true o false.`, { path: `${here}.count` });
    if (entry.on !== undefined && (model || !isPlainObject(entry.on))) {
      // Fragments are for dynamic zones and polymorphic relations, which the public types do not have.
      throw reject(QUERY_ERROR_CODES.populate, `«${here}.on» no se admite en estos contenidos.`, { path: `${here}.on` });
    }
    if (entry.fields !== undefined) options.fields = guardFields(target, entry.fields, `${here}.fields`);
    if (entry.sort !== undefined) guardSort(walk, target, entry.sort, `${here}.sort`);
    if (entry.populate !== undefined) {
      const nested = guardPopulate(walk, target, entry.populate, `${here}.populate`, depth + 1);
      if (nested && Object.keys(nested).length) options.populate = nested;
      else delete options.populate;
    }
    let filters = entry.filters !== undefined ? guardWhere(walk, target, entry.filters, `${here}.filters`, false, 0) : undefined;
    const rules = walk.visibility?.restricted && attribute?.type === 'relation' ? walk.visibility.rowRules(attribute.target) : [];
    if (rules.length) filters = { $and: [...rules, ...(filters ? [filters] : [])] };
    if (filters) options.filters = filters;
    out[name] = Object.keys(options).length ? options : true;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The whole query

const INTEGER = /^\d{1,9}$/;
const LOCALE_CODE = /^([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*|\*)$/;
const STATUSES = new Set(['draft', 'published']);

function checkInteger(value: unknown, at: string) {
  if (!(typeof value === 'number' ? Number.isInteger(value) && value >= 0 : typeof value === 'string' && INTEGER.test(value))) {
    throw reject(QUERY_ERROR_CODES.pagination, `«${at}» debe ser un número entero positivo.`, { path: at });
  }
}

function checkPagination(query: Record<string, unknown>) {
  for (const key of ['page', 'pageSize', 'start', 'limit']) if (query[key] !== undefined) checkInteger(query[key], key);
  const { pagination } = query;
  if (pagination === undefined) return;
  if (!isPlainObject(pagination)) throw reject(QUERY_ERROR_CODES.pagination, '«pagination» debe ser un objeto (pagination[page]=1).', { path: 'pagination' });
  for (const [key, value] of Object.entries(pagination)) {
    if (key === 'withCount') {
      if (!isBooleanLike(value)) throw reject(QUERY_ERROR_CODES.pagination, '«pagination.withCount» debe ser true o false.', { path: 'pagination.withCount' });
    } else if (['page', 'pageSize', 'start', 'limit'].includes(key)) checkInteger(value, `pagination.${key}`);
    else throw reject(QUERY_ERROR_CODES.pagination, `Parámetro de paginación desconocido «pagination.${key}».`, { path: `pagination.${key}` });
  }
}

function checkString(query: Record<string, unknown>, key: string, code: string, pattern?: RegExp, max = 200) {
  const value = query[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || value.length > max || (pattern && !pattern.test(value))) {
    throw reject(code, `El parámetro «${key}» no es válido: se esperaba un texto${pattern ? ' con el formato correcto' : ''}.`, { path: key, param: key });
  }
}

/** The parameters only Strapi's core routes read the way the Content API documents them. */
function checkCoreParameters(query: Record<string, unknown>) {
  checkString(query, 'locale', QUERY_ERROR_CODES.locale, LOCALE_CODE, 35);
  checkString(query, 'status', QUERY_ERROR_CODES.status);
  if (typeof query.status === 'string' && !STATUSES.has(query.status)) {
    throw reject(QUERY_ERROR_CODES.status, '«status» debe ser draft o published.', { path: 'status', param: 'status' });
  }
  checkString(query, '_q', QUERY_ERROR_CODES.parameter);
  checkPagination(query);
}

/**
 * Every caller, every /api request, before routing: the shape of the structured parameters
 * (`filters`, `sort`, `fields`, `populate`, `pagination`…), which no route may get malformed.
 * Plain parameters (`locale`, `page`, `limit`…) are left to each route's own validation:
 * custom routes give them their own meaning and codes. Returns the query with over-long
 * $and/$or/$in lists turned back into lists.
 */
export function assertWellFormedQuery(strapi: Core.Strapi, query: Record<string, unknown>) {
  const walk: Walk = { strapi, visibility: null };
  checkString(query, 'publicationFilter', QUERY_ERROR_CODES.parameter);
  checkString(query, 'hasPublishedVersion', QUERY_ERROR_CODES.parameter);
  if (query.pagination !== undefined) checkPagination({ pagination: query.pagination });
  const out = { ...query };
  if (query.filters !== undefined) out.filters = guardWhere(walk, null, query.filters, 'filters', false, 0);
  if (query.sort !== undefined) guardSort(walk, null, query.sort, 'sort');
  if (query.fields !== undefined) guardFields(null, query.fields, 'fields');
  if (query.populate !== undefined) guardPopulate(walk, null, query.populate, 'populate');
  return out;
}

export interface ReadOptions {
  /** A find or findOne: a restricted caller reads published versions only. */
  read: boolean;
  /** The locales that exist (for `locale` on localized types). */
  locales: string[];
}

/**
 * The query of one route of `model`, checked and rewritten for `visibility`. Throws a 400
 * (ValidationError with a code) for what the caller may not ask; rewrites what it may ask so
 * that it only sees what it may read.
 */
export function guardQuery(strapi: Core.Strapi, model: Model, query: Record<string, unknown>, visibility: Visibility, options: ReadOptions) {
  const walk: Walk = { strapi, visibility };
  const out: Record<string, unknown> = { ...query };
  checkCoreParameters(query);
  // Every read names a locale that exists (Strapi 5 has no "all locales"; a non-localized type ignores it).
  if (options.read && query.locale !== undefined && !options.locales.includes(query.locale as string)) {
    throw reject(QUERY_ERROR_CODES.locale, 'El idioma (locale) solicitado no existe.', { path: 'locale', param: 'locale', locale: query.locale, available: options.locales });
  }
  if (visibility.restricted) {
    for (const key of ['publicationFilter', 'hasPublishedVersion']) {
      if (query[key] !== undefined) {
        throw reject(QUERY_ERROR_CODES.notAllowed, `El parámetro «${key}» no está disponible en la API pública: solo se publica lo publicado.`, { path: key, param: key });
      }
    }
    if (query._q !== undefined && Object.values(model.attributes).some((a) => a.private && ['string', 'text', 'richtext', 'email', 'uid', 'enumeration'].includes(a.type))) {
      throw reject(QUERY_ERROR_CODES.notAllowed, 'La búsqueda libre (_q) no está disponible en este contenido.', { path: '_q', param: '_q' });
    }
  }
  if (query.filters !== undefined) out.filters = guardWhere(walk, model, query.filters, 'filters', false, 0);
  if (query.sort !== undefined) guardSort(walk, model, query.sort, 'sort');
  if (query.fields !== undefined) out.fields = guardFields(model, query.fields, 'fields');
  if (query.populate !== undefined) out.populate = guardPopulate(walk, model, query.populate, 'populate') ?? {};
  if (visibility.restricted && options.read) {
    // Drafts are unapproved work: `?status=draft` must not reveal them.
    if (model.options?.draftAndPublish) out.status = 'published';
    const rules = model.uid ? visibility.rowRules(model.uid).filter((rule) => !('publishedAt' in rule)) : [];
    if (rules.length) out.filters = out.filters ? { $and: [out.filters, ...rules] } : rules.length === 1 ? rules[0] : { $and: rules };
  }
  return out;
}
