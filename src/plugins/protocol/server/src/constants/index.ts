export const PLUGIN_ID = 'protocol';

export const UIDS = {
  contact: 'api::protocol-contact.protocol-contact',
  institution: 'api::institution.institution',
  precedenceRank: 'api::precedence-rank.precedence-rank',
  ceremony: 'api::ceremony.ceremony',
  body: 'api::municipal-body.municipal-body',
  audit: 'plugin::protocol.directory-audit',
  notice: 'plugin::protocol.notice',
  calendarRevision: 'plugin::protocol.calendar-revision',
} as const;

/** Admin permission actions (see config/actions.ts). */
export const ACTIONS = {
  readDirectory: 'plugin::protocol.directory.read',
  importDirectory: 'plugin::protocol.directory.import',
  exportDirectory: 'plugin::protocol.directory.export',
  verifyContacts: 'plugin::protocol.directory.verify',
  readBirthdays: 'plugin::protocol.birthdays.read',
  readSeating: 'plugin::protocol.ceremonies.seating',
  readNotices: 'plugin::protocol.ceremonies.notices',
} as const;

/** Content-manager actions whose field permissions decide access to personal data. */
export const CM_READ = 'plugin::content-manager.explorer.read';
export const CM_UPDATE = 'plugin::content-manager.explorer.update';
export const CM_CREATE = 'plugin::content-manager.explorer.create';

/** Stable codes and Spanish messages of the errors this plugin throws. */
export const ERRORS = {
  IMPORT_INVALID: { code: 'IMPORT_INVALID', message: 'La importación tiene errores: no se guardó ningún contacto.' },
  IMPORT_EMPTY: { code: 'IMPORT_EMPTY', message: 'El archivo CSV no tiene filas de datos.' },
  IMPORT_TOO_LARGE: { code: 'IMPORT_TOO_LARGE', message: 'El archivo CSV tiene demasiadas filas.' },
  CSV_UNREADABLE: { code: 'CSV_UNREADABLE', message: 'No se pudo leer el archivo CSV.' },
  UNKNOWN_CONTACTS: { code: 'UNKNOWN_CONTACTS', message: 'Algunos contactos no existen: no se marcó ninguno como verificado.' },
  CEREMONY_NOT_FOUND: { code: 'CEREMONY_NOT_FOUND', message: 'La ceremonia no existe.' },
  OVERRIDE_REASON_REQUIRED: { code: 'OVERRIDE_REASON_REQUIRED', message: 'Un rango de precedencia explícito necesita su motivo.' },
  FIELD_NOT_READABLE: { code: 'FIELD_NOT_READABLE', message: 'Su rol no puede leer ese campo.' },
  AUDIT_APPEND_ONLY: { code: 'AUDIT_APPEND_ONLY', message: 'El registro de importaciones y exportaciones no se puede modificar ni borrar.' },
} as const;

/** The app's graceful shutdown announces it on the event hub (src/operations/graceful-shutdown.ts). */
export const INSTANCE_STOPPING_EVENT = 'instance.stopping';
