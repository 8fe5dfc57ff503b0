// What the preview of a draft shows for each type the website publishes, and where, for the
// approval-workflow plugin's preview (config/plugins.ts passes it; docs/preview-and-versions.md).
import type { Core } from '@strapi/strapi';
import { blocksToHtml } from './blocks-to-html';
import { DEFAULT_POPULATE } from './default-populate';
import { VISIBILITY_FLAG } from '../access/content-api';
import { ENUMERATION_LABELS } from '../labels/enumerations';

const PRESS_NOTE = 'api::press-note.press-note';
const PROGRAM = 'api::broadcast-program.broadcast-program';
const NORM = 'api::norm.norm';
const TRANSPARENCY = 'api::transparency-page.transparency-page';

/** The preview's layout per type: the fields the page shows and the populate the website's data gets. */
export const PREVIEW_LAYOUTS = {
  [PRESS_NOTE]: { title: 'title', lead: 'lead', cover: 'cover', body: 'body', gallery: 'gallery', seo: 'seo', facts: ['category', 'tags'], populate: DEFAULT_POPULATE[PRESS_NOTE]?.detail },
  [PROGRAM]: {
    title: 'name',
    lead: 'description',
    body: 'script',
    facts: ['medium', 'station', 'frequency', 'hosts', 'scheduleSlots', 'validFrom', 'validTo'],
    attachments: ['rundownFile'],
    populate: DEFAULT_POPULATE[PROGRAM]?.detail,
  },
  [NORM]: {
    title: 'title',
    kicker: 'number',
    lead: 'sumilla',
    facts: ['normType', 'level', 'issuedBy', 'issuedOn', 'legalStatus', 'effectiveFrom'],
    attachments: ['bodyFile'],
    populate: DEFAULT_POPULATE[NORM]?.detail,
  },
  [TRANSPARENCY]: {
    title: 'title',
    body: 'body',
    facts: ['pteSection', 'period', 'lastUpdatedOn', 'responsible'],
    attachments: ['attachments'],
    populate: DEFAULT_POPULATE[TRANSPARENCY]?.detail,
  },
} as Record<string, Record<string, unknown>>;

/**
 * The plugin's `preview` option. With WEBSITE_URL and a type's path in PREVIEW_WEBSITE_PATHS
 * (JSON, e.g. {"api::press-note.press-note": "/prensa/{slug}"}) the admin's Preview opens the
 * website; otherwise this project's own page at /preview/<token>.
 */
export function previewConfig(env: Core.Config.Shared.ConfigParams['env']) {
  const paths = env.json('PREVIEW_WEBSITE_PATHS', {}) as Record<string, string | undefined>;
  return {
    secret: env('PREVIEW_SECRET', ''),
    websiteUrl: env('WEBSITE_URL', ''),
    editorTtlMinutes: env.int('PREVIEW_TTL_MINUTES', 60),
    linkTtlHours: env.int('PREVIEW_LINK_TTL_HOURS', 72),
    renderBlocks: blocksToHtml,
    // The office reads the Spanish label of a stored value (src/labels/enumerations.ts), as in the admin.
    valueLabel: (_uid: string, _field: string, value: string) => ENUMERATION_LABELS[value]?.[0] ?? null,
    visibilityFlag: VISIBILITY_FLAG,
    types: Object.fromEntries(Object.entries(PREVIEW_LAYOUTS).map(([uid, layout]) => [uid, paths[uid] ? { ...layout, websitePath: paths[uid] } : layout])),
  };
}

/** Where the admin may frame a preview: this server, and the website when there is one (config/admin.ts). */
export function previewOrigins(env: Core.Config.Shared.ConfigParams['env']) {
  const website = env('WEBSITE_URL', '');
  const origins = ["'self'"];
  try {
    if (website) origins.push(new URL(website).origin);
  } catch {
    /* an invalid WEBSITE_URL fails in the plugin's config validator, with a clear message */
  }
  return origins;
}
