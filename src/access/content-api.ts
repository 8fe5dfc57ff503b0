// Who may read what through the Content API. The single source of truth for
// the Public role's permissions, the `website` and `cif` API tokens, and the
// visibility scope applied to restricted callers.
import type { UID } from '@strapi/strapi';

const reads = (uids: UID.ContentType[]) => uids.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/** Types the website shows. Ceremonies and archive items only when `isPublic`. */
export const PUBLIC_READ_TYPES: UID.ContentType[] = [
  'api::press-note.press-note',
  'api::broadcast-program.broadcast-program',
  'api::norm.norm',
  'api::ceremony.ceremony',
  'api::media-archive-item.media-archive-item',
  'api::transparency-page.transparency-page',
];

/** Types the Centro de Información de Frontera mirrors. */
export const CIF_READ_TYPES: UID.ContentType[] = [
  'api::transparency-page.transparency-page',
  'api::norm.norm',
  'api::press-note.press-note',
  'api::ceremony.ceremony',
];

/** Public feeds that are not reads of one type (routes of the protocol plugin). */
export const PUBLIC_FEED_ACTIONS = ['plugin::protocol.feed.ceremonies'];

/** Content API actions beyond find/findOne that the website may call (scoped like the reads). */
export const PUBLIC_EXTRA_ACTIONS = ['api::media-archive-item.media-archive-item.search', ...PUBLIC_FEED_ACTIONS];

export const PUBLIC_ROLE_ACTIONS = [...reads(PUBLIC_READ_TYPES), ...PUBLIC_EXTRA_ACTIONS];

export const API_TOKENS = {
  website: {
    description: 'Sitio web municipal: lectura del contenido público.',
    permissions: PUBLIC_ROLE_ACTIONS,
  },
  cif: {
    description: 'Centro de Información de Frontera: lectura del contenido de transparencia y de su feed de cambios.',
    // The change feed of src/plugins/cif-sync: a permission of its own, which read-only tokens lack.
    permissions: [...reads(CIF_READ_TYPES), 'plugin::cif-sync.changes.read'],
  },
} as const;

export type ApiTokenName = keyof typeof API_TOKENS;

/** Attribute that hides a document from restricted callers when false. */
export const VISIBILITY_FLAG = 'isPublic';

/**
 * The only types a restricted caller ever reaches through the Content API, at the top
 * level or through a relation, a filter, a sort or a populate (and only those its own
 * permissions let it `find`). Everything else is back office — protocol contacts
 * (personal data, Ley 29733), institutions, municipal bodies, precedence ranks, admin
 * and users-permissions users, the plugins' own types — even for a read-only token,
 * which Strapi lets `find` every type. Media files are reached through the document
 * that uses them.
 */
export const CONTENT_API_TYPES: readonly string[] = PUBLIC_READ_TYPES;

/**
 * Components that stay back office inside a public document: a ceremony's guest list
 * (who was invited, who answered, protocol's notes on them) is protocol work about
 * people, not news. Restricted callers cannot populate, filter or sort by them, and the
 * OpenAPI document does not offer them.
 */
export const BACK_OFFICE_COMPONENTS: readonly string[] = ['ceremony.invitee'];

/** May a restricted caller reach this component (through the document that holds it)? */
export const isPublicComponent = (uid: string) => !BACK_OFFICE_COMPONENTS.includes(uid);

/**
 * Which rows of a type a restricted caller sees: those with the visibility flag set,
 * and only published ones where the type has draft and publish. As filters, and as
 * their negation (true also where a column is NULL, as in a row that is not there).
 */
export const visibleRows = (model: { attributes: Record<string, unknown>; options?: { draftAndPublish?: boolean } }) => [
  ...(model.attributes[VISIBILITY_FLAG] ? [{ [VISIBILITY_FLAG]: { $eq: true } }] : []),
  ...(model.options?.draftAndPublish ? [{ publishedAt: { $notNull: true } }] : []),
];

export const hiddenRows = (model: { attributes: Record<string, unknown>; options?: { draftAndPublish?: boolean } }) => [
  ...(model.attributes[VISIBILITY_FLAG] ? [{ [VISIBILITY_FLAG]: { $eq: false } }, { [VISIBILITY_FLAG]: { $null: true } }] : []),
  ...(model.options?.draftAndPublish ? [{ publishedAt: { $null: true } }] : []),
];

/**
 * Only a full-access API token (a trusted back office) may read non-public
 * ceremonies and archive items through the Content API; everybody else
 * (Public role, logged-in users, custom and read-only tokens) is scoped.
 */
export const isRestrictedCaller = (auth: { strategy?: { name?: string }; credentials?: { type?: string } } | undefined) =>
  !(auth?.strategy?.name === 'content-api-token' && auth.credentials?.type === 'full-access');
