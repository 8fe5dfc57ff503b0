// UIDs, permission actions, states and error codes of the dissemination plugin.

export const PLUGIN_ID = 'dissemination';

export const UIDS = {
  circular: 'plugin::dissemination.circular',
  delivery: 'plugin::dissemination.delivery',
  body: 'api::municipal-body.municipal-body',
  norm: 'api::norm.norm',
  pressNote: 'api::press-note.press-note',
  ceremony: 'api::ceremony.ceremony',
} as const;

/** The content types that carry `subjects` (validated against the configured list). */
export const SUBJECT_TYPES = [UIDS.body, UIDS.norm, UIDS.pressNote] as const;

/** Admin permission actions (`plugin::dissemination.<uid>`, config/actions.ts). */
export const PERMISSIONS = {
  read: 'plugin::dissemination.read',
  send: 'plugin::dissemination.send',
} as const;

/** A delivery's e-mail state (the outbox); acknowledgment is recorded beside it. */
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
/** What staff see per recipient: the e-mail's state unless the body has answered. */
export type RecipientStatus = 'pending' | 'sent' | 'failed' | 'acknowledged' | 'applied';

/** The subject that means "every subject". */
export const ALL_SUBJECTS = 'all';

export const ERRORS = {
  EMPTY_AUDIENCE: { code: 'EMPTY_AUDIENCE', message: 'La circular no tiene destinatarios: elija órganos o materias con órganos activos que las sigan.' },
  UNKNOWN_BODIES: { code: 'UNKNOWN_BODIES', message: 'Algunos órganos municipales no existen: no se envió la circular.' },
  UNKNOWN_SUBJECTS: { code: 'UNKNOWN_SUBJECTS', message: 'Algunas materias no están en la lista configurada.' },
  UNKNOWN_CONTENT: { code: 'UNKNOWN_CONTENT', message: 'Algunas normas, notas de prensa o ceremonias no existen: no se envió la circular.' },
  UNPUBLISHED_CONTENT: { code: 'UNPUBLISHED_CONTENT', message: 'Solo se difunde contenido publicado: publique primero las normas, notas o ceremonias elegidas.' },
  EMPTY_CIRCULAR: { code: 'EMPTY_CIRCULAR', message: 'La circular necesita un mensaje o al menos una norma, nota de prensa o ceremonia.' },
  CIRCULAR_NOT_FOUND: { code: 'CIRCULAR_NOT_FOUND', message: 'La circular no existe.' },
  BODY_NOT_FOUND: { code: 'BODY_NOT_FOUND', message: 'El órgano municipal no existe.' },
  NORM_NOT_FOUND: { code: 'NORM_NOT_FOUND', message: 'La norma no existe.' },
  ACK_LINK_INVALID: { code: 'ACK_LINK_INVALID', message: 'El enlace de acuse de recibo no es válido.' },
  ACK_LINK_EXPIRED: { code: 'ACK_LINK_EXPIRED', message: 'El enlace de acuse de recibo ha vencido: pida a la Oficina de Comunicaciones que le reenvíe la circular.' },
  ACK_LINK_OTHER_BODY: { code: 'ACK_LINK_OTHER_BODY', message: 'Este enlace de acuse de recibo es de otro órgano municipal.' },
  ACK_INVALID: { code: 'ACK_INVALID', message: 'La confirmación del acuse de recibo está mal formada.' },
  INVALID_SUBJECTS: { code: 'INVALID_SUBJECTS', message: 'Las materias deben ser una lista de materias de la lista configurada.' },
  INVALID_RECIPIENTS: { code: 'INVALID_RECIPIENTS', message: 'Los destinatarios deben tener un nombre y un correo electrónico válido.' },
  INVALID_PERIOD: { code: 'INVALID_PERIOD', message: 'El periodo del reporte no es válido (fechas AAAA-MM-DD, desde no posterior a hasta).' },
} as const;

/** The app's graceful shutdown announces it on the event hub (src/operations/graceful-shutdown.ts). */
export const INSTANCE_STOPPING_EVENT = 'instance.stopping';
