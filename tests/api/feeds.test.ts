// RSS 2.0, Atom and JSON Feed 1.1 of published press notes, in every locale, read by
// independent parsers: rss-parser (RSS and Atom), fast-xml-parser for what rss-parser
// does not expose (xml:lang, Atom links), and a JSON Feed 1.1 JSON Schema written from
// the spec (tests/helpers/schemas) checked with ajv. Every item of every feed is checked,
// including the notes other test files publish.
import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { app, http } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { approveAndPublish } from '../helpers/approval';
import jsonFeedSchema from '../helpers/schemas/json-feed-1.1.schema.json';

const NOTE = 'api::press-note.press-note';
const FORMATS = ['rss', 'atom', 'json'] as const;
const docs: Record<string, any> = {};
let locales: string[] = [];
let defaultLocale = '';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validJsonFeed = ajv.compile(jsonFeedSchema);
const rssParser = new Parser({ customFields: { feed: ['language', 'lastBuildDate', 'managingEditor'], item: ['content:encoded', 'dc:creator'] } });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'item', 'link', 'category', 'author'].includes(name) });

const website = () => app().config.get('website') as any;
const feedTitle = (locale: string) => website().feeds.pressNotes.title[locale];
const pathOf = (url: string) => new URL(url).pathname;
const feed = (format: string, locale?: string) => http().get(`/api/feeds/press-notes.${format}`).query(locale ? { locale } : {});

/** The bytes a URL of this server answers (the enclosure must say how many). */
async function bytesAt(url: string) {
  const res = await http().get(pathOf(url)).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  return { length: (res.body as Buffer).length, type: String(res.headers['content-type']).split(';')[0] };
}

/**
 * A cover smaller than Strapi's thumbnail (no formats: the enclosure is the file itself, whose
 * `size` Strapi keeps in KB, rounded to 10 bytes), of a length that rounding changes.
 */
