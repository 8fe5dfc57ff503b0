/**
 * The feeds of the latest published press notes of a locale (RSS 2.0, Atom, JSON
 * Feed 1.1; src/delivery/syndication.ts writes them). Links go to the website's
 * press-note pages (config/website.ts), media to this server's public URL. A note
 * whose translation has neither body nor lead is left out of that locale's feed:
 * an item must carry content.
 */
import type { Core } from '@strapi/strapi';
import { blocksToHtml, hasContent } from '../../../delivery/blocks-to-html';
import { enclosureOf } from '../../../delivery/media';
import { renderFeed, type FeedFormat, type FeedItem } from '../../../delivery/syndication';
import { localeUrl, onWebsite, pageUrl, publicServerUrl, textFor, websiteConfig, websiteUrl } from '../../../delivery/website';

export { FEED_CONTENT_TYPES, FEED_FORMATS, type FeedFormat } from '../../../delivery/syndication';

const UID = 'api::press-note.press-note';
const FEED_SIZE = 50;

const later = (a: Date, b: Date) => (a > b ? a : b);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async render(format: FeedFormat, locale: string) {
    const config = websiteConfig(strapi);
    const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
    const notes = (await strapi.documents(UID).findMany({
      locale,
      status: 'published',
      sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
      limit: FEED_SIZE,
      populate: { cover: true },
    } as any)) as any[];

    const resolveUrl = (path: string) => `${publicServerUrl(strapi)}${path}`;
    const items: FeedItem[] = [];
    for (const note of notes) {
      const contentHtml = hasContent(note.body) ? blocksToHtml(note.body, { resolveUrl }) : undefined;
      const summary = note.lead?.trim() || undefined;
      if (!contentHtml && !summary) continue;
      const url = pageUrl(strapi, UID, note, locale) ?? websiteUrl(strapi);
      const published = new Date(note.publishedAt);
      items.push({
        id: url,
        url,
        title: note.title,
        summary,
        contentHtml,
        published,
        modified: later(new Date(note.updatedAt), published),
        tags: [note.category, ...(Array.isArray(note.tags) ? note.tags : [])].filter((tag): tag is string => typeof tag === 'string' && tag.length > 0),
        image: enclosureOf(strapi, note.cover),
      });
    }

    const section = localeUrl(strapi, config.feeds.pressNotes.page, locale);
    const self = (ext: FeedFormat) => `${publicServerUrl(strapi)}/api/feeds/press-notes.${ext}?locale=${encodeURIComponent(locale)}`;
    return renderFeed(
      {
        id: section,
        title: textFor(config.feeds.pressNotes.title, locale, defaultLocale),
        description: textFor(config.feeds.pressNotes.description, locale, defaultLocale),
        language: locale,
        homePageUrl: section,
        urls: { rss: self('rss'), atom: self('atom'), json: self('json') },
        author: { name: `${config.organization.office} — ${config.organization.name}`, email: config.organization.email || undefined, url: websiteUrl(strapi) },
        rights: `© ${config.organization.name}`,
        icon: onWebsite(strapi, config.organization.logo),
        items,
      },
      format
    );
  },
});
