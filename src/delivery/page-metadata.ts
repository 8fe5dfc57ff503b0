/**
 * What a page's <head> needs, in the `meta` of the detail responses of press notes,
 * ceremonies and norms: schema.org JSON-LD (`NewsArticle`, `Event`, `Legislation`)
 * and Open Graph / Twitter card properties, keyed by the property name the website
 * writes into <meta property|name=…>. Derived from the document's `seo` when it has
 * one, falling back to its title, lead or description and its cover (or the
 * organisation's share image). The entry itself (`data`) keeps its shape: the CIF
 * mirrors entries, and generated clients type them from the content-type schemas.
 *
 * The document is read again with the populate this needs and through the Content
 * API's output sanitizer for the caller, so the metadata never says more than the
 * caller may read, whatever `fields` or `populate` the request asked for.
 */
import type { Core } from '@strapi/strapi';
import { TZDate } from '@date-fns/tz';
import { VISIBILITY_FLAG } from '../access/content-api';
import { blocksToText } from './blocks-to-html';
import { shareImageOf, type ImageRef, type Media } from './media';
import { absoluteMediaUrl, onWebsite, pageUrl, websiteConfig, websiteUrl } from './website';

type Json = Record<string, unknown>;
export interface PageMetadata {
  jsonLd: Json;
  openGraph: Record<string, string | string[]>;
  twitter: Record<string, string>;
}

const NORM_TYPES: Record<string, string> = {
  ordenanza: 'Ordenanza Municipal',
  'acuerdo-de-concejo': 'Acuerdo de Concejo',
  'resolucion-de-concejo': 'Resolución de Concejo',
  'decreto-de-alcaldia': 'Decreto de Alcaldía',
  'resolucion-de-alcaldia': 'Resolución de Alcaldía',
  'resolucion-de-gerencia': 'Resolución de Gerencia',
  'ordenanza-regional': 'Ordenanza Regional',
  'acuerdo-de-consejo-regional': 'Acuerdo de Consejo Regional',
  ley: 'Ley',
  'decreto-legislativo': 'Decreto Legislativo',
  'decreto-supremo': 'Decreto Supremo',
  'resolucion-ministerial': 'Resolución Ministerial',
  otra: 'Norma',
};

const LEGAL_FORCE: Record<string, string> = {
  'in-force': 'https://schema.org/InForce',
  amended: 'https://schema.org/PartiallyInForce',
  repealed: 'https://schema.org/NotInForce',
};

/** Detail responses that carry page metadata, and what reading a document for it takes. */
export const PAGE_METADATA: Record<string, { type: 'NewsArticle' | 'Event' | 'Legislation'; populate: Json }> = {
  'api::press-note.press-note': { type: 'NewsArticle', populate: { cover: true, seo: { populate: { shareImage: true } } } },
  'api::ceremony.ceremony': {
    type: 'Event',
    populate: { archiveItems: { filters: { [VISIBILITY_FLAG]: true, kind: 'photo' }, fields: ['title'], populate: { file: true } } },
  },
  'api::norm.norm': { type: 'Legislation', populate: { bodyFile: true, gazettePublication: true } },
};

