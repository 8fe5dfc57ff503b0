// The two files the Diario Oficial asks for, checked by their content, not their
// name or declared MIME type: a PDF of the signed original and an editable DOCX.
import fs from 'fs/promises';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERROR_CODES } from '../constants';

// file-type@16 is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const FileType = require('file-type') as {
  fromBuffer(buffer: Buffer): Promise<{ ext: string; mime: string } | undefined>;
};

export type FileRole = 'signedPdf' | 'editableDocx' | 'cover' | 'proof';

export interface StoredFile {
  id: number;
  name: string;
  url: string;
  mime?: string;
  /** The upload's content hash: a replaced file gets a new one (and a new url). */
  hash?: string;
}

/** How many file contents the worker keeps (each send attaches the same few files). */
const CACHE_ENTRIES = 32;

const LABELS: Record<FileRole, string> = {
  signedPdf: 'el PDF del original firmado',
  editableDocx: 'el archivo editable (DOCX)',
  cover: 'la portada',
  proof: 'la constancia de publicación',
};

/** Entry names of a ZIP archive, read from its central directory. */
export function zipEntries(buffer: Buffer): string[] {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  const floor = Math.max(0, buffer.length - 0xffff - 22);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= floor; i -= 1) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) return [];
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** What the bytes are: 'pdf', 'docx' (a ZIP holding word/document.xml), an image, or something else. */
export async function detectKind(buffer: Buffer): Promise<'pdf' | 'docx' | 'image' | 'other'> {
  const type = await FileType.fromBuffer(buffer);
  if (type?.ext === 'pdf') return 'pdf';
  if (type && ['zip', 'docx'].includes(type.ext)) {
    const entries = zipEntries(buffer);
    return entries.includes('word/document.xml') && entries.includes('[Content_Types].xml') ? 'docx' : 'other';
  }
  if (type?.mime.startsWith('image/')) return 'image';
  return 'other';
}

const ACCEPTED: Record<FileRole, Array<'pdf' | 'docx' | 'image'>> = {
  signedPdf: ['pdf'],
  editableDocx: ['docx'],
  cover: ['pdf', 'image'],
  proof: ['pdf', 'image'],
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Contents already read and checked, by upload, content hash and url: the dispatch of many
  // requests of one norm reads and checks its two files once, not once per e-mail.
  const checked = new Map<string, Promise<{ buffer: Buffer; kind: Awaited<ReturnType<typeof detectKind>> }>>();

  return {
    /** The bytes of an uploaded file (local provider: under public/; other providers: over HTTP). */
    async read(file: StoredFile): Promise<Buffer> {
      if (/^https?:\/\//.test(file.url)) {
        const response = await fetch(file.url);
        if (!response.ok) throw new Error(`Could not download ${file.name}: HTTP ${response.status}`);
        return Buffer.from(await response.arrayBuffer());
      }
      return fs.readFile(path.join(strapi.dirs.static.public, file.url));
    },

    async findUpload(id: number): Promise<StoredFile | null> {
      return strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['id', 'name', 'url', 'mime'] });
    },

    /** The bytes of a file for `role`, checked by content; read and checked once while cached. */
    async readChecked(file: StoredFile, role: FileRole): Promise<Buffer> {
      const key = `${file.id}:${file.hash ?? ''}:${file.url}`;
      let entry = checked.get(key);
      if (!entry) {
        entry = this.read(file).then(async (buffer) => ({
          buffer,
          kind: await detectKind(buffer),
        }));
        entry.catch(() => checked.delete(key)); // a failed read is tried again next time
        checked.set(key, entry);
        if (checked.size > CACHE_ENTRIES) checked.delete(checked.keys().next().value!);
      }
      const { buffer, kind } = await entry;
      this.assertKind(file, role, kind);
      return buffer;
    },

    /** Refuses (INVALID_FILE_TYPE) a file whose content is not what `role` needs. */
    async check(file: StoredFile, role: FileRole, buffer?: Buffer) {
      this.assertKind(file, role, await detectKind(buffer ?? (await this.read(file))));
    },

    assertKind(file: StoredFile, role: FileRole, kind: string) {
      if (!(ACCEPTED[role] as string[]).includes(kind)) {
        throw new errors.ValidationError(
          `El archivo «${file.name}» no sirve como ${LABELS[role]}: su contenido no es ${ACCEPTED[role].join(' ni ').toUpperCase()}.`,
          {
            code: ERROR_CODES.invalidFileType,
            role,
            fileId: file.id,
            detected: kind,
          }
        );
      }
    },

    /** Loads an upload by id and checks it for `role`; NotFound-like ids are refused the same way. */
    async checkUpload(id: number, role: FileRole) {
      const file = await this.findUpload(id);
      if (!file) {
        throw new errors.ValidationError(`No existe el archivo ${id} para ${LABELS[role]}.`, { code: ERROR_CODES.invalidFileType, role, fileId: id });
      }
      await this.check(file, role);
      return file;
    },
  };
};
