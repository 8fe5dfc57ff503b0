/**
 * `tags` is a JSON attribute: a document-service middleware makes it a list
 * of short lowercase words on every write path (admin, REST, services).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

const fail = (message: string) =>
  new errors.ValidationError(message, {
    code: 'VALIDATION_ERROR',
    errors: [{ path: ['tags'], message, name: 'ValidationError' }],
  });

/** Trimmed, lowercased, de-duplicated tags, or a ValidationError. */
export function normalizeTags(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) {
    throw fail('«tags» debe ser una lista de palabras, por ejemplo ["frontera", "salud"].');
  }
  const tags = [...new Set(value.map((tag: string) => tag.trim().toLocaleLowerCase('es-PE')).filter(Boolean))];
  if (tags.length > MAX_TAGS) throw fail(`«tags» admite como máximo ${MAX_TAGS} etiquetas.`);
  const long = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (long) throw fail(`La etiqueta «${long.slice(0, 50)}» supera los ${MAX_TAG_LENGTH} caracteres.`);
  return tags;
}

export function registerTagsValidation(strapi: Core.Strapi) {
  const uids = new Set(Object.values(strapi.contentTypes).filter((ct: any) => ct.attributes?.tags?.type === 'json').map((ct: any) => ct.uid));
  strapi.documents.use(async (context, next) => {
    if (!uids.has(context.uid) || !['create', 'update'].includes(context.action)) return next();
    const params = context.params as { data?: { tags?: unknown } };
    if (params.data && 'tags' in params.data) params.data.tags = normalizeTags(params.data.tags);
    return next();
  });
}