const clip = (text: string | null | undefined, max: number) => {
  const value = (text ?? '').replace(/\s+/g, ' ').trim();
  return value.length <= max ? value : `${value.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
};
const compact = <T extends Json>(object: T): T =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length))) as T;
const ogLocale = (locale: string) => locale.replace('-', '_');
const isoSeconds = (value: string | Date) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function createPageMetadata(strapi: Core.Strapi) {
  const config = () => websiteConfig(strapi);

  const organization = () => {
    const { organization: org } = config();
    const logo = onWebsite(strapi, org.logo);
    return compact({
      '@type': 'GovernmentOrganization',
      name: org.name,
      alternateName: org.alternateName,
      url: websiteUrl(strapi),
      email: org.email,
      logo: logo ? { '@type': 'ImageObject', url: logo } : undefined,
      address: { '@type': 'PostalAddress', addressLocality: org.address.locality, addressRegion: org.address.region, addressCountry: org.address.country },
    });
  };

  const localTime = (value: string | null | undefined) =>
    value ? new TZDate(new Date(value).getTime(), config().timezone).toISOString().replace(/\.000(?=[+-])/, '') : undefined;

  /** The image a share card shows: the SEO image, the cover, the first public photo, else the organisation's. */
  const imageFor = (uid: string, entry: any): ImageRef | undefined => {
    const media: Media | undefined =
      entry.seo?.shareImage ?? entry.cover ?? (uid === 'api::ceremony.ceremony' ? entry.archiveItems?.find((item: any) => item.file)?.file : undefined);
    const image = shareImageOf(strapi, media);
    if (image) return image;
    const fallback = onWebsite(strapi, config().organization.shareImage);
    return fallback ? { url: fallback, mime: '', bytes: 0 } : undefined;
  };

  function jsonLdOf(uid: string, entry: any, locale: string, url: string | null, title: string, description: string, image?: ImageRef): Json {
    const common = {
      '@context': 'https://schema.org',
      '@type': PAGE_METADATA[uid].type,
      url: url ?? undefined,
      inLanguage: locale,
      description: description || undefined,
      image: image ? [image.url] : undefined,
    };
    if (uid === 'api::press-note.press-note') {
      const { organization: org } = config();
      return compact({
        ...common,
        headline: clip(title, 110),
        mainEntityOfPage: url ?? undefined,
        datePublished: entry.publishedAt ? isoSeconds(entry.publishedAt) : undefined,
        dateModified: isoSeconds(entry.updatedAt),
        articleSection: entry.category,
        keywords: entry.seo?.keywords || (Array.isArray(entry.tags) ? entry.tags.join(', ') : undefined),
        author: [{ '@type': 'GovernmentOrganization', name: org.office, parentOrganization: { '@type': 'GovernmentOrganization', name: org.name } }],
        publisher: organization(),
        isAccessibleForFree: true,
      });
    }
    if (uid === 'api::ceremony.ceremony') {
      const { organization: org } = config();
      return compact({
        ...common,
        name: title,
        startDate: localTime(entry.startsAt),
        endDate: localTime(entry.endsAt),
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        location: { '@type': 'Place', name: entry.venue, address: { '@type': 'PostalAddress', addressLocality: org.address.locality, addressRegion: org.address.region, addressCountry: org.address.country } },
        organizer: organization(),
        isAccessibleForFree: true,
      });
    }
    const { organization: org } = config();
    const jurisdiction = entry.level === 'national' ? org.address.country : entry.level === 'regional' ? org.address.region : org.address.locality;
    return compact({
      ...common,
      name: title,
      legislationIdentifier: entry.number,
      legislationType: NORM_TYPES[entry.normType] ?? entry.normType,
      legislationDate: entry.issuedOn,
      datePublished: entry.gazettePublication?.editionDate,
      legislationDateOfApplicability: entry.effectiveFrom,
      legislationLegalForce: LEGAL_FORCE[entry.legalStatus],
      legislationJurisdiction: jurisdiction,
      legislationPassedBy: entry.issuedBy ? { '@type': 'GovernmentOrganization', name: entry.issuedBy } : undefined,
      publisher: organization(),
      encoding: entry.bodyFile?.url
        ? [{ '@type': 'LegislationObject', contentUrl: absoluteMediaUrl(strapi, entry.bodyFile.url), encodingFormat: entry.bodyFile.mime }]
        : undefined,
    });
  }

  return {
    /** The page metadata of one document as the caller may read it, or null (not readable, no such type). */
    async of(uid: string, documentId: string, query: { locale?: unknown; status?: unknown }, auth: unknown): Promise<PageMetadata | null> {
      const spec = PAGE_METADATA[uid];
      if (!spec || !documentId) return null;
      const model = strapi.getModel(uid as any) as any;
      // The version the response shows: the query's locale and status (restricted callers are held to published ones).
      const found = await strapi.documents(uid as any).findOne({
        documentId,
        ...(typeof query.locale === 'string' ? { locale: query.locale } : {}),
        ...(model.options?.draftAndPublish ? { status: query.status === 'draft' ? 'draft' : 'published' } : {}),
        populate: spec.populate,
      } as any);
      if (!found) return null;
      const entry: any = await strapi.contentAPI.sanitize.output(found, model, { auth } as any);
      const defaultLocale: string = await strapi.plugin('i18n').service('locales').getDefaultLocale();
      const locale = entry.locale ?? defaultLocale;
      const url = pageUrl(strapi, uid, entry, locale);
      const title: string = entry.seo?.metaTitle || entry.title;
      const description = clip(entry.seo?.metaDescription || entry.lead || entry.sumilla || entry.description || blocksToText(entry.body), 300);
      const image = imageFor(uid, entry);
      const others = model.pluginOptions?.i18n?.localized
        ? ((await strapi.db.query(uid as any).findMany({
            select: ['locale'],
            where: { documentId, locale: { $ne: locale }, ...(model.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {}) },
          })) as Array<{ locale: string }>).map((row) => ogLocale(row.locale)).sort()
        : [];
      const isArticle = uid === 'api::press-note.press-note';

      const openGraph = compact({
        'og:type': isArticle ? 'article' : 'website',
        'og:title': title,
        'og:description': description,
        'og:url': url ?? undefined,
        'og:site_name': config().organization.name,
        'og:locale': ogLocale(locale),
        'og:locale:alternate': others,
        'og:image': image?.url,
        'og:image:type': image?.mime || undefined,
        'og:image:width': image?.width ? String(image.width) : undefined,
        'og:image:height': image?.height ? String(image.height) : undefined,
        'og:image:alt': image?.url ? image.alt ?? title : undefined,
        'article:published_time': isArticle && entry.publishedAt ? isoSeconds(entry.publishedAt) : undefined,
        'article:modified_time': isArticle ? isoSeconds(entry.updatedAt) : undefined,
        'article:section': isArticle ? entry.category : undefined,
        'article:tag': isArticle && Array.isArray(entry.tags) ? entry.tags.filter((t: unknown) => typeof t === 'string') : undefined,
      }) as Record<string, string | string[]>;
      const twitter = compact({
        'twitter:card': image ? 'summary_large_image' : 'summary',
        'twitter:title': clip(title, 70),
        'twitter:description': clip(description, 200),
        'twitter:image': image?.url,
        'twitter:image:alt': image?.url ? image.alt ?? title : undefined,
      }) as Record<string, string>;
      return { jsonLd: jsonLdOf(uid, entry, locale, url, title, description, image), openGraph, twitter };
    },
  };
}

/** A detail response with its page metadata added to `meta` (unchanged when there is no entry). */
export async function withPageMetadata(strapi: Core.Strapi, uid: string, ctx: any, response: any) {
  if (!response?.data?.documentId) return response;
  const metadata = await createPageMetadata(strapi).of(uid, response.data.documentId, ctx.query ?? {}, ctx.state?.auth);
  return metadata ? { ...response, meta: { ...(response.meta ?? {}), ...metadata } } : response;
}
