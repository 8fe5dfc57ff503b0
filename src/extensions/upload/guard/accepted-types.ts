// What the upload guard accepts, by the type the file's bytes show (file-type),
// with the extensions a file of that type may carry and the types a browser
// may declare for it. Anything else is refused, whatever its name says.

export interface AcceptedType {
  /** Extensions (lower case, no dot) a file of this real type may have. */
  extensions: string[];
  /** MIME types a client may declare for it besides the real one. */
  declared?: string[];
}

const OFFICE_ZIP_DECLARED = ['application/zip', 'application/x-zip-compressed'];

export const ACCEPTED_TYPES: Record<string, AcceptedType> = {
  'image/jpeg': { extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], declared: ['image/jpg', 'image/pjpeg'] },
  'image/png': { extensions: ['png'] },
  'image/webp': { extensions: ['webp'] },
  'image/gif': { extensions: ['gif'] },
  'image/tiff': { extensions: ['tif', 'tiff'] },
  'image/avif': { extensions: ['avif'] },
  'image/heic': { extensions: ['heic', 'heif'], declared: ['image/heif'] },
  'video/mp4': { extensions: ['mp4', 'm4v'] },
  'video/quicktime': { extensions: ['mov', 'qt'] },
  'video/webm': { extensions: ['webm'] },
  'video/x-matroska': { extensions: ['mkv'] },
  'video/mpeg': { extensions: ['mpg', 'mpeg'] },
  'video/x-msvideo': { extensions: ['avi'], declared: ['video/avi', 'video/msvideo'] },
  'audio/mpeg': { extensions: ['mp3'], declared: ['audio/mp3'] },
  'audio/vnd.wave': { extensions: ['wav'], declared: ['audio/wav', 'audio/x-wav', 'audio/wave'] },
  'audio/wav': { extensions: ['wav'], declared: ['audio/x-wav', 'audio/vnd.wave', 'audio/wave'] },
  'audio/ogg': { extensions: ['ogg', 'oga'], declared: ['application/ogg'] },
  'audio/opus': { extensions: ['opus', 'ogg'], declared: ['audio/ogg'] },
  'audio/x-flac': { extensions: ['flac'], declared: ['audio/flac'] },
  'audio/flac': { extensions: ['flac'], declared: ['audio/x-flac'] },
  'audio/x-m4a': { extensions: ['m4a'], declared: ['audio/mp4', 'audio/m4a'] },
  'audio/mp4': { extensions: ['m4a', 'mp4'], declared: ['audio/x-m4a', 'audio/m4a'] },
  'audio/aac': { extensions: ['aac'], declared: ['audio/x-aac'] },
  'application/pdf': { extensions: ['pdf'], declared: ['application/x-pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], declared: OFFICE_ZIP_DECLARED },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], declared: OFFICE_ZIP_DECLARED },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { extensions: ['pptx'], declared: OFFICE_ZIP_DECLARED },
  'application/vnd.oasis.opendocument.text': { extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { extensions: ['ods'] },
  'application/vnd.oasis.opendocument.presentation': { extensions: ['odp'] },
  // Office 97–2003 (compound file): .doc, .xls, .ppt.
  'application/x-cfb': {
    extensions: ['doc', 'xls', 'ppt'],
    declared: ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
  },
};

/** file-type reads some Office files as a plain ZIP: the extension then says which one. */
export const ZIP_OFFICE_EXTENSIONS: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/** Plain text has no signature: accepted only with these extensions and text-only content. */
export const TEXT_TYPES: Record<string, { mime: string; declared: string[] }> = {
  txt: { mime: 'text/plain', declared: [] },
  // Windows browsers declare CSV as Excel's type.
  csv: { mime: 'text/csv', declared: ['text/plain', 'application/vnd.ms-excel', 'application/csv', 'text/x-csv'] },
};

/**
 * Types a browser runs or renders as a page: never stored, whatever they are
 * called (an SVG or HTML file served from our domain is stored XSS).
 */
export const ACTIVE_EXTENSIONS = ['svg', 'svgz', 'html', 'htm', 'xhtml', 'shtml', 'xht', 'xml', 'xsl', 'xslt', 'js', 'mjs', 'cjs', 'swf', 'php', 'jsp', 'asp', 'aspx', 'hta', 'mht', 'mhtml'];

/**
 * Markup that makes a browser treat bytes as a page when it sniffs them: looked for
 * where sniffers look (the first 1445 bytes, WHATWG MIME Sniffing) and in text files.
 */
export const ACTIVE_MARKERS = ['<script', '<html', '<svg', '<!doctype html', '<iframe', '<body', '<head>', '<object', '<embed', '<?php', '<x:script', 'javascript:'];

/** The WHATWG sniffing window. */
export const SNIFF_BYTES = 1445;

/**
 * PDF actions that run code or programs when the file is opened. Names long enough
 * not to occur by chance in compressed streams; inside compressed object streams
 * they are not seen (see docs/SECURITY.md).
 */
export const PDF_ACTIVE_NAMES = ['/JavaScript', '/Launch', '/RichMedia'];
