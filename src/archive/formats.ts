// The upload plugin makes each format of an image (thumbnail, then one per
// breakpoint) by decoding the whole file again: four entropy decodes of a
// 12-megapixel JPEG. For a photo the archive has inspected, the picture is
// decoded once, at the size of the largest format wanted, kept in memory for
// that upload, and every format is made from it. The files, names, sizes and
// dimensions are the plugin's (`resizeFileTo`); anything unusual (animated,
// CMYK, grey, 16-bit, palette, other formats) keeps the plugin's own code.
import fs from 'fs';
import path from 'path';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { Core } from '@strapi/strapi';

type Format = 'jpeg' | 'png' | 'webp';
interface Box {
  width: number;
  height: number;
}

/** The plugin's sizes (services/image-manipulation.js). */
const THUMBNAIL: Box = { width: 245, height: 156 };
const DEFAULT_BREAKPOINTS: Record<string, number> = { large: 1000, medium: 750, small: 500 };

const roundHalfUp = (value: number) => Math.floor(value + 0.5);
const roundHalfEven = (value: number) => {
  const floor = Math.floor(value);
  const rest = value - floor;
  return rest > 0.5 ? floor + 1 : rest < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
};
const insideShrink = (width: number, height: number, box: Box) => Math.min(Math.max(width / box.width, height / box.height), width, height);

/**
 * The size sharp gives `resize({ ...box, fit: 'inside' })` of a file: it depends on
 * the shrink-on-load sharp picks (JPEG: 1/2, 1/4, 1/8 with libjpeg's floor; WebP:
 * a scale), so it is computed the way sharp 0.35 does (pipeline.cc), and checked
 * against sharp itself in the tests.
 */
export function sharpInsideSize(format: Format, width: number, height: number, box: Box): Box {
  const shrink = insideShrink(width, height, box);
  let loadedWidth = width;
  let loadedHeight = height;
  if (format === 'jpeg') {
    let factor = shrink >= 8 ? 8 : shrink >= 4 ? 4 : shrink >= 2 ? 2 : 1;
    if (factor > 1 && Math.trunc(shrink) === factor) factor /= 2; // sharp avoids libjpeg's rounding errors
    loadedWidth = Math.floor(width / factor);
    loadedHeight = Math.floor(height / factor);
  } else if (format === 'webp' && shrink > 1) {
    loadedWidth = roundHalfEven(width / shrink);
    loadedHeight = roundHalfEven(height / shrink);
  }
  const residual = Math.max(loadedWidth / box.width, loadedHeight / box.height);
  return {
    width: roundHalfUp(loadedWidth / Math.min(residual, loadedWidth)),
    height: roundHalfUp(loadedHeight / Math.min(residual, loadedHeight)),
  };
}

/** Pictures whose formats may be made from one decode: plain 8-bit sRGB stills. */
export const isDerivable = (metadata: Metadata): metadata is Metadata & { format: Format; width: number; height: number } =>
  (metadata.format === 'jpeg' || metadata.format === 'png' || metadata.format === 'webp') &&
  (metadata.pages ?? 1) === 1 &&
  metadata.space === 'srgb' &&
  (metadata.channels === 3 || metadata.channels === 4) &&
  metadata.depth === 'uchar' &&
  !metadata.isPalette &&
  !metadata.gainMap &&
  Boolean(metadata.width && metadata.height);

interface UploadFile {
  name: string;
  hash: string;
  ext?: string;
  mime?: string;
  path?: string | null;
  filepath?: string;
  tmpWorkingDirectory?: string;
}

interface Derivation {
  format: Format;
  width: number;
  height: number;
  thumbnail: boolean;
  breakpoints: Array<[string, number]>;
  /** The largest format's pixels, as sharp's resize of the file leaves them. */
  pixels: Promise<{ data: Buffer; info: OutputInfo }>;
}

const bytesToKbytes = (bytes: number) => Math.round((bytes / 1000) * 100) / 100;
const breakpointSmallerThan = (breakpoint: number, { width, height }: Box) => breakpoint < width || breakpoint < height;

/** One upload's derivation, by the path of the file being uploaded; dropped when that upload ends. */
const derivations = new Map<string, Promise<Derivation | null>>();
/**
 * The plugin uploads the original while it makes the formats, and its provider
 * service then deletes `file.filepath`: the path is noted when the plugin asks
 * for the dimensions, before that upload starts.
 */
const pathOf = new WeakMap<object, string>();

