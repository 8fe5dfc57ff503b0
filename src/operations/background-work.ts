// Work started after a transaction commits runs outside the request or script that
// caused it, and nothing awaits it: Strapi's document-service events (a findOne with a
// deep, morph-populated load, then the webhooks), the content manager's history, this
// project's e-mails and webhook deliveries. If the process destroys Strapi meanwhile, that
// work finds the connection pool gone and fails a minute later (`npm run seed` on an
// empty PostgreSQL database hung for 60 s and died with a KnexTimeoutError).
//
// Every after-commit callback registered through `strapi.db.transaction` is tracked here,
// its failure logged instead of left unhandled, and `drain()` (the app's destroy, after the
// plugins stopped theirs and before the database closes) waits for all of it, including
// work that tracked work started.
import type { Core } from '@strapi/strapi';

type TransactionParams = { onCommit: (callback: () => unknown) => void } & Record<string, unknown>;

export interface BackgroundWork {
  /** Keeps a promise (anything else is ignored) until it settles. */
  track(work: unknown): void;
  /** How many are still running. */
  pending(): number;
  /** Waits until nothing is running (also what started meanwhile), at most `timeoutMs`; true if it all finished. */
  drain(timeoutMs?: number): Promise<boolean>;
}

const trackers = new WeakMap<Core.Strapi, BackgroundWork>();

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  Boolean(value) && typeof (value as PromiseLike<unknown>).then === 'function';

function createTracker(strapi: Core.Strapi): BackgroundWork {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      if (!isThenable(work)) return;
      const settled: Promise<unknown> = Promise.resolve(work)
        .catch((error: any) => strapi.log.error(`Tarea posterior a una transacción falló: ${error?.stack ?? error?.message ?? error}`))
        .finally(() => running.delete(settled));
      running.add(settled);
    },
    pending: () => running.size,
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (running.size) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
        clearTimeout(timer);
      }
      return true;
    },
  };
}

/**
 * Wraps `strapi.db.transaction` so that every `onCommit` callback's result is tracked
 * (register phase: the database object exists, nothing has run a transaction yet).
 */
export function trackAfterCommitWork(strapi: Core.Strapi): BackgroundWork {
  const existing = trackers.get(strapi);
  if (existing) return existing;
  const tracker = createTracker(strapi);
  const db = strapi.db as unknown as { transaction: (callback?: (params: TransactionParams) => unknown) => unknown };
  const transaction = db.transaction.bind(db);
  db.transaction = (callback) => {
    if (!callback) return transaction();
    return transaction((params) =>
      callback({
        ...params,
        onCommit: (afterCommit) =>
          params.onCommit(() => {
            try {
              tracker.track(afterCommit());
            } catch (error) {
              tracker.track(Promise.reject(error)); // logged; the other callbacks still run
            }
          }),
      })
    );
  };
  trackers.set(strapi, tracker);
  return tracker;
}

/** The tracker of this Strapi instance (an empty one if the wrapper was not installed). */
export const backgroundWork = (strapi: Core.Strapi): BackgroundWork => trackers.get(strapi) ?? createTracker(strapi);
