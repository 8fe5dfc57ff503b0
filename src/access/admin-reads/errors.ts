// Refusals of the admin read guards: Spanish message, stable English code.
import { errors } from '@strapi/utils';

export const ADMIN_READ_CODES = {
  invalidQuery: 'INVALID_QUERY',
  relationForbidden: 'RELATION_FORBIDDEN',
} as const;

export const invalidQuery = (message: string, details: Record<string, unknown> = {}) =>
  new errors.ValidationError(`Consulta no válida: ${message}`, { code: ADMIN_READ_CODES.invalidQuery, ...details });

/** A 403 that keeps its message and code through Strapi's router (a PolicyError named ForbiddenError). */
export const relationForbidden = (message: string, details: Record<string, unknown>) =>
  Object.assign(new errors.PolicyError(message, { code: ADMIN_READ_CODES.relationForbidden, ...details }), { name: 'ForbiddenError' });