async function plan(strapi: Core.Strapi, filepath: string): Promise<Derivation | null> {
  const metadata = await sharp(filepath).metadata();
  if (!isDerivable(metadata)) return null;
  const { format, width, height } = metadata;
  const settings = (await strapi.plugin('upload').service('upload').getSettings()) ?? {};
  const configured = strapi.config.get('plugin::upload.breakpoints', DEFAULT_BREAKPOINTS) as Record<string, number>;
  const breakpoints = settings.responsiveDimensions
    ? Object.entries(configured).filter(([, breakpoint]) => breakpointSmallerThan(breakpoint, { width, height }))
    : [];
  const thumbnail = width > THUMBNAIL.width || height > THUMBNAIL.height;
  const boxes = [...(thumbnail ? [THUMBNAIL] : []), ...breakpoints.map(([, b]) => ({ width: b, height: b }))];
  if (boxes.length === 0) return null;
  const area = (box: Box) => {
    const size = sharpInsideSize(format, width, height, box);
    return size.width * size.height;
  };
  const largest = boxes.reduce((best, box) => (area(box) > area(best) ? box : best));
  // The same call the plugin makes for that format, stopped before encoding.
  const pixels = sharp(filepath, { animated: true })
    .resize({ ...largest, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  pixels.catch(() => undefined); // awaited by the formats; a failure sends them to the plugin's code
  return { format, width, height, thumbnail, breakpoints, pixels };
}

function derivationFor(strapi: Core.Strapi, filepath: string) {
  let derivation = derivations.get(filepath);
  if (!derivation) {
    derivation = plan(strapi, filepath).catch(() => null);
    derivations.set(filepath, derivation);
  }
  return derivation;
}

/** What `resizeFileTo` returns, made from the kept pixels instead of the file. */
async function formatFile(file: UploadFile, derivation: Derivation, box: Box, { name, hash }: { name: string; hash: string }) {
  const { data, info } = await derivation.pixels;
  const size = sharpInsideSize(derivation.format, derivation.width, derivation.height, box);
  const filePath = file.tmpWorkingDirectory ? path.join(file.tmpWorkingDirectory, hash) : hash;
  let image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  if (size.width !== info.width || size.height !== info.height) image = image.resize({ ...size, fit: 'fill' });
  // The plugin writes to a name without extension: sharp keeps the input's format, with its defaults.
  const written = await image.toFormat(derivation.format).toFile(filePath);
  return {
    name,
    hash,
    ext: file.ext,
    mime: file.mime,
    filepath: filePath,
    path: file.path || null,
    getStream: () => fs.createReadStream(filePath),
    width: written.width,
    height: written.height,
    size: written.size ? bytesToKbytes(written.size) : 0,
    sizeInBytes: written.size,
  };
}

/**
 * Replaces the plugin's `generateThumbnail` and `generateResponsiveFormats` (and
 * wraps `getDimensions`, which notes the file's path) by
 * versions that use one decode for the files `isDerived(filepath)` names (the
 * archive's inspected uploads) when the picture allows it; otherwise, or if
 * that decode fails, the plugin's own functions run.
 */
export function deriveFormatsFromOneDecode(strapi: Core.Strapi, isDerived: (filepath: string) => boolean) {
  const manipulation = strapi.plugin('upload').service('image-manipulation');
  const { getDimensions, generateThumbnail, generateResponsiveFormats } = manipulation;

  manipulation.getDimensions = (file: UploadFile) => {
    if (file.filepath && isDerived(file.filepath)) {
      pathOf.set(file, file.filepath);
      void derivationFor(strapi, file.filepath); // the decode starts alongside the original's upload
    }
    return getDimensions(file);
  };

  const derivationOf = async (file: UploadFile) => {
    const filepath = file.filepath ?? pathOf.get(file);
    if (!filepath || !isDerived(filepath)) return null;
    const derivation = await derivationFor(strapi, filepath);
    if (!derivation) return null;
    try {
      await derivation.pixels;
      return derivation;
    } catch {
      return null;
    }
  };

  manipulation.generateThumbnail = async (file: UploadFile) => {
    const derivation = await derivationOf(file);
    if (!derivation) return generateThumbnail(file);
    if (!derivation.thumbnail) return null;
    return formatFile(file, derivation, THUMBNAIL, { name: `thumbnail_${file.name}`, hash: `thumbnail_${file.hash}` });
  };

  manipulation.generateResponsiveFormats = async (file: UploadFile) => {
    const derivation = await derivationOf(file);
    if (!derivation) return generateResponsiveFormats(file);
    const results = [];
    for (const [key, breakpoint] of derivation.breakpoints) {
      const box = { width: breakpoint, height: breakpoint };
      results.push({ key, file: await formatFile(file, derivation, box, { name: `${key}_${file.name}`, hash: `${key}_${file.hash}` }) });
    }
    return results;
  };
}

/** The upload of `filepath` is over: its kept pixels go. */
export const releaseDerivation = (filepath: string) => derivations.delete(filepath);

/** For tests: how many uploads are holding pixels right now. */
export const heldDerivations = () => derivations.size;
