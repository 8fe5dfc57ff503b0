// RSS 2.0, Atom and JSON Feed of published press notes, per locale, cacheable.
import { app, http } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { approveAndPublish } from '../helpers/approval';

const NOTE = 'api::press-note.press-note';
const docs: Record<string, any> = {};

beforeAll(async () => {
  docs.note = await publishedDocument(NOTE, {
    ...fixtures.pressNote(),
    cover: (await uploadTestImage()).id,
    title: 'Feria binacional <de> frontera',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Texto ', bold: true }, { type: 'text', text: 'con <b>marcas</b>' }] }],
  });
  await app().documents(NOTE as any).update({ documentId: docs.note.documentId, locale: 'en', data: { ...fixtures.pressNote(), title: 'Binational border fair' } } as any);
  await approveAndPublish(NOTE, docs.note.documentId, 'en');
  docs.draft = await app().documents(NOTE as any).create({ data: { ...fixtures.pressNote(), title: 'Borrador que no debe salir' } } as any);
});

describe('formats', () => {
  it('RSS 2.0', async () => {
    const res = await http().get('/api/feeds/press-notes.rss');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.text).toMatch(/<rss version="2.0"/);
    expect(res.text).toContain('<title><![CDATA[Feria binacional <de> frontera]]></title>');
    expect(res.text).not.toContain('Borrador que no debe salir');
    expect(res.text).not.toContain('Binational border fair');
    // The cover as an enclosure, with an absolute URL on the configured public URL (PUBLIC_URL), never the request's Host.
    const base = String(app().config.get('server.absoluteUrl')).replace(/[.]/g, '\\.');
    expect(res.text).toMatch(new RegExp(`<enclosure url="${base}/uploads/[^"]+" length="0" type="image/\\w+"/>`));
  });

  it('Atom', async () => {
    const res = await http().get('/api/feeds/press-notes.atom').query({ locale: 'es-PE' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.text).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(res.text).toContain(`/es-PE/prensa/`);
  });

  it('JSON Feed, with the body as escaped HTML', async () => {
    const res = await http().get('/api/feeds/press-notes.json').query({ locale: 'es-PE' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(res.text);
    expect(feed.version).toBe('https://jsonfeed.org/version/1');
    const item = feed.items.find((i: any) => i.title === 'Feria binacional <de> frontera');
    expect(item.content_html).toBe('<p><strong>Texto </strong>con &lt;b&gt;marcas&lt;/b&gt;</p>');
    expect(item.url).toMatch(/\/es-PE\/prensa\/nota-de-prensa-/);
    expect(feed.items.map((i: any) => i.title)).not.toContain('Borrador que no debe salir');
  });

  it('per locale', async () => {
    const res = await http().get('/api/feeds/press-notes.json').query({ locale: 'en' });
    const titles = JSON.parse(res.text).items.map((i: any) => i.title);
    expect(titles).toContain('Binational border fair');
    expect(titles).not.toContain('Feria binacional <de> frontera');
  });
});

describe('errors and caching', () => {
  it('unknown locale → 400 INVALID_LOCALE; unknown format → 404', async () => {
    const bad = await http().get('/api/feeds/press-notes.rss').query({ locale: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('INVALID_LOCALE');
    const format = await http().get('/api/feeds/press-notes.xml');
    expect(format.status).toBe(404);
    expect(format.body.error.details.code).toBe('UNKNOWN_FEED_FORMAT');
  });

  it('cached, with ETag and public Cache-Control, and refreshed by a publish', async () => {
    const path = '/api/feeds/press-notes.rss?locale=es-PE';
    const first = await http().get(path);
    const second = await http().get(path);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect((await http().get(path).set('If-None-Match', first.headers.etag)).status).toBe(304);
    await publishedDocument(NOTE, { ...fixtures.pressNote(), title: 'Nota recién publicada' });
    const fresh = await http().get(path);
    expect(fresh.headers['x-cache']).toBe('MISS');
    expect(fresh.text).toContain('Nota recién publicada');
  });
});
