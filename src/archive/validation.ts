// Query and body shapes of the archive's Content API routes, refused in Spanish.
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { KINDS } from './constants';
import type { SearchQuery } from './search';
import type { ArchiveConfig } from './service';

const invalid = (field: string, message: string) => new errors.ValidationError(message, { code: 'VALIDATION_ERROR', field });

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (value: unknown) => {
  const v = single(value);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
};

const positiveInt = (value: unknown, field: string, max: number, fallback: number) => {
  const v = text(value);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalid(field, `«${field}» debe ser un número entero entre 1 y ${max}.`);
  return n;
};

/** A date (YYYY-MM-DD, the whole day) or an instant; `to` is exclusive of the next day. */
const instant = (value: unknown, field: 'from' | 'to') => {
  const v = text(value);
  if (v === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
  const date = new Date(dateOnly ? `${v}T00:00:00-05:00` : v);
  if (Number.isNaN(date.getTime())) throw invalid(field, `«${field}» debe ser una fecha (AAAA-MM-DD) o una fecha y hora ISO 8601.`);
  if (field === 'to' && dateOnly) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
};

const textParameter = () => yup.string();
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The search's parameters, by type, before anything else: each a string (tags: one or a list),
 * nothing unknown. A list or an operator object where a value goes is a 400, not a guess.
 */
export const validateSearchShape = validateYupSchema(
  yup
    .object({
      q: textParameter(),
      kind: textParameter(),
      from: textParameter(),
      to: textParameter(),
      ceremony: textParameter(),
      tags: yup
        .mixed()
        .test('tags', '«tags» debe ser un texto o una lista de textos', (v) => v === undefined || typeof v === 'string' || (Array.isArray(v) && v.every((t) => typeof t === 'string'))),
      page: textParameter(),
      pageSize: textParameter(),
    })
    .noUnknown()
);

/** `?maxDistance=` of the near-duplicates route, and the `:documentId` of the item routes. */
export const validateItemRequest = validateYupSchema(
  yup.object({
    documentId: yup.string().matches(DOCUMENT_ID, 'documentId no tiene el formato de un identificador de documento').required(),
    maxDistance: textParameter(),
  }).noUnknown()
);

export function parseSearchQuery(query: Record<string, unknown>, config: ArchiveConfig['search'], onlyPublic: boolean): SearchQuery {
  const q = text(query.q);
  if (q && q.length > 200) throw invalid('q', 'La búsqueda no puede superar los 200 caracteres.');
  const kind = text(query.kind);
  if (kind && !KINDS.includes(kind as any)) throw invalid('kind', `«kind» debe ser uno de: ${KINDS.join(', ')}.`);
  const tags = [query.tags].flat().filter((t): t is string => typeof t === 'string').flatMap((t) => t.split(','));
  return {
    q,
    kind,
    from: instant(query.from, 'from'),
    to: instant(query.to, 'to'),
    ceremony: text(query.ceremony),
    tags,
    page: positiveInt(query.page, 'page', config.maxPage, 1),
    pageSize: positiveInt(query.pageSize, 'pageSize', 100, config.pageSize),
    onlyPublic,
  };
}

export const parseMaxDistance = (value: unknown, config: ArchiveConfig['similar']) => {
  const v = text(value);
  if (v === undefined) return config.defaultMaxDistance;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > config.maxMaxDistance) {
    throw invalid('maxDistance', `«maxDistance» debe ser un número entero entre 0 y ${config.maxMaxDistance}.`);
  }
  return n;
};

/** The item's fields of a multipart ingest: `data` as JSON text (like Strapi's upload) or an object. */
export function parseIngestData(data: unknown): Record<string, unknown> {
  if (data === undefined) return {};
  if (typeof data === 'object' && data && !Array.isArray(data)) return data as Record<string, unknown>;
  if (typeof data === 'string') {
    try {
      const parsed = JSON.parse(data);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    } catch {
      // refused below
    }
  }
  throw invalid('data', '«data» debe ser un objeto JSON con los campos del elemento.');
}
