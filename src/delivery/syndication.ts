/**
 * RSS 2.0, Atom 1.0 (RFC 4287) and JSON Feed 1.1 from one description of a feed.
 * Written here rather than with the `feed` package, which writes JSON Feed 1.0, no
 * `xml:lang`, a build date that changes at every render (so does the ETag) and
 * enclosures typed from the file extension with length 0. Every date comes from the
 * content, so the same content gives the same bytes. XML through xmlbuilder2
 * (escaping, characters XML 1.0 does not allow are dropped).
 */
import { create } from 'xmlbuilder2';
import type { ImageRef } from './media';

export interface FeedPerson {
  name: string;
  email?: string;
  url?: string;
}

export interface FeedItem {
  /** Permanent; the page URL. */
  id: string;
  url: string;
  title: string;
  /** Plain text. */
  summary?: string;
  /** HTML of the body; when absent the summary is the content. */
  contentHtml?: string;
  published: Date;
  modified: Date;
  tags: string[];
  image?: ImageRef;
}

export interface FeedDescription {
  /** Permanent; the website's section URL. */
  id: string;
  title: string;
  description: string;
  /** BCP 47 (the locale code). */
  language: string;
  homePageUrl: string;
  urls: Record<FeedFormat, string>;
  author: FeedPerson;
  rights: string;
  icon?: string;
  items: FeedItem[];
}

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const GENERATOR = 'Comunicaciones municipales (Strapi)';
const EPOCH = new Date(0);

/** The newest change of any item: the feed's own date, stable while nothing changes. */
const updatedOf = (feed: FeedDescription) =>
  feed.items.reduce((latest, item) => (item.modified > latest ? item.modified : latest), feed.items[0]?.published ?? EPOCH);

const xmlDocument = () => create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });

function rss(feed: FeedDescription) {
  const doc = xmlDocument();
  const channel = doc
    .ele('rss', {
      version: '2.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    })
    .ele('channel');
  channel.ele('title').txt(feed.title);
  channel.ele('link').txt(feed.homePageUrl);
  channel.ele('description').txt(feed.description);
  channel.ele('language').txt(feed.language);
  channel.ele('copyright').txt(feed.rights);
  if (feed.author.email) channel.ele('managingEditor').txt(`${feed.author.email} (${feed.author.name})`);
  channel.ele('lastBuildDate').txt(updatedOf(feed).toUTCString());
  channel.ele('generator').txt(GENERATOR);
  channel.ele('docs').txt('https://www.rssboard.org/rss-specification');
  channel.ele('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' });
  if (feed.icon) {
    const image = channel.ele('image');
    image.ele('url').txt(feed.icon);
    image.ele('title').txt(feed.title);
    image.ele('link').txt(feed.homePageUrl);
  }
  for (const item of feed.items) {
    const entry = channel.ele('item');
    entry.ele('title').txt(item.title);
    entry.ele('link').txt(item.url);
    entry.ele('guid', { isPermaLink: 'true' }).txt(item.id);
    entry.ele('description').txt(item.summary ?? item.contentHtml ?? '');
    if (item.contentHtml) entry.ele('content:encoded').txt(item.contentHtml);
    entry.ele('dc:creator').txt(feed.author.name);
    entry.ele('pubDate').txt(item.published.toUTCString());
    for (const tag of item.tags) entry.ele('category').txt(tag);
    if (item.image) entry.ele('enclosure', { url: item.image.url, length: String(item.image.bytes), type: item.image.mime });
  }
  return doc.end({ prettyPrint: true });
}

function atomPerson(parent: ReturnType<ReturnType<typeof xmlDocument>['ele']>, person: FeedPerson) {
  const author = parent.ele('author');
  author.ele('name').txt(person.name);
  if (person.email) author.ele('email').txt(person.email);
  if (person.url) author.ele('uri').txt(person.url);
}

function atom(feed: FeedDescription) {
  const doc = xmlDocument();
  const root = doc.ele('http://www.w3.org/2005/Atom', 'feed', { 'xml:lang': feed.language });
  root.ele('id').txt(feed.id);
  root.ele('title', { type: 'text' }).txt(feed.title);
  root.ele('subtitle', { type: 'text' }).txt(feed.description);
  root.ele('updated').txt(updatedOf(feed).toISOString());
  atomPerson(root, feed.author);
  root.ele('link', { rel: 'alternate', type: 'text/html', href: feed.homePageUrl });
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom });
  root.ele('generator').txt(GENERATOR);
  root.ele('rights').txt(feed.rights);
  if (feed.icon) root.ele('logo').txt(feed.icon);
  for (const item of feed.items) {
    const entry = root.ele('entry');
    entry.ele('id').txt(item.id);
    entry.ele('title', { type: 'text' }).txt(item.title);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: item.url });
    if (item.image) entry.ele('link', { rel: 'enclosure', type: item.image.mime, length: String(item.image.bytes), href: item.image.url });
    entry.ele('published').txt(item.published.toISOString());
    entry.ele('updated').txt(item.modified.toISOString());
    atomPerson(entry, feed.author);
    for (const tag of item.tags) entry.ele('category', { term: tag });
    if (item.summary) entry.ele('summary', { type: 'text' }).txt(item.summary);
    if (item.contentHtml) entry.ele('content', { type: 'html' }).txt(item.contentHtml);
  }
  return doc.end({ prettyPrint: true });
}

function jsonFeed(feed: FeedDescription) {
  const authors = [{ name: feed.author.name, ...(feed.author.url ? { url: feed.author.url } : {}) }];
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homePageUrl,
      feed_url: feed.urls.json,
      description: feed.description,
      language: feed.language,
      ...(feed.icon ? { icon: feed.icon } : {}),
      authors,
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary }),
        ...(item.summary ? { summary: item.summary } : {}),
        ...(item.image ? { image: item.image.url } : {}),
        date_published: item.published.toISOString(),
        date_modified: item.modified.toISOString(),
        ...(item.tags.length ? { tags: item.tags } : {}),
        language: feed.language,
        ...(item.image ? { attachments: [{ url: item.image.url, mime_type: item.image.mime, size_in_bytes: item.image.bytes }] } : {}),
      })),
    },
    null,
    2
  );
}

/** The feed in a format; every item must have a body or a summary (callers leave the others out). */
export function renderFeed(feed: FeedDescription, format: FeedFormat): string {
  if (format === 'rss') return rss(feed);
  if (format === 'atom') return atom(feed);
  return jsonFeed(feed);
}
