/**
 * Gives every 4xx a Spanish message for editors and a stable English
 * `details.code` for programs, keeping Strapi's error shape. Errors that
 * already carry a code (thrown by our plugins) pass through untouched.
 */
import { errors } from '@strapi/utils';
import { GENERIC_MESSAGES, toSpanish } from '../errors/spanish-messages';

type FieldError = { path?: Array<string | number>; message: string; name?: string };

function translateValidation(error: InstanceType<typeof errors.ValidationError>) {
  const details = (error.details ?? {}) as { errors?: FieldError[]; code?: string };
  const fieldErrors = (details.errors ?? []).map((e) => ({ ...e, message: toSpanish(e.message, e.path), original: e.message }));
  const first = fieldErrors[0]?.message ?? toSpanish(error.message);
  error.message = fieldErrors.length > 1 ? `${first} (y ${fieldErrors.length - 1} error(es) más)` : first;
  error.details = { ...details, code: 'VALIDATION_ERROR', ...(fieldErrors.length ? { errors: fieldErrors } : {}) };
}

/** Forbidden, unauthorized, not found: a generic Spanish message, the original kept as `reason`. */
function translateGeneric(error: { name?: string; message: string; details?: Record<string, unknown> }) {
  const generic = error.name ? GENERIC_MESSAGES[error.name] : undefined;
  if (!generic || error.details?.code) return;
  const reason = error.message && error.message !== generic.message ? { reason: error.message } : {};
  error.message = generic.message;
  error.details = { ...(error.details ?? {}), code: generic.code, ...reason };
}

export default () => async (ctx: any, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error: any) {
    if (!error?.details?.code) {
      if (error instanceof errors.ValidationError) translateValidation(error);
      else translateGeneric(error);
    }
    throw error;
  }
  // Strapi answers some refusals without throwing (ctx.forbidden(), ctx.notFound()).
  if (ctx.status >= 400 && ctx.status < 500 && ctx.body?.error) translateGeneric(ctx.body.error);
};
