// UIDs, states, channels and error codes of the publication-request queue.

export const PLUGIN_ID = 'diario-oficial';
export const REQUEST_UID = 'plugin::diario-oficial.request' as const;
export const NORM_UID = 'api::norm.norm' as const;

export const CHANNELS = ['el-peruano', 'diario-judicial', 'carteles', 'portal', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const STATES = [
  'queued',
  'dispatching',
  'awaiting-manual-submission',
  'submitted',
  'quoted',
  'paid',
  'scheduled',
  'published',
  'rejected',
  'failed',
  'cancelled',
] as const;
export type RequestState = (typeof STATES)[number];

/** States after which a request no longer counts for "one live request per norm and channel". */
export const FINAL_STATES: RequestState[] = ['published', 'cancelled'];

export const ACTIONS = [
  'retry',
  'record-submission',
  'record-quote',
  'record-payment',
  'record-schedule',
  'record-publication',
  'record-rejection',
  'cancel',
] as const;
export type RequestAction = (typeof ACTIONS)[number];

/** Admin permission actions (`plugin::diario-oficial.<uid>`). */
export const PERMISSIONS = {
  read: 'plugin::diario-oficial.read',
  create: 'plugin::diario-oficial.create',
  record: 'plugin::diario-oficial.record',
  cancel: 'plugin::diario-oficial.cancel',
} as const;

/** Norm types that art. 44 of Ley 27972 always requires to be published. */
export const ALWAYS_PUBLISHED_NORM_TYPES = ['ordenanza', 'decreto-de-alcaldia'];
/** Acuerdos de concejo must be published when they concern the mayor's pay or councillors' allowances. */
export const PAY_ACUERDO_NORM_TYPE = 'acuerdo-de-concejo';

/** The Diario Oficial's ID of a published norm, e.g. `1835431-1`. */
export const GAZETTE_ID_PATTERN = /^[0-9]{4,10}-[0-9]{1,3}$/;

export const ERROR_CODES = {
  invalidTransition: 'INVALID_TRANSITION',
  missingFiles: 'MISSING_FILES',
  invalidFileType: 'INVALID_FILE_TYPE',
  invalidGazetteId: 'INVALID_GAZETTE_ID',
  duplicateRequest: 'DUPLICATE_REQUEST',
  invalidDate: 'INVALID_DATE',
  unknownOutlet: 'UNKNOWN_OUTLET',
  normNotFound: 'NORM_NOT_FOUND',
  requestNotFound: 'REQUEST_NOT_FOUND',
  forbidden: 'FORBIDDEN',
} as const;

/** The app's graceful shutdown announces it on the event hub (src/operations/graceful-shutdown.ts). */
export const INSTANCE_STOPPING_EVENT = 'instance.stopping';
