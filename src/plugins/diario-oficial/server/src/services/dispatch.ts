// E-mail dispatch of a request to its outlet: both files attached, the request's
// reference in the subject (and a stable Message-ID) so the outlet spots a resend.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERROR_CODES } from '../constants';
import type { OutletConfig } from '../config';
import { getConfig, getService } from '../utils';
import type { StoredFile } from './files';

type Row = Record<string, any>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The files to send: the request's own, else the norm's current body (PDF) and editable (DOCX) files. */
  async filesFor(request: Row): Promise<{ signedPdf?: StoredFile; editableDocx?: StoredFile; cover?: StoredFile }> {
    let { signedPdf, editableDocx } = request;
    if (!signedPdf || !editableDocx) {
      const norm = await strapi.db.query('api::norm.norm').findOne({
        where: { documentId: request.normDocumentId },
        orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
        populate: { bodyFile: true, editableFile: true },
      });
      signedPdf ??= norm?.bodyFile ?? undefined;
      editableDocx ??= norm?.editableFile ?? undefined;
    }
    return { signedPdf: signedPdf ?? undefined, editableDocx: editableDocx ?? undefined, cover: request.cover ?? undefined };
  },

  async sendByEmail(request: Row, outlet: OutletConfig) {
    const files = getService('files', strapi);
    const { signedPdf, editableDocx, cover } = await this.filesFor(request);
    if (!signedPdf || !editableDocx) {
      throw new errors.ValidationError('Faltan el PDF del original firmado o el archivo editable DOCX.', { code: ERROR_CODES.missingFiles });
    }
    const attachments = [];
    for (const [file, role] of [
      [signedPdf, 'signedPdf'],
      [editableDocx, 'editableDocx'],
      ...(cover ? [[cover, 'cover']] : []),
    ] as Array<[StoredFile, 'signedPdf' | 'editableDocx' | 'cover']>) {
      const content = await files.read(file);
      await files.check(file, role, content);
      attachments.push({ filename: file.name, content, contentType: file.mime });
    }
    const config = getConfig(strapi);
    await strapi
      .plugin('email')
      .service('email')
      .send({
        to: outlet.email,
        subject: `[${request.reference}] ${config.subjectPrefix}: ${request.normNumber ?? request.normDocumentId}`,
        text: [
          `${config.jurisdiction.municipality} solicita la publicación de la norma:`,
          '',
          `  ${request.normNumber ?? ''} ${request.normTitle ?? ''}`.trimEnd(),
          `  Referencia: ${request.reference}`,
          `  Fecha límite: ${request.dueBy ?? 'sin fecha'}`,
          '',
          'Adjuntamos el PDF del original firmado y el archivo editable (mismo contenido).',
          'Por favor responda con la cotización y la fecha de edición, citando la referencia.',
          `Si este mensaje le llega más de una vez, es un reenvío de la misma solicitud ${request.reference}.`,
        ].join('\n'),
        attachments,
        messageId: `<${request.reference}.${request.attempts}@diario-oficial.local>`,
        headers: { 'X-Publication-Request': request.reference, 'X-Publication-Attempt': String(request.attempts) },
      });
  },
});
