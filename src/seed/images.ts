// Sample pictures drawn locally with sharp: nothing is downloaded.
import os from 'os';
import path from 'path';
import fs from 'fs/promises';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import type { GeneratedImage } from './types';

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** A 1200×800 JPEG: a gradient in the given colour, a horizon and a caption. */
export async function drawImage(image: GeneratedImage): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${image.color}"/><stop offset="1" stop-color="#f4efe6"/>
    </linearGradient></defs>
    <rect width="1200" height="800" fill="url(#g)"/>
    <path d="M0 560 L220 420 L380 500 L600 330 L820 480 L1000 400 L1200 520 L1200 800 L0 800 Z" fill="#3d3a35" opacity="0.55"/>
    <circle cx="980" cy="170" r="70" fill="#fff5d6" opacity="0.8"/>
    <text x="60" y="740" font-family="DejaVu Sans, Arial, sans-serif" font-size="54" fill="#ffffff">${escapeXml(image.label)}</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** Stores a generated picture through the upload plugin (with its sharp-made formats). */
export async function uploadGeneratedImage(strapi: Core.Strapi, image: GeneratedImage, name: string, alternativeText: string) {
  const filepath = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'seed-')), `${name}.jpg`);
  try {
    const buffer = await drawImage(image);
    await fs.writeFile(filepath, buffer);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name: `${name}.jpg`, alternativeText, caption: image.label } },
        files: { filepath, originalFilename: `${name}.jpg`, mimetype: 'image/jpeg', size: buffer.length },
      });
    return file as { id: number };
  } finally {
    await fs.rm(path.dirname(filepath), { recursive: true, force: true });
  }
}
