// Every admin message the app adds, per language: the office's own (es.json, en.json),
// Spanish for what Strapi 5.54 leaves untranslated on the screens the office uses
// (strapi-es.json), enumeration values (src/labels/enumerations.ts), type names and
// the content manager's list column headers (src/labels).
import { enumerationMessages } from '../../labels/enumerations';
import { FIELD_LABELS } from '../../labels/field-labels';
import { TYPE_NAMES_EN } from '../../labels/content-types';
import es from './es.json';
import en from './en.json';
import strapiEs from './strapi-es.json';

/** "normType" → "Norm type": the English column header of a field without a Spanish label. */
const humanize = (field: string) => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Fields every type has, which the list view may show as columns. */
const SYSTEM_FIELDS: Record<string, string> = {
  id: 'id',
  documentId: 'ID del documento',
  createdAt: 'Creado el',
  updatedAt: 'Actualizado el',
  publishedAt: 'Publicado el',
  createdBy: 'Creado por',
  updatedBy: 'Actualizado por',
  locale: 'Idioma',
};

/**
 * Column headers of the list view (`content-manager.content-types.<uid>.<field>`) and
 * field names inside components (`content-manager.components.<uid>.<field>`), which
 * Strapi translates by these ids with the view's label as the default.
 */
const fieldMessages = (locale: 'es' | 'en') =>
  Object.fromEntries(
    Object.entries(FIELD_LABELS).flatMap(([uid, labels]) => {
      const isType = uid.includes('::');
      const all: Record<string, string> = isType ? { ...SYSTEM_FIELDS, ...labels } : labels;
      return Object.entries(all).map(([field, label]) => [
        `content-manager.${isType ? 'content-types' : 'components'}.${uid}.${field}`,
        locale === 'es' ? label : humanize(field),
      ]);
    })
  );

const typeNames = (locale: 'es' | 'en') => Object.fromEntries(Object.entries(TYPE_NAMES_EN).map(([es, en]) => [es, locale === 'es' ? es : en]));

export const appMessages = (extra: { es: Record<string, string>; en: Record<string, string> }) => ({
  es: { ...strapiEs, ...enumerationMessages('es'), ...typeNames('es'), ...fieldMessages('es'), ...extra.es, ...es },
  en: { ...enumerationMessages('en'), ...typeNames('en'), ...fieldMessages('en'), ...extra.en, ...en },
});
