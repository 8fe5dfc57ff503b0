// Page count of a PDF without a PDF library: page objects are counted in the
// file and, when the objects are packed in compressed object streams, in them.
import zlib from 'zlib';
import { corruptFile } from './errors';

const PAGE_OBJECT = /\/Type\s*\/Page(?![a-zA-Z])/g;
const STREAM = /stream\r?\n/g;
const MAX_INFLATED = 64 * 1024 * 1024;

const countPages = (latin1: string) => latin1.match(PAGE_OBJECT)?.length ?? 0;

/** Pages declared in compressed object streams (PDF 1.5+ writers pack page objects there). */
function countPagesInObjectStreams(buffer: Buffer, latin1: string) {
  let pages = 0;
  let inflated = 0;
  for (const match of latin1.matchAll(STREAM)) {
    const dictionary = latin1.slice(Math.max(0, match.index! - 300), match.index!);
    if (!/\/Type\s*\/ObjStm/.test(dictionary) || !/\/FlateDecode/.test(dictionary)) continue;
    const start = match.index! + match[0].length;
    const end = latin1.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      const content = zlib.inflateSync(buffer.subarray(start, end), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      inflated += content.length;
      if (inflated > MAX_INFLATED) break;
      pages += countPages(content.toString('latin1'));
    } catch {
      // an unreadable stream is not counted
    }
  }
  return pages;
}

export function pdfPageCount(buffer: Buffer): number {
  const latin1 = buffer.toString('latin1');
  if (!latin1.startsWith('%PDF-')) throw corruptFile('not a PDF header');
  // A complete PDF ends with %%EOF (possibly followed by a few bytes of whitespace).
  if (!latin1.slice(-2048).includes('%%EOF')) throw corruptFile('PDF truncated: no %%EOF');
  const pages = countPages(latin1) || countPagesInObjectStreams(buffer, latin1);
  if (pages === 0) throw corruptFile('PDF without pages');
  return pages;
}
