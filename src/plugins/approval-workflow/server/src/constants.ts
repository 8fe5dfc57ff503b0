// Names shared by the approval workflow's server parts: UIDs, states, actions, error codes.

export const PLUGIN_ID = 'approval-workflow';

/** The app's graceful shutdown announces it on the event hub (src/operations/graceful-shutdown.ts). */
export const INSTANCE_STOPPING_EVENT = 'instance.stopping';

export const STATE_UID = 'plugin::approval-workflow.approval-state' as const;

export const PERMISSIONS = {
  read: 'plugin::approval-workflow.read',
  submit: 'plugin::approval-workflow.submit',
  review: 'plugin::approval-workflow.review',
} as const;

export const STATES = ['draft', 'in-review', 'changes-requested', 'approved', 'published'] as const;
export type ApprovalState = (typeof STATES)[number];

/** Transitions a user asks for through the admin route. */
export const USER_ACTIONS = ['submit', 'withdraw', 'approve', 'request-changes', 'unpublish'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * Everything the audit trail records: user actions plus what the system observes
 * (an edit that voids an approval or resets a review, the fingerprint carried
 * over to a new hash format, a restored version).
 */
export type EventAction = UserAction | 'publish' | 'invalidate' | 'review-reset' | 'rehash' | 'restore';

export const WEBHOOK_EVENTS = {
  submitted: 'approval.submitted',
  approved: 'approval.approved',
  changesRequested: 'approval.changes-requested',
  published: 'approval.published',
} as const;

export const ERROR_CODES = {
  required: 'APPROVAL_REQUIRED',
  outdated: 'APPROVAL_OUTDATED',
  selfApproval: 'SELF_APPROVAL_FORBIDDEN',
  invalidTransition: 'INVALID_TRANSITION',
  commentRequired: 'COMMENT_REQUIRED',
  forbidden: 'FORBIDDEN',
  gatedFileLocked: 'GATED_FILE_LOCKED',
} as const;

export const STATE_LABELS: Record<ApprovalState, string> = {
  draft: 'borrador',
  'in-review': 'en revisión',
  'changes-requested': 'cambios solicitados',
  approved: 'aprobado',
  published: 'publicado',
};

/** Fields that never count as content when hashing a draft. */
export const NON_CONTENT_FIELDS = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
] as const;

/** Preview tokens (services/preview-tokens.ts): who signs them, for what, and the longest accepted. */
export const PREVIEW = {
  issuer: 'comunicaciones-municipales',
  audience: 'preview',
  maxTokenLength: 2048,
  /** Where this project serves previews (outside /api: never cached, never a Content API read). */
  routePrefix: '/preview',
} as const;

export const PREVIEW_ERROR_CODES = {
  invalid: 'PREVIEW_INVALID',
  expired: 'PREVIEW_EXPIRED',
  outdated: 'PREVIEW_OUTDATED',
  notFound: 'NOT_FOUND',
} as const;

export const VERSION_UID = 'plugin::approval-workflow.version' as const;

/** Transitions whose content the versions store keeps (services/versions.ts). */
export const VERSIONED_ACTIONS = ['approve', 'publish'] as const;
