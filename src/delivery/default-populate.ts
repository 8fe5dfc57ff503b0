// What the website gets without a `populate` parameter: what a list card or a
// detail page shows. An explicit `populate` replaces the default.
import type { UID } from '@strapi/strapi';

export type PopulateSpec = true | { fields?: string[]; populate?: Populate };
export type Populate = Record<string, PopulateSpec>;

const link = (...fields: string[]) => ({ fields: ['title', 'slug', ...fields] });

export const DEFAULT_POPULATE: Partial<Record<UID.ContentType, { list: Populate; detail: Populate }>> = {
  'api::press-note.press-note': {
    list: { cover: true },
    detail: {
      cover: true,
      gallery: true,
      seo: { populate: { shareImage: true } },
      pressContact: true,
      relatedNorms: link('number', 'normType'),
      relatedCeremonies: link('startsAt', 'venue'),
    },
  },
  'api::norm.norm': {
    list: { bodyFile: true },
    detail: {
      bodyFile: true,
      gazettePublication: true,
      prepublication: true,
      amends: link('number'),
      amendedBy: link('number'),
      repeals: link('number'),
      repealedBy: link('number'),
    },
  },
  'api::ceremony.ceremony': {
    list: {},
    detail: { programme: true, archiveItems: { fields: ['title', 'kind'], populate: { file: true } } },
  },
  'api::transparency-page.transparency-page': {
    list: {},
    detail: { attachments: true },
  },
  'api::broadcast-program.broadcast-program': {
    list: { scheduleSlots: true },
    detail: { scheduleSlots: true, spots: true },
  },
  'api::media-archive-item.media-archive-item': {
    list: { file: true },
    detail: { file: true, source: true },
  },
};
