// Query and body shapes of the archive's Content API routes, refused in Spanish.
import { errors } from '@strapi/utils';
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
