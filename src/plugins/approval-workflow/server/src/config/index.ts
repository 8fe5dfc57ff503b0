// Plugin options (config/plugins.ts → 'approval-workflow'.config). Shape checked here;
// that every gated type exists and has draft & publish is checked in register().

export interface ApprovalWorkflowConfig {
  /** Content types whose publication needs the Gerente's approval. */
  gatedTypes: string[];
  /** 'forbid' (four-eyes) or 'allow': may a reviewer approve what they submitted or last edited? */
  selfApproval: 'forbid' | 'allow';
  /** Cron rule (with seconds) of the scheduled-publication worker. */
  scheduleRule: string;
  /** A claim on a due publication expires after this many seconds (an instance that died mid-way). */
  claimTimeoutSeconds: number;
  /** Base URL of the admin, for links in e-mails. */
  adminUrl: string;
  /** Preview of drafts as the public will see them (services/preview.ts). */
  preview: PreviewConfig;
}

/** Which fields of a type the preview page shows, and where. Every name must be an attribute of the type. */
export interface PreviewLayout {
  title: string;
  /** A line above the title (a norm's number). */
  kicker?: string;
  lead?: string;
  cover?: string;
  body?: string;
  gallery?: string;
  seo?: string;
  /** Short facts shown as a list (dates, station, section…). */
  facts?: string[];
  /** Media fields offered as downloads. */
  attachments?: string[];
  /** Populate of the data the website gets (what its detail page reads). */
  populate?: Record<string, unknown>;
  /** Path on the website for this type ({documentId}, {locale}, {slug}, {status}); without it, this project's page. */
  websitePath?: string;
}

export interface PreviewConfig {
  /** What the signing key is derived from; empty: the server's APP_KEYS. Changing it voids every link. */
  secret: string;
  /** The municipal website; with a type's websitePath, the admin's preview opens there. */
  websiteUrl: string;
  /** Lifetime of the token the admin's Preview gets (the editor's own view). */
  editorTtlMinutes: number;
  /** Lifetime of the preview link in the approval e-mail (it also dies with any edit). */
  linkTtlHours: number;
  types: Record<string, PreviewLayout>;
  /** Blocks rich text to HTML (escaping all text): the same renderer as the feeds. */
  renderBlocks: ((blocks: unknown) => string) | null;
  /** Spanish label of an enumeration value, or null for the value itself. */
  valueLabel: ((uid: string, field: string, value: string) => string | null) | null;
  /** Attribute that hides a related document from the public when false. */
  visibilityFlag: string;
}

const defaults: ApprovalWorkflowConfig = {
  gatedTypes: ['api::press-note.press-note', 'api::broadcast-program.broadcast-program'],
  selfApproval: 'forbid',
  scheduleRule: '*/10 * * * * *',
  claimTimeoutSeconds: 300,
  adminUrl: '',
  preview: {
    secret: '',
    websiteUrl: '',
    editorTtlMinutes: 60,
    linkTtlHours: 72,
    types: {},
    renderBlocks: null,
    valueLabel: null,
    visibilityFlag: 'isPublic',
  },
};

const fail = (message: string): never => {
  throw new Error(`approval-workflow: configuración no válida: ${message}`);
};

function validatePreview(preview: Partial<PreviewConfig> | undefined) {
  if (!preview) return;
  const { websiteUrl, editorTtlMinutes, linkTtlHours, types, renderBlocks, valueLabel } = preview;
  if (websiteUrl && !/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(websiteUrl)) fail('preview.websiteUrl (WEBSITE_URL) debe ser una URL http(s).');
  if (!Number.isInteger(editorTtlMinutes) || (editorTtlMinutes as number) < 1 || (editorTtlMinutes as number) > 24 * 60) {
    fail('preview.editorTtlMinutes debe ser un entero entre 1 y 1440.');
  }
  if (!Number.isInteger(linkTtlHours) || (linkTtlHours as number) < 1 || (linkTtlHours as number) > 24 * 30) fail('preview.linkTtlHours debe ser un entero entre 1 y 720.');
  if (typeof types !== 'object' || types === null) fail('preview.types debe ser un objeto { uid: diseño }.');
  for (const [uid, layout] of Object.entries(types ?? {})) {
    if (!/^api::[\w-]+\.[\w-]+$/.test(uid)) fail(`preview.types: ${uid} no es un UID de tipo de contenido.`);
    if (typeof layout?.title !== 'string') fail(`preview.types[${uid}].title debe nombrar un campo.`);
    if (layout.websitePath !== undefined && !/^\/[^\s]*$/.test(layout.websitePath)) fail(`preview.types[${uid}].websitePath debe empezar con «/».`);
  }
  if (Object.keys(types ?? {}).length && typeof renderBlocks !== 'function') fail('preview.renderBlocks debe ser una función (bloques → HTML).');
  if (valueLabel !== null && valueLabel !== undefined && typeof valueLabel !== 'function') fail('preview.valueLabel debe ser una función o null.');
}

export default {
  default: defaults,
  validator(config: Partial<ApprovalWorkflowConfig>) {
    const { gatedTypes, selfApproval, scheduleRule, claimTimeoutSeconds } = config;
    if (!Array.isArray(gatedTypes) || gatedTypes.some((uid) => typeof uid !== 'string' || !/^api::[\w-]+\.[\w-]+$/.test(uid))) {
      fail('gatedTypes debe ser una lista de UIDs de tipos de contenido (api::nombre.nombre).');
    }
    if (!['forbid', 'allow'].includes(selfApproval as string)) fail("selfApproval debe ser 'forbid' o 'allow'.");
    if (typeof scheduleRule !== 'string' || scheduleRule.trim().split(/\s+/).length < 5) fail('scheduleRule debe ser una regla cron.');
    if (!Number.isInteger(claimTimeoutSeconds) || (claimTimeoutSeconds as number) < 30) fail('claimTimeoutSeconds debe ser un entero ≥ 30.');
    validatePreview(config.preview);
  },
};
