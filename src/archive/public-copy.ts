// The copy of an image that the website may serve: the same picture without
// its metadata (EXIF with GPS, camera serials and maker notes, XMP, IPTC,
// comments, embedded previews). JPEG, PNG and WebP are cut losslessly (the
// metadata segments are dropped, the compressed pixels are not touched); other
// image formats carrying metadata are re-encoded by sharp, which writes none.
// The untouched original goes to the private store (./originals.ts).
import fs from 'fs/promises';
import path from 'path';
import sharp, { type FormatEnum } from 'sharp';
import { corruptFile } from './errors';

/** APP2 segments that are kept: the colour profile (anything else there, e.g. MPF previews, goes). */
const ICC = Buffer.from('ICC_PROFILE\0', 'latin1');

/** A 34-byte APP1 with only the Orientation tag, so that a rotated photo still shows upright. */
function orientationSegment(orientation: number) {
  const segment = Buffer.alloc(36);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(34, 2);
  segment.write('Exif\0\0MM\0*', 4, 'latin1');
  segment.writeUInt32BE(8, 14); // IFD0 right after the TIFF header
  segment.writeUInt16BE(1, 18); // one entry
  segment.writeUInt16BE(0x0112, 20); // Orientation
  segment.writeUInt16BE(3, 22); // SHORT
  segment.writeUInt32BE(1, 24);
  segment.writeUInt16BE(orientation, 28);
  return segment; // next-IFD offset (bytes 32–35) stays 0
}

const keepJpegSegment = (marker: number, segment: Buffer) =>
  marker === 0xe0 || // APP0 JFIF
  marker === 0xee || // APP14 Adobe (colour transform)
  (marker === 0xe2 && segment.subarray(4, 4 + ICC.length).equals(ICC)) ||
  (marker !== 0xfe && (marker < 0xe0 || marker > 0xef)); // not a comment or an application segment

/**
 * A JPEG without its application segments (APP1–APP13, APP15, non-ICC APP2)
 * and comments, and without anything after its end (MPF previews, which carry
 * their own EXIF). Null when the file is not a JPEG this parser understands.
 */
export function stripJpeg(jpeg: Buffer, orientation = 1): Buffer | null {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let orientationWritten = orientation === 1;
  let pos = 2;
  while (pos + 1 < jpeg.length) {
    if (jpeg[pos] !== 0xff) return null;
    const marker = jpeg[pos + 1];
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (!orientationWritten && marker !== 0xe0) {
      parts.push(orientationSegment(orientation));
      orientationWritten = true;
    }
    if (marker === 0xd9) {
      parts.push(jpeg.subarray(pos, pos + 2));
      return Buffer.concat(parts);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(jpeg.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > jpeg.length) return null;
    const end = pos + 2 + jpeg.readUInt16BE(pos + 2);
    if (end > jpeg.length) return null;
    const segment = jpeg.subarray(pos, end);
    if (keepJpegSegment(marker, segment)) parts.push(segment);
    pos = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart.
      let next = pos;
      while (next + 1 < jpeg.length && !(jpeg[next] === 0xff && jpeg[next + 1] !== 0 && (jpeg[next + 1] < 0xd0 || jpeg[next + 1] > 0xd7))) next++;
      parts.push(jpeg.subarray(pos, next));
      pos = next;
    }
  }
  return null; // no end marker: not a file to publish as is
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Text (XMP travels in iTXt), EXIF and time chunks. */
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

export function stripPng(png: Buffer): Buffer | null {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const parts = [png.subarray(0, 8)];
  let pos = 8;
  while (pos + 12 <= png.length) {
    const end = pos + 12 + png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    if (end > png.length) return null;
    if (!PNG_METADATA.has(type)) parts.push(png.subarray(pos, end));
    pos = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return null;
}

/** A WebP without its EXIF and XMP chunks (and their flags in VP8X). */
export function stripWebp(webp: Buffer): Buffer | null {
  if (webp.toString('latin1', 0, 4) !== 'RIFF' || webp.toString('latin1', 8, 12) !== 'WEBP') return null;
  const parts: Buffer[] = [];
  let pos = 12;
  while (pos + 8 <= webp.length) {
    const type = webp.toString('latin1', pos, pos + 4);
    const end = pos + 8 + webp.readUInt32LE(pos + 4) + (webp.readUInt32LE(pos + 4) & 1);
    if (end > webp.length) return null;
    if (type === 'VP8X') {
      const chunk = Buffer.from(webp.subarray(pos, end));
      chunk[8] &= ~0x0c; // EXIF (0x08) and XMP (0x04) flags
      parts.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') parts.push(webp.subarray(pos, end));
    pos = end;
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** Other formats: sharp re-encodes the picture, upright, and writes no metadata. */
async function reencode(bytes: Buffer, format: string) {
  const image = sharp(bytes, { animated: true, limitInputPixels: false }).rotate();
  if (format === 'tiff') return image.tiff({ compression: 'lzw' }).toBuffer();
  if (format === 'heif') return image.avif({ lossless: true }).toBuffer();
  return image.toFormat(format as keyof FormatEnum).toBuffer();
}

/**
 * The bytes the website may serve for an image, or null when the file carries
 * no metadata to remove (it is public as it is). Only called on files the
 * archive has inspected (type by content, pixel limit).
 */
export async function publicImageBytes(bytes: Buffer, mime: string): Promise<Buffer | null> {
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  const stripped =
    mime === 'image/jpeg'
      ? stripJpeg(bytes, metadata.orientation ?? 1)
      : mime === 'image/png'
        ? stripPng(bytes)
        : mime === 'image/webp'
          ? stripWebp(bytes)
          : metadata.exif || metadata.xmp || metadata.iptc
            ? await reencode(bytes, metadata.format)
            : bytes;
  if (!stripped) throw corruptFile(`the ${mime} file cannot be cut into a public copy`);
  return stripped.equals(bytes) ? null : stripped;
}

/**
 * Writes the public copy of the image at `filepath` into `dir`; its path and size, or
 * null when the original may be served as it is (not an image, or no metadata).
 */
export async function writePublicCopy(filepath: string, mime: string, dir: string) {
  if (!mime.startsWith('image/')) return null;
  const bytes = await publicImageBytes(await fs.readFile(filepath), mime);
  if (!bytes) return null;
  const target = path.join(dir, `public-${path.basename(filepath)}`);
  await fs.writeFile(target, bytes);
  return { filepath: target, size: bytes.length };
}
