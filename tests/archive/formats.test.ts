// An inspected photo's thumbnail and responsive formats come from one decode
// (src/archive/formats.ts): the same files, sizes and dimensions as the upload
// plugin's, pictures that look the same; anything unusual keeps the plugin's code;
// nothing is left behind in memory or in the temporary folder.
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { app, http } from '../helpers/app';
import { photo } from './files';
import { archiveStaff, counts, ingest } from './support';

// The module instance the running Strapi uses (compiled), not a second copy.
const formats = () => require(path.join(process.cwd(), 'dist/src/archive/formats'));

const BOXES: Record<string, { width: number; height: number }> = {
  thumbnail: { width: 245, height: 156 },
  large: { width: 1000, height: 1000 },
  medium: { width: 750, height: 750 },
  small: { width: 500, height: 500 },
};

let staff: Record<string, string>;
// Pictures of their own: the near-duplicate tests must not find these among theirs.
const SEEDS: Record<string, number> = { jpg: 7101, png: 7102, webp: 7103 };

const download = async (url: string) => {
  const res = await http()
    .get(url)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  return res.body as Buffer;
};

/** What the plugin's `resizeFileTo` makes of the stored file for a format. */
const pluginFormat = (stored: Buffer, key: string) =>
  sharp(stored, { animated: true })
    .resize({ ...BOXES[key], fit: 'inside' })
    .toBuffer({ resolveWithObject: true });

