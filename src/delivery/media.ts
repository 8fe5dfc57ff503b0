// Picks the rendition of an uploaded image an output links to, with what the output
// must say about it: absolute URL, MIME type from the file record, exact byte size.
import type { Core } from '@strapi/strapi';
import { absoluteMediaUrl } from './website';

type Rendition = { url: string; mime?: string; size?: number; sizeInBytes?: number; width?: number | null; height?: number | null };
export type Media = Rendition & { alternativeText?: string | null; caption?: string | null; formats?: Record<string, Rendition> | null };

export interface ImageRef {
  url: string;
  mime: string;
  /** Exact: the formats record `sizeInBytes`, and so does every file stored since the upload guard counts its bytes; older files' `size` is in KB, to ±5 bytes. */
  bytes: number;
  width?: number;
  height?: number;
  alt?: string;
}

const ref = (strapi: Core.Strapi, rendition: Rendition, media: Media): ImageRef => ({
  url: absoluteMediaUrl(strapi, rendition.url)!,
  mime: rendition.mime ?? media.mime ?? 'application/octet-stream',
  bytes: rendition.sizeInBytes ?? Math.round((rendition.size ?? 0) * 1000),
  ...(rendition.width ? { width: rendition.width } : {}),
  ...(rendition.height ? { height: rendition.height } : {}),
  ...(media.alternativeText ? { alt: media.alternativeText } : {}),
});

/** The largest of Strapi's formats (exact byte size), or the original when there is none. */
export function enclosureOf(strapi: Core.Strapi, media: Media | null | undefined): ImageRef | undefined {
  if (!media?.url) return undefined;
  const formats = Object.values(media.formats ?? {}).filter((f) => f?.url && f.sizeInBytes);
  const largest = formats.sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  return ref(strapi, largest ?? media, media);
}

/** The original when it is no wider than `maxWidth` (social cards want large images), else the largest format. */
export function shareImageOf(strapi: Core.Strapi, media: Media | null | undefined, maxWidth = 2400): ImageRef | undefined {
  if (!media?.url) return undefined;
  if (!media.width || media.width <= maxWidth) return ref(strapi, media, media);
  return enclosureOf(strapi, media);
}
