/**
 * What the admin's "Sincronización CIF" page shows: where the change feed is,
 * which endpoints get webhooks and how the deliveries to each went, the ones
 * that did not arrive first. Read-only; nothing here changes the feed.
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_UID, DELIVERY_UID } from '../constants';
import { getConfig } from '../utils';

const RECENT = 30;

/** An endpoint as staff may see it: no query string or credentials (they may carry a key). */
export const displayUrl = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(URL no válida)';
  }
};

type Row = Record<string, any>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async overview() {
    const config = getConfig(strapi);
    const changes = strapi.db.query(CHANGE_UID);
    const deliveries = strapi.db.query(DELIVERY_UID);
    const head = (await changes.findOne({ select: ['id', 'createdAt', 'contentType', 'action'], orderBy: { id: 'desc' } })) as Row | null;
    const since = new Date(Date.now() - 24 * 3600_000);
    const countsByState: Record<string, number> = {};
    for (const state of ['pending', 'delivered', 'failed']) countsByState[state] = await deliveries.count({ where: { state } });
    const notDelivered = (await deliveries.findMany({ where: { state: { $ne: 'delivered' } }, orderBy: { id: 'desc' }, limit: RECENT })) as Row[];
    const delivered = (await deliveries.findMany({ where: { state: 'delivered' }, orderBy: { id: 'desc' }, limit: Math.max(0, RECENT - notDelivered.length) })) as Row[];
    return {
      feed: {
        head: head ? Number(head.id) : 0,
        lastChangeAt: head?.createdAt ?? null,
        changesLast24h: await changes.count({ where: { createdAt: { $gte: since } } }),
        types: config.types,
      },
      webhooks: { endpoints: config.webhookUrls.map(displayUrl), signed: Boolean(config.webhookSecret), maxAttempts: config.webhookMaxAttempts },
      deliveries: {
        counts: countsByState,
        recent: [...notDelivered, ...delivered].map((row) => {
          const last = (row.attemptLog ?? []).at(-1) as Row | undefined;
          return {
            id: row.id,
            cursor: Number(row.cursor),
            url: displayUrl(row.url),
            state: row.state,
            attempts: row.attempts ?? 0,
            lastStatusCode: row.lastStatusCode ?? null,
            lastError: last?.error ?? null,
            nextAttemptAt: row.state === 'pending' ? (row.nextAttemptAt ?? null) : null,
            deliveredAt: row.deliveredAt ?? null,
          };
        }),
      },
    };
  },
});
