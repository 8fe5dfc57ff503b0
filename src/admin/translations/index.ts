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

/** The list view's column headers: `content-manager.content-types.<uid>.<field>`. */
const columnHeaders = (locale: 'es' | 'en') =>
  Object.fromEntries(
    Object.entries(FIELD_LABELS)
      .filter(([uid]) => uid.includes('::'))
      .flatMap(([uid, labels]) =>
        ['id', 'documentId', ...Object.keys(labels)].map((field) => [
          `content-manager.content-types.${uid}.${field}`,
          locale === 'es' ? (labels[field] ?? (field === 'id' ? 'id' : 'ID del documento')) : humanize(field),
        ])
      )
  );

const typeNames = (locale: 'es' | 'en') => Object.fromEntries(Object.entries(TYPE_NAMES_EN).map(([es, en]) => [es, locale === 'es' ? es : en]));

export const appMessages = (extra: { es: Record<string, string>; en: Record<string, string> }) => ({
  es: { ...strapiEs, ...enumerationMessages('es'), ...typeNames('es'), ...columnHeaders('es'), ...extra.es, ...es },
  en: { ...enumerationMessages('en'), ...typeNames('en'), ...columnHeaders('en'), ...extra.en, ...en },
});
