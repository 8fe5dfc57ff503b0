export const PLUGIN_ID = 'cif-sync';

export const CHANGE_UID = 'plugin::cif-sync.change' as const;
export const DELIVERY_UID = 'plugin::cif-sync.delivery' as const;

/** What the feed and the webhooks call a change. */
export const CHANGE_ACTIONS = { upsert: 'upsert', delete: 'delete' } as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[keyof typeof CHANGE_ACTIONS];

/**
 * The permission to read the change feed. Not a `find`: Strapi's read-only tokens may call
 * every action named find or findOne, and the feed is for the CIF alone. Before, the route's
 * action was `changes.find`; grants of it are carried over at bootstrap.
 */
export const READ_FEED_ACTION = 'plugin::cif-sync.changes.read';
export const LEGACY_READ_FEED_ACTION = 'plugin::cif-sync.changes.find';

export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

/**
 * PostgreSQL advisory lock taken by every transaction that appends to the change
 * log, held until it commits: cursors are then handed out in commit order, so a
 * reader that sees cursor N also sees every cursor below N.
 */
export const CHANGE_LOG_LOCK_KEY = 0x43494631; // "CIF1"

export const SIGNATURE_HEADER = 'X-CIF-Signature';

export const ERROR_CODES = {
  invalidCursor: 'INVALID_CURSOR',
  invalidLimit: 'INVALID_LIMIT',
  invalidLocale: 'INVALID_LOCALE',
  unknownParameter: 'INVALID_PARAMETER',
} as const;

export const MESSAGES = {
  invalidCursor: 'El cursor «since» debe ser un número entero mayor o igual que 0.',
  invalidLimit: `El límite «limit» debe ser un número entero entre 1 y ${MAX_PAGE_SIZE}.`,
  invalidLocale: 'El idioma (locale) solicitado no existe.',
  unknownParameter: 'Parámetro desconocido. Se admiten «since», «limit» y «locale».',
} as const;

/** The app's graceful shutdown announces it on the event hub (src/operations/graceful-shutdown.ts). */
export const INSTANCE_STOPPING_EVENT = 'instance.stopping';
