/**
 * The project's error contract for every route: Strapi's shape
 * `{ error: { status, name, message, details } }` with a Spanish message for editors and
 * a stable English `details.code` for programs. Errors that already carry a code (thrown
 * by our plugins) pass through untouched; everything else gets one here: Strapi's and
 * yup's validation errors, refusals, not-found (unknown routes and documents alike), the
 * body parser's malformed JSON and 413, the admin login's 429, Strapi's English
 * ApplicationErrors ("This locale doesn't exist").
 */
import { errors } from '@strapi/utils';
import { GENERIC_MESSAGES, HTTP_MESSAGES, codeForMessage, toSpanish } from '../errors/spanish-messages';

type FieldError = { path?: Array<string | number>; message: string; name?: string };

function translateValidation(error: InstanceType<typeof errors.ValidationError>) {
  const details = (error.details ?? {}) as { errors?: FieldError[]; code?: string };
  const fieldErrors = (details.errors ?? []).map((e) => ({ ...e, message: toSpanish(e.message, e.path), original: e.message }));
  const first = fieldErrors[0]?.message ?? toSpanish(error.message);
  error.message = fieldErrors.length > 1 ? `${first} (y ${fieldErrors.length - 1} error(es) más)` : first;
  error.details = { ...details, code: 'VALIDATION_ERROR', ...(fieldErrors.length ? { errors: fieldErrors } : {}) };
}

/** Forbidden, unauthorized, not found, too many requests…: a generic Spanish message, the original kept as `reason`. */
function translateGeneric(error: { name?: string; message: string; details?: Record<string, unknown> }) {
  const generic = error.name ? GENERIC_MESSAGES[error.name] : undefined;
  if (!generic || error.details?.code) return false;
  const reason = error.message && error.message !== generic.message ? { reason: error.message } : {};
  error.message = generic.message;
  error.details = { ...(error.details ?? {}), code: generic.code, ...reason };
  return true;
}

/** Errors of the HTTP layer (the body parser: http-errors objects) by status. */
function translateHttp(error: any) {
  const status = Number(error.status ?? error.statusCode);
  const malformedJson = error.type === 'entity.parse.failed' || (error.name === 'SyntaxError' && status === 400);
  const known = malformedJson ? HTTP_MESSAGES.malformedJson : HTTP_MESSAGES[status];
  if (!known || !(status >= 400 && status < 500)) return false;
  const limit = typeof error.limit === 'number' ? { limit: error.limit } : {};
  const reason = error.message ? { reason: error.message } : {};
  error.message = known.message;
  error.details = { ...(error.details ?? {}), code: known.code, ...limit, ...reason };
  return true;
}

/** Strapi's own ApplicationErrors are English and codeless ("This locale doesn't exist"). */
function translateApplication(error: InstanceType<typeof errors.ApplicationError>) {
  const original = error.message;
  error.message = toSpanish(original);
  error.details = { ...((error.details as object) ?? {}), code: codeForMessage(original), ...(error.message !== original ? { reason: original } : {}) };
}

function translate(error: any) {
  if (!error || error.details?.code) return;
  if (error instanceof errors.ValidationError) translateValidation(error);
  else if (!(error instanceof errors.ApplicationError) && translateHttp(error)) return;
  else if (translateGeneric(error)) return;
  else if (error instanceof errors.ApplicationError) translateApplication(error);
}

// A route matched: the document (or locale) is missing; none did (but strapi::public's catch-all for files): the address is wrong.
const matchedRoute = (ctx: any) => Boolean(ctx.state?.route) && !String(ctx.state.route.path ?? '').includes('(');

const notFound = (ctx: any) =>
  matchedRoute(ctx)
    ? new errors.NotFoundError(GENERIC_MESSAGES.NotFoundError.message, { code: 'NOT_FOUND' })
    : new errors.NotFoundError('La dirección solicitada no existe.', { code: 'ROUTE_NOT_FOUND', path: ctx.path });

export default () => async (ctx: any, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error: any) {
    translate(error);
    throw error;
  }
  // Nobody answered (unknown route, or a core findOne that found nothing): strapi::errors would say "Not Found".
  if (!ctx.response._explicitStatus) throw notFound(ctx);
  // Strapi answers some refusals without throwing (ctx.forbidden(), ctx.notFound(), ctx.payloadTooLarge()).
  if (ctx.status >= 400 && ctx.status < 500 && ctx.body?.error) translate(ctx.body.error);
};
