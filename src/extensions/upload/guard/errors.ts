// Refusals of the upload guard: a Spanish message for editors, a stable English code for programs.
import { errors } from '@strapi/utils';

export const UPLOAD_ERROR_CODES = {
  invalidType: 'INVALID_FILE_TYPE',
  activeContent: 'ACTIVE_CONTENT_REFUSED',
  extensionMismatch: 'FILE_EXTENSION_MISMATCH',
  mimeMismatch: 'FILE_MIME_MISMATCH',
  tooManyPixels: 'TOO_MANY_PIXELS',
  corrupt: 'CORRUPT_FILE',
  emptyFile: 'EMPTY_FILE',
} as const;

type Details = Record<string, unknown>;
const invalid = (message: string, code: string, details: Details) => new errors.ValidationError(message, { code, ...details });

export const unknownType = (name: string, detected: string | null) =>
  invalid(
    detected
      ? `«${name}»: el contenido del archivo es de tipo ${detected}, que no se admite en la biblioteca de medios.`
      : `«${name}»: no se reconoce el tipo del archivo por su contenido; no se admite en la biblioteca de medios.`,
    UPLOAD_ERROR_CODES.invalidType,
    { fileName: name, detectedType: detected }
  );

export const activeContent = (name: string, reason: string) =>
  invalid(
    `«${name}»: no se admiten archivos con contenido activo (SVG, HTML, scripts): un navegador podría ejecutarlo.`,
    UPLOAD_ERROR_CODES.activeContent,
    { fileName: name, reason }
  );

export const extensionMismatch = (name: string, detected: string, expected: string[]) =>
  invalid(
    `«${name}»: la extensión no corresponde al contenido (es ${detected}; use ${expected.map((e) => `.${e}`).join(', ')}).`,
    UPLOAD_ERROR_CODES.extensionMismatch,
    { fileName: name, detectedType: detected, expectedExtensions: expected }
  );

export const mimeMismatch = (name: string, declared: string, detected: string) =>
  invalid(
    `«${name}»: el tipo declarado (${declared}) no corresponde al contenido del archivo (${detected}).`,
    UPLOAD_ERROR_CODES.mimeMismatch,
    { fileName: name, declaredType: declared, detectedType: detected }
  );

export const tooManyPixels = (name: string, width: number, height: number, limit: number) =>
  new errors.PayloadTooLargeError(
    `«${name}»: la imagen mide ${width} × ${height} píxeles, más que el límite de ${limit.toLocaleString('es-PE')} píxeles.`,
    { code: UPLOAD_ERROR_CODES.tooManyPixels, fileName: name, width, height, limit }
  );

export const corruptFile = (name: string, reason: string) =>
  invalid(`«${name}»: el archivo está dañado o incompleto y no se puede guardar.`, UPLOAD_ERROR_CODES.corrupt, { fileName: name, reason });

export const emptyFile = (name: string) => invalid(`«${name}»: el archivo está vacío.`, UPLOAD_ERROR_CODES.emptyFile, { fileName: name });
