// 64-bit difference hash (dHash) of a picture and the Hamming distance between two.
import type { Sharp } from 'sharp';

/**
 * Shrinks the (auto-oriented) picture to 9×8 grey pixels and sets one bit per
 * pair of horizontal neighbours: 1 when the left one is brighter. Resizing,
 * recompressing or a brightness change keep almost every bit.
 */
export async function differenceHash(image: Sharp): Promise<string> {
  const pixels = await image.rotate().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      hash = (hash << 1n) | (pixels[y * 9 + x] > pixels[y * 9 + x + 1] ? 1n : 0n);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/** The hash as two unsigned 32-bit halves, for fast comparison. */
export const hashHalves = (hex: string): [number, number] => [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0];

const popcount32 = (value: number) => {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

export const hammingHalves = (aHigh: number, aLow: number, bHigh: number, bLow: number) =>
  popcount32((aHigh ^ bHigh) >>> 0) + popcount32((aLow ^ bLow) >>> 0);

export const hammingDistance = (a: string, b: string) => {
  const [ah, al] = hashHalves(a);
  const [bh, bl] = hashHalves(b);
  return hammingHalves(ah, al, bh, bl);
};

export const isPerceptualHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{16}$/.test(value);
