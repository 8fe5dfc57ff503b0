// E-mail dispatch of a request to its outlet: both files attached, the request's
// reference in the subject (and a stable Message-ID) so the outlet spots a resend.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERROR_CODES, NORM_UID, REQUEST_UID } from '../constants';
import type { OutletConfig } from '../config';
import { getConfig, getService } from '../utils';
import type { FileRole, StoredFile } from './files';
import { attachmentPart, composeMessage } from '../utils/mime';

type Row = Record<string, any>;

export interface Attachments {
  signedPdf?: StoredFile;
  editableDocx?: StoredFile;
  cover?: StoredFile;
}

const FILE = { select: ['id', 'name', 'url', 'mime', 'hash'] };

/** Encoded attachment parts kept (the same few files go out with every request of a norm). */
const PART_CACHE_ENTRIES = 32;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const parts = new Map<string, Buffer>();

  /** The file's MIME part, its content checked for `role` (see files.readChecked) on every send. */
  async function partFor(file: StoredFile, role: FileRole) {
    const content = await getService('files', strapi).readChecked(file, role);
    const key = `${file.id}:${file.hash ?? ''}:${file.url}:${file.name}:${file.mime ?? ''}`;
    let part = parts.get(key);
    if (!part) {
      part = attachmentPart(file.name, file.mime, content);
      parts.set(key, part);
      if (parts.size > PART_CACHE_ENTRIES) parts.delete(parts.keys().next().value!);
    }
    return part;
  }

  return {
    /**
     * The files to send for each request: its own, else its norm's current body (PDF) and
     * editable (DOCX) files. A few queries for the whole batch, whatever its size.
     */
    async filesForMany(requests: Array<{ id: number; normDocumentId: string }>): Promise<Map<number, Attachments>> {
      if (!requests.length) return new Map();
      const own = (await strapi.db.query(REQUEST_UID).findMany({
        where: { id: { $in: requests.map((r) => r.id) } },
        select: ['id'],
        populate: { signedPdf: FILE, editableDocx: FILE, cover: FILE },
      })) as Row[];
      const ownById = new Map(own.map((r) => [r.id as number, r]));
      const normIds = [...new Set(requests.filter((r) => !ownById.get(r.id)?.signedPdf || !ownById.get(r.id)?.editableDocx).map((r) => r.normDocumentId))];
      const normFiles = new Map<string, Row>();
      if (normIds.length) {
        const norms = (await strapi.db.query(NORM_UID).findMany({
          where: { documentId: { $in: normIds } },
          orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
          select: ['id', 'documentId'],
          populate: { bodyFile: FILE, editableFile: FILE },
        })) as Row[];
        for (const norm of norms) if (!normFiles.has(norm.documentId)) normFiles.set(norm.documentId, norm);
      }
      return new Map(
        requests.map((r) => {
          const mine = ownById.get(r.id) ?? {};
          const norm = normFiles.get(r.normDocumentId) ?? {};
          return [
            r.id,
            {
              signedPdf: mine.signedPdf ?? norm.bodyFile ?? undefined,
              editableDocx: mine.editableDocx ?? norm.editableFile ?? undefined,
              cover: mine.cover ?? undefined,
            },
          ];
        })
      );
    },

    async sendByEmail(request: Row, outlet: OutletConfig, { signedPdf, editableDocx, cover }: Attachments) {
      if (!signedPdf || !editableDocx) {
        throw new errors.ValidationError('Faltan el PDF del original firmado o el archivo editable DOCX.', { code: ERROR_CODES.missingFiles });
      }
      const attachments = [
        await partFor(signedPdf, 'signedPdf'),
        await partFor(editableDocx, 'editableDocx'),
        ...(cover ? [await partFor(cover, 'cover')] : []),
      ];
      const config = getConfig(strapi);
      const settings = strapi.config.get('plugin::email.settings') as { defaultFrom?: string; defaultReplyTo?: string };
      const text = [
        `${config.jurisdiction.municipality} solicita la publicación de la norma:`,
        '',
        `  ${request.normNumber ?? ''} ${request.normTitle ?? ''}`.trimEnd(),
        `  Referencia: ${request.reference}`,
        `  Fecha límite: ${request.dueBy ?? 'sin fecha'}`,
        '',
        'Adjuntamos el PDF del original firmado y el archivo editable (mismo contenido).',
        'Por favor responda con la cotización y la fecha de edición, citando la referencia.',
        `Si este mensaje le llega más de una vez, es un reenvío de la misma solicitud ${request.reference}.`,
      ].join('\n');
      const raw = composeMessage(
        {
          from: settings.defaultFrom ?? '',
          to: outlet.email!,
          replyTo: settings.defaultReplyTo,
          subject: `[${request.reference}] ${config.subjectPrefix}: ${request.normNumber ?? request.normDocumentId}`,
          messageId: `<${request.reference}.${request.attempts}@diario-oficial.local>`,
          extra: { 'X-Publication-Request': request.reference, 'X-Publication-Attempt': String(request.attempts) },
        },
        text,
        attachments
      );
      // Through Strapi's email plugin, as a finished message: the provider only adds the envelope.
      await strapi.plugin('email').service('email').send({ to: outlet.email, raw });
    },
  };
};
