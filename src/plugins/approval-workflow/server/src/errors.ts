// The workflow's refusals: Spanish message for editors, stable English code for programs.
// Status: 403 when the caller may not do it (APPROVAL_REQUIRED, SELF_APPROVAL_FORBIDDEN, FORBIDDEN),
// 400 for a request that does not fit the document's current state (APPROVAL_OUTDATED,
// INVALID_TRANSITION) or lacks data (COMMENT_REQUIRED); Strapi's error classes have no 409.
// 403s are PolicyErrors: Strapi's router turns any other ForbiddenError thrown by a handler
// into a bare "Forbidden", which would lose the message and the code.
import { errors } from '@strapi/utils';
import { ERROR_CODES, STATE_LABELS, type ApprovalState } from './constants';

type Details = Record<string, unknown>;

/** A 403 that keeps its message and code through Strapi's router, named like any other ForbiddenError. */
const refusal = (message: string, details: Details) => Object.assign(new errors.PolicyError(message, details), { name: 'ForbiddenError' });

const where = (locale: string | null) => (locale ? ` (idioma ${locale})` : '');

export const approvalRequired = (locale: string | null, state: ApprovalState, details: Details = {}) =>
  refusal(
    `No se puede publicar${where(locale)}: requiere la aprobación de la Gerencia de Comunicaciones y su estado es «${STATE_LABELS[state]}».`,
    { code: ERROR_CODES.required, locale, state, ...details }
  );

export const approvalOutdated = (locale: string | null, details: Details = {}) =>
  new errors.ApplicationError(
    `No se puede publicar${where(locale)}: el contenido cambió después de la aprobación. Envíelo de nuevo a aprobación.`,
    { code: ERROR_CODES.outdated, locale, ...details }
  );

export const invalidTransition = (message: string, details: Details = {}) =>
  new errors.ApplicationError(message, { code: ERROR_CODES.invalidTransition, ...details });

export const selfApprovalForbidden = () =>
  refusal('No puede aprobar un contenido que usted mismo envió o editó por última vez: debe aprobarlo otra persona.', {
    code: ERROR_CODES.selfApproval,
  });

export const commentRequired = (what: string) =>
  new errors.ValidationError(`Indique el motivo: ${what} requiere un comentario.`, { code: ERROR_CODES.commentRequired });

export const forbidden = (message: string) => refusal(message, { code: ERROR_CODES.forbidden });

export const notFound = (message: string) => new errors.NotFoundError(message, { code: 'NOT_FOUND' });

/** A file used by gated content changed by someone who may not publish that content. */
export const gatedFileLocked = (uses: Array<{ title: string; uid: string; locale: string | null }>, details: Details = {}) =>
  refusal(
    `Este archivo lo usa contenido sujeto a la aprobación de la Gerencia (${uses
      .slice(0, 3)
      .map((u) => `«${u.title}»${u.locale ? ` [${u.locale}]` : ''}`)
      .join(', ')}${uses.length > 3 ? ` y ${uses.length - 3} más` : ''}): solo quien puede publicar ese contenido puede reemplazarlo, cambiar su descripción, moverlo o borrarlo.`,
    { code: ERROR_CODES.gatedFileLocked, uses, ...details }
  );
