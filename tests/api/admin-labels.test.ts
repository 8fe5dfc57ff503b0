// What the Spanish admin shows instead of stored values and English: every enumeration
// value of every type and component the content manager shows has a Spanish and an
// English label; those labels use translation ids of their own (no Strapi message is
// replaced); every type's name has an English name; the app's translation files agree.
// The values themselves are untouched: the Content API still answers them (last test).
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { app } from '../helpers/app';
import { ENUMERATION_LABELS, enumerationMessages } from '../../src/labels/enumerations';
import { TYPE_NAMES_EN } from '../../src/labels/content-types';
import { FIELD_LABELS } from '../../src/labels/field-labels';

const ROOT = path.resolve(__dirname, '..', '..');
const strapiMessages = (pkg: string, locale: 'en' | 'es') => {
  const mod = require(path.join(ROOT, 'node_modules', '@strapi', pkg, 'translations', `${locale}.json.js`));
  return (mod.default ?? mod) as Record<string, string>;
};

type Schema = { info: { displayName: string }; attributes: Record<string, any>; pluginOptions?: Record<string, any> };

/** Content types and components an editor meets in the content manager. */
function shownSchemas(): Array<[string, Schema]> {
  const strapi = app();
  const types = Object.entries(strapi.contentTypes as unknown as Record<string, Schema>).filter(
    ([uid, schema]) => uid.startsWith('api::') && schema.pluginOptions?.['content-manager']?.visible !== false
  );
  const components = Object.entries(strapi.components as unknown as Record<string, Schema>);
  return [...types, ...components];
}

const enumerations = () =>
  shownSchemas().flatMap(([uid, schema]) =>
    Object.entries(schema.attributes)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([field, attribute]) => ({ uid, field, values: attribute.enum as string[] }))
  );

describe('enumeration labels', () => {
  test('there are enumerations to label', () => {
    expect(enumerations().length).toBeGreaterThan(15);
  });

  test('every value of every enumeration shown has a Spanish and an English label', () => {
    const unlabelled = enumerations().flatMap(({ uid, field, values }) =>
      values.filter((value) => !ENUMERATION_LABELS[value]?.[0]?.trim() || !ENUMERATION_LABELS[value]?.[1]?.trim()).map((value) => `${uid}.${field}: ${value}`)
    );
    expect(unlabelled).toEqual([]);
  });

  test('a label never replaces a message of Strapi’s own admin (the ids are the bare values)', () => {
    const taken = new Set([...Object.keys(strapiMessages('admin/dist/admin/admin/src', 'en')), ...Object.keys(strapiMessages('admin/dist/admin/admin/src', 'es'))]);
    expect(Object.keys(ENUMERATION_LABELS).filter((value) => taken.has(value))).toEqual([]);
  });

  test('Spanish labels are not the raw values of multi-word codes', () => {
    const raw = Object.entries(enumerationMessages('es')).filter(([value, label]) => value.includes('-') && label === value);
    expect(raw).toEqual([]);
  });
});

describe('type names and translation files', () => {
  test('every field of every type and component shown has a Spanish label (edit view, list columns, components)', () => {
    const system = new Set(['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);
    const unlabelled = shownSchemas().flatMap(([uid, schema]) =>
      Object.keys(schema.attributes)
        .filter((field) => !system.has(field) && !FIELD_LABELS[uid]?.[field])
        .map((field) => `${uid}.${field}`)
    );
    expect(unlabelled).toEqual([]);
  });

  test('every content type and component shown has an English name for its Spanish display name', () => {
    const names = shownSchemas().map(([, schema]) => schema.info.displayName);
    expect(names.filter((name) => !TYPE_NAMES_EN[name])).toEqual([]);
  });

  test('the app’s Spanish and English messages have the same keys; the Strapi gaps filled are gaps', () => {
    const dir = path.join(ROOT, 'src', 'admin', 'translations');
    const es = JSON.parse(fs.readFileSync(path.join(dir, 'es.json'), 'utf8'));
    const en = JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8'));
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    // strapi-es.json only gives Spanish where Strapi 5.54 has English only: it never replaces Strapi's Spanish.
    const gaps = JSON.parse(fs.readFileSync(path.join(dir, 'strapi-es.json'), 'utf8')) as Record<string, string>;
    const strapiSpanish = new Set(Object.keys(strapiMessages('admin/dist/admin/admin/src', 'es')));
    const prefixed: Record<string, string> = {
      'content-manager.': 'content-manager/dist/admin',
      'upload.': 'upload/dist/admin',
      'i18n.': 'i18n/dist/admin',
      'content-releases.': 'content-releases/dist/admin',
      'users-permissions.': 'plugin-users-permissions/dist/admin',
      'email.': 'email/dist/admin',
    };
    for (const [prefix, pkg] of Object.entries(prefixed)) for (const key of Object.keys(strapiMessages(pkg, 'es'))) strapiSpanish.add(prefix + key);
    expect(Object.keys(gaps).filter((key) => strapiSpanish.has(key))).toEqual([]);
    expect(Object.values(gaps).every((value) => typeof value === 'string' && value.trim() !== '')).toBe(true);
  });
});

test('the stored values stay the contract: the Content API answers them as they are', async () => {
  const norm = await app().documents('api::norm.norm').create({
    data: { normType: 'decreto-supremo', level: 'national', number: `D.S. N° 001-2026-PCM-${Date.now()}`, slug: `ds-etiquetas-${Date.now()}`, title: 'Norma de prueba de etiquetas', issuedBy: 'Presidencia del Consejo de Ministros', legalStatus: 'in-force', issuedOn: '2026-01-05' },
    status: 'published',
  } as any);
  const res = await request(app().server.httpServer).get(`/api/norms/${norm.documentId}`);
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual(expect.objectContaining({ normType: 'decreto-supremo', level: 'national', legalStatus: 'in-force' }));
  await app().documents('api::norm.norm').delete({ documentId: norm.documentId } as any);
});
