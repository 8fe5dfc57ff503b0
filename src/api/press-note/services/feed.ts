/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest published press notes of a
 * locale (the `feed` package). Links point to the website (WEBSITE_URL).
 */
import { Feed } from 'feed';
import type { Core } from '@strapi/strapi';
import { blocksToHtml } from '../../../delivery/blocks-to-html';
import { absoluteUrl, publicBaseUrl, websiteBaseUrl } from '../../../delivery/public-url';

export const FEED_FORMATS = { rss: 'rss2', atom: 'atom1', json: 'json1' } as const;
export type FeedFormat = keyof typeof FEED_FORMATS;
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
const FEED_SIZE = 50;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Absolute links from configuration only (src/delivery/public-url.ts), never from the request. */
  async render(format: FeedFormat, locale: string) {
    const website = websiteBaseUrl();
    const api = publicBaseUrl(strapi);
    const notes = await strapi.documents('api::press-note.press-note').findMany({
      locale,
      status: 'published',
      sort: [{ publishedAt: 'desc' }, { id: 'desc' }],
      limit: FEED_SIZE,
      populate: { cover: true },
    } as any);

    const self = (ext: FeedFormat) => `${api}/api/feeds/press-notes.${ext}?locale=${encodeURIComponent(locale)}`;
    const feed = new Feed({
      title: 'Notas de prensa — Municipalidad',
      description: 'Notas de prensa de la Gerencia de Comunicaciones e Imagen Institucional',
      id: `${website}/${locale}/prensa`,
      link: `${website}/${locale}/prensa`,
      language: locale,
      copyright: `© ${new Date().getUTCFullYear()} Municipalidad`,
      updated: notes[0] ? new Date(notes[0].publishedAt as string) : new Date(0),
      feedLinks: { rss: self('rss'), atom: self('atom'), json: self('json') },
      generator: 'Strapi',
    });
    for (const note of notes as any[]) {
      const link = `${website}/${locale}/prensa/${note.slug}`;
      feed.addItem({
        title: note.title,
        id: link,
        link,
        description: note.lead ?? undefined,
        content: blocksToHtml(note.body),
        date: new Date(note.publishedAt),
        category: note.category ? [{ name: note.category }] : undefined,
        image: absoluteUrl(strapi, note.cover?.url),
      });
    }
    return feed[FEED_FORMATS[format]]();
  },
});
