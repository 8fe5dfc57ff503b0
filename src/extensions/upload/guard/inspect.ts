// The one upload guard: what a file's bytes are, checked before anything is
// stored, for every door (admin media library, /api/upload with any token, the
// upload service called by server code, the archive's ingest).
//   1. real type by content (file-type), from a list of accepted types;
//   2. the name's extension and the declared MIME type must agree with it;
//   3. no active content: SVG, HTML, scripts, markup where browsers sniff, PDF actions;
//   4. images: the pixel count from the header, before any decoding.
// Truncated or broken images are refused when they are decoded (decodeCheck),
// which replaces the upload plugin's own decode, so no picture is decoded twice.
import fs from 'fs';
import path from 'path';
import sharp from 'sharp';
import FileType from 'file-type';
import {
  ACCEPTED_TYPES,
  ACTIVE_EXTENSIONS,
  ACTIVE_MARKERS,
  PDF_ACTIVE_NAMES,
  SNIFF_BYTES,
  TEXT_TYPES,
  ZIP_OFFICE_EXTENSIONS,
} from './accepted-types';
import { activeContent, corruptFile, emptyFile, extensionMismatch, mimeMismatch, tooManyPixels, unknownType } from './errors';

export interface UploadGuardLimits {
  /** Largest width × height accepted, read from the image header (sharp's limitInputPixels). */
  maxInputPixels: number;
}

/** A file as the upload service receives it (formidable's object, or server code's). */
export interface IncomingUpload {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size?: number;
}

export interface InspectedUpload {
  mime: string;
  ext: string;
  width?: number;
  height?: number;
}

/** Images sharp decodes here (formats, checks); others (HEIC) are stored as they are and never decoded. */
const DECODED_IMAGES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/avif'];

const GENERIC_DECLARED = ['', 'application/octet-stream', 'binary/octet-stream'];

const extensionOf = (name: string) => path.extname(name).slice(1).toLowerCase();

async function readHead(filepath: string, bytes: number) {
  const handle = await fs.promises.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Lower-cased Latin-1 view of bytes: markers are ASCII, binary stays one char per byte. */
const asciiLower = (bytes: Buffer) => bytes.toString('latin1').toLowerCase();

const findMarker = (text: string, markers: string[]) => markers.find((marker) => text.includes(marker.toLowerCase()));

/** Streams the file looking for any of the markers (case-sensitive, across chunk borders). */
async function fileContains(filepath: string, markers: string[]) {
  const overlap = Math.max(...markers.map((m) => m.length)) - 1;
  let tail = '';
  for await (const chunk of fs.createReadStream(filepath, { highWaterMark: 1 << 20 })) {
    const text = tail + (chunk as Buffer).toString('latin1');
    const found = markers.find((marker) => text.includes(marker));
    if (found) return found;
    tail = text.slice(-overlap);
  }
  return undefined;
}

/** A text file: no NUL bytes and valid UTF-8 (or plain 8-bit text), no markup a browser would run. */
async function inspectText(name: string, filepath: string, ext: string) {
  const content = await fs.promises.readFile(filepath);
  if (content.includes(0)) throw unknownType(name, null);
  const marker = findMarker(asciiLower(content), ACTIVE_MARKERS);
  if (marker) throw activeContent(name, `markup ${marker}`);
  return { mime: TEXT_TYPES[ext].mime, ext };
}

function assertDeclared(name: string, declared: string, detected: string, accepted: string[]) {
  const normalized = declared.split(';')[0].trim().toLowerCase();
  if (GENERIC_DECLARED.includes(normalized)) return;
  if (normalized === detected || accepted.includes(normalized)) return;
  throw mimeMismatch(name, normalized, detected);
}

/** Reads the header only: a 30000 × 30000 PNG is refused without decoding a pixel. */
async function inspectImageHeader(name: string, filepath: string, limits: UploadGuardLimits) {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(filepath, { limitInputPixels: false }).metadata());
  } catch (error: any) {
    throw corruptFile(name, error.message);
  }
  if (!width || !height) throw corruptFile(name, 'image without dimensions');
  if (width * height > limits.maxInputPixels) throw tooManyPixels(name, width, height, limits.maxInputPixels);
  return { width, height };
}

/**
 * Checks one file before it is stored; throws a coded refusal.
 * Returns the real type, which is what gets stored and served.
 */
export async function inspectUpload(file: IncomingUpload, limits: UploadGuardLimits): Promise<InspectedUpload> {
  const name = path.basename(file.originalFilename || path.basename(file.filepath));
  const ext = extensionOf(name);
  if (ACTIVE_EXTENSIONS.includes(ext)) throw activeContent(name, `extension .${ext}`);
  const { size } = await fs.promises.stat(file.filepath);
  if (size === 0) throw emptyFile(name);

  const head = await readHead(file.filepath, 4100);
  const marker = findMarker(asciiLower(head.subarray(0, SNIFF_BYTES)), ACTIVE_MARKERS);
  if (marker) throw activeContent(name, `markup ${marker} where browsers sniff`);

  const detectedType = await FileType.fromBuffer(head);
  let detected = detectedType?.mime as string | undefined;
  if (!detected) {
    if (TEXT_TYPES[ext]) {
      assertDeclared(name, file.mimetype ?? '', TEXT_TYPES[ext].mime, TEXT_TYPES[ext].declared);
      return inspectText(name, file.filepath, ext);
    }
    throw unknownType(name, null);
  }
  if (detected === 'application/xml') throw activeContent(name, 'XML document (SVG)');
  if (detected === 'application/zip' && ZIP_OFFICE_EXTENSIONS[ext]) detected = ZIP_OFFICE_EXTENSIONS[ext];

  const accepted = ACCEPTED_TYPES[detected];
  if (!accepted) throw unknownType(name, detected);
  if (!accepted.extensions.includes(ext)) throw extensionMismatch(name, detected, accepted.extensions);
  assertDeclared(name, file.mimetype ?? '', detected, accepted.declared ?? []);

  if (detected === 'application/pdf') {
    const action = await fileContains(file.filepath, PDF_ACTIVE_NAMES);
    if (action) throw activeContent(name, `PDF action ${action}`);
  }
  const dimensions = DECODED_IMAGES.includes(detected) ? await inspectImageHeader(name, file.filepath, limits) : {};
  return { mime: detected, ext, ...dimensions };
}

/**
 * The decode every stored image goes through (the upload plugin's isFaultyImage):
 * the whole picture, refusing a truncated one, within the pixel limit.
 */
export async function decodeCheck(name: string, filepath: string, limits: UploadGuardLimits) {
  try {
    await sharp(filepath, { failOn: 'truncated', limitInputPixels: limits.maxInputPixels }).stats();
  } catch (error: any) {
    if (/pixel limit/i.test(error.message)) {
      const { width = 0, height = 0 } = await sharp(filepath, { limitInputPixels: false }).metadata().catch(() => ({}) as any);
      throw tooManyPixels(name, width, height, limits.maxInputPixels);
    }
    throw corruptFile(name, error.message);
  }
}
