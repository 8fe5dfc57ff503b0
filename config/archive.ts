import type { Core } from '@strapi/strapi';

const MB = 1024 * 1024;

/** Limits of the media archive (src/archive): per-kind file sizes, decoded pixels, lookups, import. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  maxBytes: {
    photo: env.int('ARCHIVE_MAX_PHOTO_MB', 60) * MB,
    audio: env.int('ARCHIVE_MAX_AUDIO_MB', 200) * MB,
    video: env.int('ARCHIVE_MAX_VIDEO_MB', 200) * MB,
    'press-clipping': env.int('ARCHIVE_MAX_CLIPPING_MB', 60) * MB,
    document: env.int('ARCHIVE_MAX_DOCUMENT_MB', 60) * MB,
  },
  /** sharp's limitInputPixels: a decompression bomb is refused before it is decoded. */
  maxInputPixels: env.int('ARCHIVE_MAX_INPUT_PIXELS', 100_000_000),
  similar: {
    defaultMaxDistance: env.int('ARCHIVE_SIMILAR_DEFAULT_DISTANCE', 10),
    maxMaxDistance: 24,
    limit: 50,
  },
  search: { pageSize: 20, maxPage: 500 },
  /** Cameras write local time without a zone: Peru is UTC−5 all year. */
  exifTimeOffset: env('ARCHIVE_EXIF_TIME_OFFSET', '-05:00'),
  importConcurrency: env.int('ARCHIVE_IMPORT_CONCURRENCY', 2),
  // Where originals and private items' files live: config/storage.ts.
});

export default config;
