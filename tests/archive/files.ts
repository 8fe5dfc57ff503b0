// Real files for the archive tests, made here: photos drawn by sharp (and their
// near-duplicates), a decompression bomb, a truncated JPEG, a WAV and a PDF.
import zlib from 'zlib';
import sharp from 'sharp';

/** Deterministic pseudo-random numbers (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A "photo": a gradient and random shapes, different for every seed. */
export async function photo(seed: number, options: { width?: number; height?: number; exif?: Record<string, Record<string, string>> } = {}) {
  const { width = 1200, height = 800 } = options;
  const rnd = random(seed);
  const colour = () => `rgb(${Math.floor(rnd() * 255)},${Math.floor(rnd() * 255)},${Math.floor(rnd() * 255)})`;
  const shapes = Array.from({ length: 14 }, () =>
    rnd() < 0.5
      ? `<circle cx="${rnd() * width}" cy="${rnd() * height}" r="${30 + rnd() * height * 0.3}" fill="${colour()}"/>`
      : `<rect x="${rnd() * width}" y="${rnd() * height}" width="${50 + rnd() * width * 0.4}" height="${50 + rnd() * height * 0.4}" fill="${colour()}"/>`
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colour()}"/><stop offset="1" stop-color="${colour()}"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#g)"/>${shapes}</svg>`;
  const image = sharp(Buffer.from(svg));
  return (options.exif ? image.withExif(options.exif) : image).jpeg({ quality: 90 }).toBuffer();
}

/** The same photo resized, recompressed harder, or made brighter. */
export const resized = (jpeg: Buffer) => sharp(jpeg).resize(640).jpeg({ quality: 85 }).toBuffer();
export const recompressed = (jpeg: Buffer) => sharp(jpeg).jpeg({ quality: 40 }).toBuffer();
export const brighter = (jpeg: Buffer) => sharp(jpeg).modulate({ brightness: 1.15 }).jpeg({ quality: 88 }).toBuffer();
export const asPng = (jpeg: Buffer) => sharp(jpeg).resize(300).png().toBuffer();

/** The first 60 % of a JPEG. */
export const truncated = (jpeg: Buffer) => jpeg.subarray(0, Math.floor(jpeg.length * 0.6));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer: Buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * A decompression bomb: a PNG of a few kilobytes that declares 30,000 × 30,000
 * grey pixels (900 megapixels), all zero, compressed as far as zlib goes.
 */
export function decompressionBomb(side = 30000) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.writeUInt8(1, 8); // bit depth 1
  header.writeUInt8(0, 9); // greyscale
  const rowBytes = 1 + Math.ceil(side / 8);
  // A few rows are enough: the size is in the header; decoding all of it is what must not happen.
  const data = zlib.deflateSync(Buffer.alloc(rowBytes * 64), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

/** A mono 16-bit PCM WAV of a tone, `seconds` long. */
export function wav(seconds: number, sampleRate = 8000, frequency = 440) {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 12000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A valid PDF with `pages` pages of text, cross-reference table included. */
export function pdf(pages: number, text = 'Recorte de prensa') {
  const objects: string[] = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pageIds.forEach((id, i) => {
    const stream = `BT /F1 18 Tf 72 720 Td (${text} - pagina ${i + 1}) Tj ET`;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
