/**
 * Committed changes signalled to every instance at once (PostgreSQL
 * LISTEN/NOTIFY). A transaction that appends to the change log sends
 * `pg_notify(channel, lastCursor)`; PostgreSQL delivers it when, and only if,
 * that transaction commits. Each instance keeps one connection of its own
 * LISTENing and calls the change log's listeners on every notification, so
 * the response cache of every instance drops what changed within
 * milliseconds. The one-second poll of the head stays as the fallback (and is
 * the only path on SQLite): a lost connection is reconnected with back-off,
 * and listeners are called once after every reconnection, since
 * notifications sent meanwhile are lost.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { getConfig, isPostgres } from '../utils';

type Listener = (cursor: number | null) => void;

/** The part of node-postgres' Client used here (the project has no @types/pg). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'end', listener: () => void): void;
}

const MIN_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

/** One channel per database schema: several deployments (or test runs) may share a database. */
export const channelOf = (schema: string) => `cif_changes_${crypto.createHash('sha1').update(schema).digest('hex').slice(0, 16)}`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const listeners = new Set<Listener>();
  let client: PgClient | null = null;
  let stopped = true;
  let retryMs = MIN_RETRY_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  let connecting: Promise<void> | null = null;
  let connectedOnce = false;

  const schema = () => (strapi.db.config.connection.connection as { schema?: string }).schema || 'public';
  const channel = () => channelOf(schema());
  const emit = (cursor: number | null) => listeners.forEach((listener) => listener(cursor));

  function scheduleReconnect() {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  async function connect() {
    if (stopped || connecting) return connecting ?? undefined;
    connecting = (async () => {
      const { Client } = require('pg') as { Client: new (settings: object) => PgClient };
      const settings = strapi.db.config.connection.connection as Record<string, unknown>;
      const next = new Client({ ...settings, application_name: `cif-sync-listener:${process.pid}` });
      next.on('notification', (message) => {
        if (message.channel === channel()) emit(Number(message.payload) || null);
      });
      next.on('error', (error) => {
        strapi.log.warn(`cif-sync: the change listener lost its connection (${error.message}); polling once a second until it is back.`);
      });
      next.on('end', () => {
        if (client === next) client = null;
        scheduleReconnect();
      });
      try {
        await next.connect();
        await next.query(`LISTEN "${channel()}"`);
        if (stopped) {
          await next.end().catch(() => {});
          return;
        }
        client = next;
        retryMs = MIN_RETRY_MS;
        // Whatever was committed while nobody listened: look at the head again.
        if (connectedOnce) emit(null);
        connectedOnce = true;
      } catch (error: any) {
        await next.end().catch(() => {});
        strapi.log.warn(`cif-sync: cannot listen for changes (${error.message}); retrying in ${retryMs} ms.`);
        scheduleReconnect();
      }
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    /** Whether committed changes are signalled (PostgreSQL, `notifyChanges` on). */
    enabled: () => isPostgres(strapi) && getConfig(strapi).notifyChanges,

    channel,

    /** Inside the appending transaction: delivered to every listener when it commits. */
    async notify(trx: { raw: (sql: string, bindings: unknown[]) => Promise<unknown> }, cursor: number) {
      await trx.raw('select pg_notify(?, ?)', [channel(), String(cursor)]);
    },

    /** `cursor` is the notified head, or null when the head must be read again. */
    onSignal(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Whether the listening connection is up (readiness, tests). */
    listening: () => client !== null,

    async start() {
      if (!this.enabled() || !stopped) return;
      stopped = false;
      await connect();
    },

    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await connecting;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
};
