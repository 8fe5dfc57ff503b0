// Spanish messages for Strapi's validation errors. The English originals come
// from yup and Strapi's entity validator; unknown ones keep their text.

type Rule = [RegExp, (field: string, m: RegExpMatchArray) => string, string?];

const LOCALE_RULE = /locale .* (?:doesn't|does not) exist|Locale .* not found|Invalid locale|This locale doesn't exist/i;

const RULES: Rule[] = [
  [/must be defined|is a required field|cannot be null|final value was: `null`/, (f) => `El campo «${f}» es obligatorio.`],
  [/must be one of the following values: (.*)$/, (f, m) => `El valor de «${f}» no es válido. Valores permitidos: ${m[1]}.`],
  [/must match the following/, (f) => `«${f}» no tiene el formato esperado.`],
  [/must be at most (\d+) characters/, (f, m) => `«${f}» admite como máximo ${m[1]} caracteres.`],
  [/must be at least (\d+) characters/, (f, m) => `«${f}» necesita al menos ${m[1]} caracteres.`],
  [/must be a valid email/, (f) => `«${f}» debe ser un correo electrónico válido.`],
  [/must be (?:greater than or equal to|at least) (\S+)/, (f, m) => `«${f}» debe ser mayor o igual que ${m[1]}.`],
  [/must be (?:less than or equal to|at most) (\S+)/, (f, m) => `«${f}» debe ser menor o igual que ${m[1]}.`],
  [/must be unique/, (f) => `Ya existe un registro con el mismo valor en «${f}».`],
  [/must be a `?(\w+)`? type|must be a valid (\w+)/, (f) => `«${f}» tiene un tipo de dato no válido.`],
  [/field has unspecified keys/, (f) => `«${f}» contiene parámetros desconocidos.`],
  [/^Invalid key (.+)$/, (_f, m) => `Parámetro desconocido: «${m[1]}».`],
  [/Invalid status/, () => 'El estado solicitado no es válido.', 'INVALID_STATUS'],
  [LOCALE_RULE, () => 'El idioma (locale) solicitado no existe.', 'INVALID_LOCALE'],
  [/Register action is currently disabled/, () => 'El registro público de usuarios está desactivado.', 'REGISTRATION_DISABLED'],
];

export function toSpanish(message: string, path: Array<string | number> = []): string {
  const field = path.length ? path.join('.') : 'dato';
  for (const [pattern, render] of RULES) {
    const match = message.match(pattern);
    if (match) return render(field, match);
  }
  return path.length ? `«${field}» no es válido (${message}).` : `Dato no válido: ${message}`;
}

/** The code of a codeless ApplicationError (a 400 from Strapi's core), from its English message. */
export function codeForMessage(message: string): string {
  return RULES.find(([pattern, , code]) => code && pattern.test(message))?.[2] ?? 'BAD_REQUEST';
}

export const GENERIC_MESSAGES: Record<string, { code: string; message: string }> = {
  ForbiddenError: { code: 'FORBIDDEN', message: 'No tiene permiso para realizar esta acción.' },
  PolicyError: { code: 'FORBIDDEN', message: 'No tiene permiso para realizar esta acción.' },
  UnauthorizedError: { code: 'UNAUTHORIZED', message: 'Debe identificarse para realizar esta acción.' },
  NotFoundError: { code: 'NOT_FOUND', message: 'No se encontró el recurso solicitado.' },
  RateLimitError: { code: 'RATE_LIMITED', message: 'Demasiados intentos seguidos. Espere unos minutos antes de volver a intentarlo.' },
  PayloadTooLargeError: { code: 'PAYLOAD_TOO_LARGE', message: 'La petición es demasiado grande.' },
};

/** The HTTP layer's errors (the body parser), by status. */
export const HTTP_MESSAGES: Record<string | number, { code: string; message: string }> = {
  malformedJson: { code: 'MALFORMED_JSON', message: 'El cuerpo de la petición no es JSON válido.' },
  400: { code: 'BAD_REQUEST', message: 'La petición no es válida.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'La petición es demasiado grande.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'El tipo de contenido de la petición no se admite.' },
};