async function uploadSmallCover() {
  for (let width = 180; ; width += 1) {
    const buffer = await sharp({ create: { width, height: 91, channels: 3, background: '#6a2c70' } }).jpeg({ quality: 80 }).toBuffer();
    if (buffer.length % 10 === 0) continue;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'feeds-'));
    try {
      const filepath = path.join(dir, 'portada-pequena.jpg');
      await fs.writeFile(filepath, buffer);
      const [file] = await app()
        .plugin('upload')
        .service('upload')
        .upload({ data: { fileInfo: { name: 'portada-pequena.jpg', alternativeText: 'Portada pequeña' } }, files: { filepath, originalFilename: 'portada-pequena.jpg', mimetype: 'image/jpeg', size: buffer.length } });
      return { id: file.id as number, bytes: buffer.length };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

beforeAll(async () => {
  const small = await uploadSmallCover();
  docs.smallCover = { ...(await publishedDocument(NOTE, { ...fixtures.pressNote(), title: 'Nota con portada pequeña', cover: small.id })), bytes: small.bytes };
  const i18n = app().plugin('i18n').service('locales');
  locales = ((await i18n.find()) as Array<{ code: string }>).map((l) => l.code);
  defaultLocale = await i18n.getDefaultLocale();
  docs.note = await publishedDocument(NOTE, {
    ...fixtures.pressNote(),
    cover: (await uploadTestImage()).id,
    title: 'Feria binacional <de> frontera',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Texto ', bold: true }, { type: 'text', text: 'con <b>marcas</b>' }] }],
  });
  const translate = async (locale: string, data: object) => {
    await app().documents(NOTE as any).update({ documentId: docs.note.documentId, locale, data: { ...fixtures.pressNote(), ...data } } as any);
    await approveAndPublish(NOTE, docs.note.documentId, locale);
  };
  // English: a lead but no body; Aymara: a body; Quechua: neither (left out of its feed).
  await translate('en', { title: 'Binational border fair', lead: 'Producers of three countries.', body: null });
  await translate('ay', { title: 'Kimsa markanakan phiriyapa', lead: null, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Qillqata.' }] }] });
  await translate('qu', { title: 'Kimsa suyukunapa raymin', lead: null, body: [{ type: 'paragraph', children: [{ type: 'text', text: '  ' }] }] });
  docs.draft = await app().documents(NOTE as any).create({ data: { ...fixtures.pressNote(), title: 'Borrador que no debe salir' } } as any);
});

describe.each(FORMATS)('%s, in every locale', (format) => {
  it('parses, carries the locale\'s language and configured title, and every item has content', async () => {
    const titles = new Set<string>();
    for (const locale of locales) {
      const res = await feed(format, locale);
      expect(res.status).toBe(200);
      let items: Array<{ title: string; url: string; content: string; published: string }>;
      if (format === 'json') {
        const body = JSON.parse(res.text);
        if (!validJsonFeed(body)) throw new Error(`${locale}: ${ajv.errorsText(validJsonFeed.errors)}`);
        expect(body.language).toBe(locale);
        expect(body.title).toBe(feedTitle(locale));
        expect(body.authors[0].name).toContain(website().organization.name);
        titles.add(body.title);
        items = body.items.map((i: any) => ({ title: i.title, url: i.url, content: i.content_html ?? i.content_text, published: i.date_published }));
        for (const item of body.items) expect(item.language).toBe(locale);
      } else {
        expect(XMLValidator.validate(res.text)).toBe(true);
        const parsed = await rssParser.parseString(res.text);
        expect(parsed.title).toBe(feedTitle(locale));
        titles.add(parsed.title!);
        if (format === 'rss') {
          expect((parsed as any).language).toBe(locale);
          expect(parsed.link).toBe(`${website().url}/${locale}/prensa`);
          expect(parsed.description).toBeTruthy();
        } else {
          // RFC 4287: xml:lang, and an atom:author for the feed (so for every entry) — here on each entry too.
          const tree = xml.parse(res.text).feed;
          expect(tree['@xml:lang']).toBe(locale);
          expect(tree.author[0].name).toContain(website().organization.name);
          expect(tree.id).toBeTruthy();
          expect(tree.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
          expect(tree.link.find((l: any) => l['@rel'] === 'self')['@href']).toBe(`${app().config.get('server.absoluteUrl')}/api/feeds/press-notes.atom?locale=${encodeURIComponent(locale)}`);
          for (const entry of tree.entry ?? []) {
            expect(entry.author[0].name).toBeTruthy();
            expect(entry.id).toBeTruthy();
            expect(Date.parse(entry.updated)).not.toBeNaN();
            expect(entry.link.some((l: any) => l['@rel'] === 'alternate')).toBe(true);
          }
        }
        items = parsed.items.map((i: any) => ({ title: i.title, url: i.link, content: i['content:encoded'] ?? i.content ?? i.summary ?? i.contentSnippet, published: i.isoDate }));
      }
      for (const item of items) {
        expect(item.title).toBeTruthy();
        expect(item.url.startsWith(`${website().url}/${locale}/prensa/`)).toBe(true);
        expect(String(item.content ?? '').trim()).not.toBe('');
        expect(Date.parse(item.published)).not.toBeNaN();
      }
      const mine = items.find((i) => i.url.includes(`/${locale}/prensa/`) && [docs.note.title, 'Binational border fair', 'Kimsa markanakan phiriyapa', 'Kimsa suyukunapa raymin', 'Feria binacional <de> frontera'].includes(i.title));
      if (locale === 'qu') expect(mine).toBeUndefined(); // neither body nor lead in Quechua
      else expect(mine).toBeDefined();
      expect(items.map((i) => i.title)).not.toContain('Borrador que no debe salir');
    }
    // No locale keeps another's title.
    expect(titles.size).toBe(locales.length);
  });
});

describe('content', () => {
  it('JSON Feed 1.1: the body as escaped HTML, dates published and modified; a translation without body carries its lead', async () => {
    const es = JSON.parse((await feed('json', 'es-PE')).text);
    const item = es.items.find((i: any) => i.title === 'Feria binacional <de> frontera');
    expect(item.content_html).toBe('<p><strong>Texto </strong>con &lt;b&gt;marcas&lt;/b&gt;</p>');
    expect(item.url).toMatch(/\/es-PE\/prensa\/nota-de-prensa-/);
    expect(Date.parse(item.date_published)).toBeLessThanOrEqual(Date.parse(item.date_modified));
    const en = JSON.parse((await feed('json', 'en')).text);
    const english = en.items.find((i: any) => i.title === 'Binational border fair');
    expect(english.content_html).toBeUndefined();
    expect(english.content_text).toBe('Producers of three countries.');
    expect(english.summary).toBe('Producers of three countries.');
  });

  it('enclosures carry the file\'s real MIME type and byte size, in RSS, Atom and JSON', async () => {
    const rss = await rssParser.parseString((await feed('rss', 'es-PE')).text);
    const withCover = rss.items.filter((i) => i.enclosure);
    expect(withCover.length).toBeGreaterThan(0);
    // The file itself (no formats): its exact length, not its KB rounded.
    expect(Number(rss.items.find((i) => i.title === 'Nota con portada pequeña')?.enclosure?.length)).toBe(docs.smallCover.bytes);
    for (const item of withCover) {
      const served = await bytesAt(item.enclosure!.url);
      expect(item.enclosure!.type).toBe(served.type);
      expect(Number(item.enclosure!.length)).toBe(served.length);
      expect(item.enclosure!.url.startsWith(String(app().config.get('server.absoluteUrl')))).toBe(true);
    }
    const atom = xml.parse((await feed('atom', 'es-PE')).text).feed;
    const enclosures = atom.entry.flatMap((e: any) => e.link.filter((l: any) => l['@rel'] === 'enclosure'));
    expect(enclosures.length).toBe(withCover.length);
    for (const link of enclosures.slice(0, 3)) {
      const served = await bytesAt(link['@href']);
      expect([link['@type'], Number(link['@length'])]).toEqual([served.type, served.length]);
    }
    const json = JSON.parse((await feed('json', 'es-PE')).text);
    for (const item of json.items.filter((i: any) => i.attachments).slice(0, 3)) {
      const served = await bytesAt(item.attachments[0].url);
      expect([item.attachments[0].mime_type, item.attachments[0].size_in_bytes]).toEqual([served.type, served.length]);
    }
  });

  it('feeds and lists are the same bytes and ETag after the cache is rebuilt while no press note changed', async () => {
    const lists = () => [...FORMATS.map((f) => feed(f, 'es-PE')), http().get('/api/press-notes').query({ locale: 'en', sort: 'publishedAt:desc' })];
    const before = await Promise.all(lists());
    // Another type changes: the change log's head moves and every cached answer is rebuilt.
    await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
    const after = await Promise.all(lists());
    after.forEach((res, i) => {
      expect(res.headers['x-cache']).toBe('MISS');
      expect(res.text).toBe(before[i].text);
      expect(res.headers.etag).toBe(before[i].headers.etag);
    });
  });
});

describe('errors and caching', () => {
  it('unknown locale → 400 INVALID_LOCALE; unknown format → 404', async () => {
    const bad = await feed('rss', 'xx');
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
