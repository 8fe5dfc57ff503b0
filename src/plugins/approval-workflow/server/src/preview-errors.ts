// Why a preview link does not open: a status, a Spanish message for the reader, a stable code.
// The preview routes answer these themselves (an HTML page or Strapi's error shape), see controllers/preview.ts.
import { PREVIEW_ERROR_CODES } from './constants';

export class PreviewError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = status === 404 ? 'NotFoundError' : status === 410 ? 'GoneError' : 'ForbiddenError';
  }
}

export const previewInvalid = () => new PreviewError(403, PREVIEW_ERROR_CODES.invalid, 'Este enlace de vista previa no es válido.');

export const previewExpired = (exp: number) =>
  new PreviewError(
    410,
    PREVIEW_ERROR_CODES.expired,
    `Este enlace de vista previa venció el ${new Date(exp * 1000).toLocaleString('es-PE', { timeZone: 'America/Lima', dateStyle: 'long', timeStyle: 'short' })}. Pida uno nuevo.`
  );

export const previewOutdated = () =>
  new PreviewError(410, PREVIEW_ERROR_CODES.outdated, 'El contenido cambió después de generar este enlace: ya no muestra lo que se envió a aprobación. Abra el correo más reciente.');

export const previewNotFound = () => new PreviewError(404, PREVIEW_ERROR_CODES.notFound, 'El documento de esta vista previa ya no existe en ese idioma.');