/** Mean absolute difference per channel value (0–255) between two pictures of the same size. */
async function meanDifference(a: Buffer, b: Buffer) {
  const [x, y] = await Promise.all([sharp(a).raw().toBuffer(), sharp(b).raw().toBuffer()]);
  expect(x.length).toBe(y.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs(x[i] - y[i]);
  return sum / x.length;
}

/** Temporary files or folders that carry this upload's hash (formats are named `<key>_<hash>`). */
function leftovers(hash: string) {
  const tmp = os.tmpdir();
  return fs.readdirSync(tmp).flatMap((entry) => {
    if (entry.includes(hash)) return [entry];
    if (!/^(strapi-upload-|archive-public-)/.test(entry)) return [];
    try {
      return fs.readdirSync(path.join(tmp, entry)).filter((name) => name.includes(hash));
    } catch {
      return []; // another run's folder, gone meanwhile
    }
  });
}

async function ingestAndLoad(buffer: Buffer, filename: string) {
  const res = await ingest(staff, buffer, filename, { kind: 'photo', title: `Formatos ${filename}`, rights: 'own' });
  expect(res.status).toBe(201);
  const file = res.body.data.file;
  expect(formats().heldDerivations()).toBe(0);
  expect(leftovers(file.hash)).toEqual([]);
  return { file, stored: await download(file.url) };
}

beforeAll(async () => {
  staff = await archiveStaff();
});

describe('formats of an inspected photo', () => {
  it('sharpInsideSize gives the size sharp gives, for JPEG, PNG and WebP', async () => {
    const { sharpInsideSize } = formats();
    let seed = 11;
    const next = (min: number, max: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return min + (seed % (max - min + 1));
    };
    for (let i = 0; i < 25; i++) {
      const [width, height] = [next(240, 2600), next(150, 2600)];
      for (const format of ['jpeg', 'png', 'webp'] as const) {
        const input = await sharp({ create: { width, height, channels: 3, background: '#777' } })[format]().toBuffer();
        for (const box of Object.values(BOXES)) {
          const { info } = await sharp(input).resize({ ...box, fit: 'inside' }).toBuffer({ resolveWithObject: true });
          expect([format, width, height, box, sharpInsideSize(format, width, height, box)]).toEqual([format, width, height, box, { width: info.width, height: info.height }]);
        }
      }
    }
  });

  it.each([
    ['a JPEG', 'jpg', (b: Buffer) => b],
    ['a PNG with alpha', 'png', (b: Buffer) => sharp(b).ensureAlpha(0.8).png().toBuffer()],
    ['a WebP', 'webp', (b: Buffer) => sharp(b).webp().toBuffer()],
  ])('%s: the plugin’s dimensions, mime, ext and sizes, and the same picture', async (_label, ext, encode) => {
    const buffer = await encode(await photo(SEEDS[ext], { width: 2403, height: 1601 }));
    const { file, stored } = await ingestAndLoad(buffer, `formatos.${ext}`);
    expect(Object.keys(file.formats).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    for (const [key, format] of Object.entries<any>(file.formats)) {
      const bytes = await download(format.url);
      const plugin = await pluginFormat(stored, key);
      expect([key, format.width, format.height]).toEqual([key, plugin.info.width, plugin.info.height]);
      expect([format.mime, format.ext]).toEqual([file.mime, file.ext]);
      expect(format.sizeInBytes).toBe(bytes.length);
      expect(format.size).toBe(Math.round((bytes.length / 1000) * 100) / 100);
      expect(format.hash).toBe(`${key}_${file.hash}`);
      expect(format.name).toBe(`${key}_${file.name}`);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif, meta.icc]).toEqual([plugin.info.format, format.width, format.height, undefined, undefined]);
      expect(await meanDifference(bytes, plugin.data)).toBeLessThan(2.5);
      // The largest format is the plugin's own call, stopped before encoding: the same pixels.
      if (key === 'large') expect(await meanDifference(bytes, plugin.data)).toBe(0);
      else expect([key, bytes.equals(plugin.data)]).toEqual([key, false]);
    }
  });

  it('keeps the configured breakpoints and the responsive-dimensions setting', async () => {
    const upload = app().plugin('upload').service('upload');
    const settings = await upload.getSettings();
    const breakpoints = app().config.get('plugin::upload.breakpoints');
    try {
      app().config.set('plugin::upload.breakpoints', { xlarge: 1920, wide: 900 });
      const { file, stored } = await ingestAndLoad(await photo(7111, { width: 2000, height: 1000 }), 'cortes.jpg');
      expect(Object.keys(file.formats).sort()).toEqual(['thumbnail', 'wide', 'xlarge']);
      const wide = await sharp(stored).resize({ width: 900, height: 900, fit: 'inside' }).toBuffer({ resolveWithObject: true });
      expect([file.formats.wide.width, file.formats.wide.height]).toEqual([wide.info.width, wide.info.height]);
      expect([file.formats.xlarge.width, file.formats.xlarge.height]).toEqual([1920, 960]);

      await upload.setSettings({ ...settings, responsiveDimensions: false });
      const only = await ingestAndLoad(await photo(7112, { width: 2000, height: 1000 }), 'miniatura.jpg');
      expect(Object.keys(only.file.formats)).toEqual(['thumbnail']);
      const thumbnail = await pluginFormat(only.stored, 'thumbnail');
      expect([only.file.formats.thumbnail.width, only.file.formats.thumbnail.height]).toEqual([thumbnail.info.width, thumbnail.info.height]);
    } finally {
      app().config.set('plugin::upload.breakpoints', breakpoints);
      await upload.setSettings(settings);
    }
  });

  it.each([
    ['a CMYK JPEG', 'jpg', async () => sharp(await photo(7121, { width: 1600, height: 1200 })).toColourspace('cmyk').jpeg().toBuffer()],
    [
      'an animated WebP',
      'webp',
      async () =>
        sharp([await photo(7122, { width: 1600, height: 1200 }), await photo(7123, { width: 1600, height: 1200 })], { join: { animated: true } })
          .webp()
          .toBuffer(),
    ],
  ])('%s keeps the plugin’s own code: its exact bytes', async (_label, ext, make) => {
    const buffer = await make();
    const meta = await sharp(buffer, { animated: true }).metadata();
    expect(formats().isDerivable(meta)).toBe(false);
    const { file, stored } = await ingestAndLoad(buffer, `otro.${ext}`);
    expect(Object.keys(file.formats).sort()).toEqual(['large', 'medium', 'small', 'thumbnail']);
    for (const [key, format] of Object.entries<any>(file.formats)) {
      const plugin = await pluginFormat(stored, key);
      expect((await download(format.url)).equals(plugin.data)).toBe(true);
    }
  });

  it('a refusal after the formats were made leaves no upload, file or pixels behind', async () => {
    const before = await counts();
    const listing = () => fs.readdirSync(path.join(app().dirs.static.public, 'uploads')).sort();
    const files = listing();
    const res = await ingest(staff, await photo(7131, { width: 2400, height: 1600 }), 'rechazo.jpg', { kind: 'photo', title: 'x', rights: 'own' });
    expect(res.status).toBe(400);
    expect(await counts()).toEqual(before);
    expect(listing()).toEqual(files);
    expect(formats().heldDerivations()).toBe(0);
    expect(fs.readdirSync(os.tmpdir()).filter((entry) => entry.includes('rechazo'))).toEqual([]);
  });
});
