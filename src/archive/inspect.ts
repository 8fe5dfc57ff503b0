// What the archive learns from a file's bytes, and the safety checks that refuse it:
// real type by content against the kind, size per kind, decoded pixels, corruption.
import crypto from 'crypto';
import fs from 'fs';
import sharp, { type Metadata } from 'sharp';
import FileType from 'file-type';
import * as musicMetadata from 'music-metadata';
import { ALLOWED_TYPES, type ArchiveKind } from './constants';
import { corruptFile, fileTooLarge, invalidFileType, tooManyPixels } from './errors';
import { differenceHash } from './perceptual-hash';
import { readExif, type ArchiveExif } from './exif';
import { pdfPageCount } from './pdf';

export interface ArchiveLimits {
  maxBytes: Record<ArchiveKind, number>;
  maxInputPixels: number;
  exifTimeOffset: string;
}

export interface InspectedFile {
  sha256: string;
  mime: string;
  ext: string;
  size: number;
  perceptualHash?: string;
  width?: number;
  height?: number;
  durationSeconds?: number;
  pageCount?: number;
  exif?: ArchiveExif;
}

export const sha256OfFile = (filepath: string) =>
  new Promise<string>((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(filepath)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });

async function inspectImage(filepath: string, limits: ArchiveLimits) {
  // The header alone tells the size: a bomb is refused before any pixel is decoded.
  let metadata: Metadata;
  try {
    metadata = await sharp(filepath, { limitInputPixels: false }).metadata();
  } catch (error: any) {
    throw corruptFile(error.message);
  }
  const { width, height } = metadata;
  if (!width || !height) throw corruptFile('image without dimensions');
  if (width * height > limits.maxInputPixels) throw tooManyPixels(width, height, limits.maxInputPixels);

  let perceptualHash: string;
  try {
    // failOn 'truncated': a cut-off file is refused, harmless encoder warnings are not.
    perceptualHash = await differenceHash(sharp(filepath, { limitInputPixels: limits.maxInputPixels, failOn: 'truncated' }));
  } catch (error: any) {
    throw corruptFile(error.message);
  }
  const rotated = (metadata.orientation ?? 1) >= 5;
  const exif = readExif(metadata.exif, limits.exifTimeOffset);
  return { width: rotated ? height : width, height: rotated ? width : height, perceptualHash, ...(exif ? { exif } : {}) };
}

async function inspectAudio(filepath: string) {
  try {
    const { format } = await musicMetadata.parseFile(filepath, { duration: true, skipCovers: true });
    if (!format.duration || !Number.isFinite(format.duration)) throw new Error('no duration');
    return { durationSeconds: Math.round(format.duration * 1000) / 1000 };
  } catch (error: any) {
    throw corruptFile(error.message);
  }
}

const inspectPdf = async (filepath: string) => ({ pageCount: pdfPageCount(await fs.promises.readFile(filepath)) });

/** Checks the file against the kind and the limits, then derives its read-only fields. */
export async function inspectFile(filepath: string, kind: ArchiveKind, limits: ArchiveLimits): Promise<InspectedFile> {
  const { size } = await fs.promises.stat(filepath);
  if (size > limits.maxBytes[kind]) throw fileTooLarge(kind, size, limits.maxBytes[kind]);
  const type = await FileType.fromFile(filepath);
  if (!type || !ALLOWED_TYPES[kind].includes(type.mime)) throw invalidFileType(kind, type?.mime);

  const [sha256, derived] = await Promise.all([
    sha256OfFile(filepath),
    type.mime.startsWith('image/')
      ? inspectImage(filepath, limits)
      : type.mime.startsWith('audio/')
        ? inspectAudio(filepath)
        : type.mime === 'application/pdf'
          ? inspectPdf(filepath)
          : Promise.resolve({}),
  ]);
  return { sha256, mime: type.mime, ext: type.ext, size, ...derived };
}
