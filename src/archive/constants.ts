// The media archive's identifiers, what each kind of item may contain, and its error codes.
export const ARCHIVE_UID = 'api::media-archive-item.media-archive-item' as const;
export const UPLOAD_FILE_UID = 'plugin::upload.file' as const;

export type ArchiveKind = 'photo' | 'audio' | 'video' | 'press-clipping' | 'document';

const IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'image/gif', 'image/avif'];

/** Real types (detected from the content by file-type) each kind accepts. */
export const ALLOWED_TYPES: Record<ArchiveKind, string[]> = {
  photo: IMAGES,
  audio: ['audio/mpeg', 'audio/vnd.wave', 'audio/wav', 'audio/x-wav', 'audio/ogg', 'audio/opus', 'audio/x-flac', 'audio/flac', 'audio/x-m4a', 'audio/mp4', 'audio/aac'],
  video: ['video/mp4', 'video/quicktime', 'video/webm', 'video/x-matroska', 'video/mpeg', 'video/x-msvideo'],
  'press-clipping': ['application/pdf', ...IMAGES],
  document: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/x-cfb',
  ],
};

export const KINDS = Object.keys(ALLOWED_TYPES) as ArchiveKind[];

/** Fields the archive computes from the file: editors and API callers never set them. */
export const DERIVED_FIELDS = ['sha256', 'perceptualHash', 'width', 'height', 'durationSeconds', 'pageCount', 'exif'] as const;

export const ERROR_CODES = {
  invalidType: 'INVALID_FILE_TYPE',
  tooLarge: 'FILE_TOO_LARGE',
  corrupt: 'CORRUPT_FILE',
  duplicate: 'DUPLICATE_FILE',
  missingFile: 'FILE_REQUIRED',
  fileLocked: 'ARCHIVE_FILE_LOCKED',
} as const;

/** Users-permissions role type of the archive staff on the Content API (see README). */
export const ARCHIVE_STAFF_ROLE = 'archive-staff';
