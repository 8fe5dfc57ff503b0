// Content locales: es-PE (default), qu, ay, en.
import { app, bearer, createApiToken, http } from '../helpers/app';
import { fixtures, publishedDocument } from '../helpers/fixtures';
import { approveAndPublish } from '../helpers/approval';

describe('locales', () => {
  it('exist, with es-PE as the default, and are not duplicated by a second bootstrap', async () => {
    const locales = app().plugin('i18n').service('locales');
    const { ensureLocales } = require('../../dist/src/bootstrap/locales');
    await ensureLocales(app());
    const codes = (await locales.find()).map((l: any) => l.code).sort();
    expect(codes).toEqual(['ay', 'en', 'es-PE', 'qu']);
    expect(await locales.getDefaultLocale()).toBe('es-PE');
  });

  it('serves each localisation of a press note by locale, es-PE by default', async () => {
    const note = await publishedDocument('api::press-note.press-note', { ...fixtures.pressNote(), title: 'Feria binacional en la frontera' });
    const documents = app().documents('api::press-note.press-note');
    for (const [locale, title] of [['qu', 'Iskay suyukunapa qhatun tiyanqa'], ['ay', 'Pä markan qhathupa'], ['en', 'Binational fair at the border']]) {
      await documents.update({ documentId: note.documentId, locale, data: { title, slug: `nota-${locale}-${note.documentId.slice(0, 6)}` } } as any);
      await approveAndPublish('api::press-note.press-note', note.documentId, locale);
    }

    const byDefault = await http().get(`/api/press-notes/${note.documentId}`);
    expect(byDefault.body.data.locale).toBe('es-PE');
    expect(byDefault.body.data.title).toBe('Feria binacional en la frontera');

    const quechua = await http().get(`/api/press-notes/${note.documentId}`).query({ locale: 'qu' });
    expect(quechua.body.data.title).toBe('Iskay suyukunapa qhatun tiyanqa');

    const english = await http().get('/api/press-notes').query({ locale: 'en', 'filters[documentId]': note.documentId });
    expect(english.body.data).toHaveLength(1);
    expect(english.body.data[0].title).toBe('Binational fair at the border');
  });

  it('creates a localisation through REST, sharing the non-localised fields', async () => {
    const token = await createApiToken('full-access');
    const created = await http().post('/api/norms').set(bearer(token)).send({ data: fixtures.norm() });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const res = await http()
      .put(`/api/norms/${documentId}`)
      .set(bearer(token))
      .query({ locale: 'en' })
      .send({ data: { title: 'Ordinance on water tariffs', slug: created.body.data.slug } });
    expect(res.status).toBe(200);
    expect(res.body.data.locale).toBe('en');
    expect(res.body.data.number).toBe(created.body.data.number);
  });
});
