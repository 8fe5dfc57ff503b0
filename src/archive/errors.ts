// Refusals of the archive: a Spanish message for editors, a stable English code for programs.
import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import { ERROR_CODES } from './constants';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export const invalidFileType = (kind: string, detected: string | undefined) =>
  new errors.ValidationError(
    detected
      ? `El contenido del archivo es de tipo ${detected}, que no se admite para un elemento de tipo «${kind}».`
      : `No se reconoce el tipo del archivo por su contenido: no se admite para un elemento de tipo «${kind}».`,
    { code: ERROR_CODES.invalidType, kind, detectedType: detected ?? null }
  );

export const fileTooLarge = (kind: string, size: number, limit: number) =>
  new errors.PayloadTooLargeError(
    `El archivo pesa ${megabytes(size)}; el límite para «${kind}» es ${megabytes(limit)}.`,
    { code: ERROR_CODES.tooLarge, kind, size, limit }
  );

export const tooManyPixels = (width: number, height: number, limit: number) =>
  new errors.PayloadTooLargeError(
    `La imagen mide ${width} × ${height} píxeles, más que el límite de ${limit.toLocaleString('es-PE')} píxeles.`,
    { code: ERROR_CODES.tooLarge, width, height, limit }
  );

export const corruptFile = (reason: string) =>
  new errors.ValidationError('El archivo está dañado o incompleto y no se puede procesar.', { code: ERROR_CODES.corrupt, reason });

export const missingFile = () =>
  new errors.ValidationError('El elemento del archivo necesita un archivo adjunto.', { code: ERROR_CODES.missingFile });

/** 409: the same bytes are already archived. */
export const duplicateFile = (existing: { documentId: string; title: string }) =>
  createHttpError(409, `Este archivo ya está en el archivo: «${existing.title}» (${existing.documentId}).`, {
    details: { code: ERROR_CODES.duplicate, existing: { documentId: existing.documentId, title: existing.title } },
  });

export const isArchiveRefusal = (error: any) => Object.values(ERROR_CODES).includes(error?.details?.code);
