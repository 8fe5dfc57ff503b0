// The website's usual queries through the official client, @strapi/client.
import { strapi as createClient } from '@strapi/client';
import { app, projectToken } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { approveAndPublish } from '../helpers/approval';
import { serverUrl } from '../helpers/cif-sync';

const NOTE = 'api::press-note.press-note';
let client: ReturnType<typeof createClient>;
const note: Record<string, any> = {};

beforeAll(async () => {
  client = createClient({ baseURL: `${await serverUrl()}/api`, auth: await projectToken('website') });
  const image = await uploadTestImage();
  note.data = { ...fixtures.pressNote(), cover: image.id };
  note.doc = await publishedDocument(NOTE, note.data);
  await app().documents(NOTE as any).update({ documentId: note.doc.documentId, locale: 'en', data: { ...fixtures.pressNote(), title: 'Border fair in English' } } as any);
  await approveAndPublish(NOTE, note.doc.documentId, 'en');
});

it('lists the latest notes with their cover (default populate) and pagination', async () => {
  const res: any = await client.collection('press-notes').find({ sort: 'publishedAt:desc', pagination: { page: 1, pageSize: 5 } });
  expect(res.data.length).toBeGreaterThan(0);
  expect(res.data.length).toBeLessThanOrEqual(5);
  expect(res.meta.pagination.pageSize).toBe(5);
  const ours = res.data.find((n: any) => n.documentId === note.doc.documentId);
  expect(ours.cover.url).toMatch(/^\/uploads\//);
});

it('finds a note by slug, per locale', async () => {
  const es: any = await client.collection('press-notes').find({ filters: { slug: { $eq: note.data.slug } } });
  expect(es.data.map((n: any) => n.documentId)).toEqual([note.doc.documentId]);
  expect(es.data[0].locale).toBe('es-PE');
  const en: any = await client.collection('press-notes').findOne(note.doc.documentId, { locale: 'en' });
  expect(en.data.title).toBe('Border fair in English');
});

it('reads a detail with the default populate, or a narrower explicit one', async () => {
  const detail: any = await client.collection('press-notes').findOne(note.doc.documentId);
  expect(detail.data).toHaveProperty('relatedNorms');
  expect(detail.data).toHaveProperty('seo');
  const narrow: any = await client.collection('press-notes').findOne(note.doc.documentId, { populate: ['cover'], fields: ['title'] });
  expect(Object.keys(narrow.data).sort()).toEqual(['cover', 'documentId', 'id', 'title']);
});

it('reads without a token too, and is refused what the website may not read', async () => {
  const anonymous = createClient({ baseURL: `${await serverUrl()}/api` });
  const res: any = await anonymous.collection('norms').find({ locale: 'es-PE' });
  expect(Array.isArray(res.data)).toBe(true);
  await expect(client.collection('protocol-contacts').find()).rejects.toThrow();
});
