import { CIF_READ_TYPES, PUBLIC_READ_TYPES } from '../../../../../access/content-api';

export interface CifSyncConfig {
  /** Types the CIF mirrors: their publish, unpublish and delete go to the feed. */
  types: string[];
  /** Types whose changes only invalidate the website's response cache. */
  cacheTypes: string[];
  /** CIF endpoints that receive a signed POST for every change. */
  webhookUrls: string[];
  /** HMAC-SHA256 secret of the webhook signature (CIF_WEBHOOK_SECRET). */
  webhookSecret: string;
  webhookMaxAttempts: number;
  /** First retry delay; doubles on every failed attempt. */
  webhookRetryBaseMs: number;
  webhookTimeoutMs: number;
  /** How often each instance looks for due deliveries (0 turns the worker off). */
  dispatchIntervalMs: number;
  /** PostgreSQL: signal committed changes to every instance with LISTEN/NOTIFY (the poll stays as fallback). */
  notifyChanges: boolean;
}

const isStringArray = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
const isPositiveInt = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

export default {
  default: {
    types: CIF_READ_TYPES,
    cacheTypes: PUBLIC_READ_TYPES,
    webhookUrls: [],
    webhookSecret: '',
    webhookMaxAttempts: 8,
    webhookRetryBaseMs: 2000,
    webhookTimeoutMs: 5000,
    dispatchIntervalMs: 5000,
    notifyChanges: true,
  } satisfies CifSyncConfig,
  validator(config: CifSyncConfig) {
    if (!isStringArray(config.types) || !isStringArray(config.cacheTypes)) {
      throw new Error('cif-sync: `types` and `cacheTypes` must be lists of content-type UIDs.');
    }
    if (!Array.isArray(config.webhookUrls) || config.webhookUrls.some((url) => !/^https?:\/\//.test(String(url)))) {
      throw new Error('cif-sync: `webhookUrls` (CIF_WEBHOOK_URLS) must be a list of http(s) URLs.');
    }
    if (config.webhookUrls.length > 0 && !config.webhookSecret) {
      throw new Error('cif-sync: CIF_WEBHOOK_URLS is set but CIF_WEBHOOK_SECRET is empty; webhooks must be signed.');
    }
    if (typeof config.notifyChanges !== 'boolean') throw new Error('cif-sync: `notifyChanges` (CHANGE_NOTIFY) must be true or false.');
    for (const key of ['webhookMaxAttempts', 'webhookRetryBaseMs', 'webhookTimeoutMs', 'dispatchIntervalMs'] as const) {
      if (!isPositiveInt(config[key])) throw new Error(`cif-sync: \`${key}\` must be a non-negative integer.`);
    }
  },
};
