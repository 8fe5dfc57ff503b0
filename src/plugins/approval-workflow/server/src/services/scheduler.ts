/**
 * Scheduled publication (embargo). Every instance runs this from the cron; a
 * due row is first claimed with a conditional UPDATE (state, time, sequence and
 * an expired-or-absent claim) and only the instance whose UPDATE changed the
 * row publishes, through the same document-service gate as everyone else.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { ERROR_CODES, STATE_UID } from '../constants';
import { runAs, SCHEDULER } from '../actor';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::approval-workflow') as { claimTimeoutSeconds: number };
  // Shutdown: no new row is claimed; the publication under way finishes (destroy waits for it).
  let stopping = false;
  const runs = new Set<Promise<number>>();

  async function claim(row: { id: number; sequence: number }, now: Date) {
    const { count } = await strapi.db.query(STATE_UID).updateMany({
      where: {
        id: row.id,
        state: 'approved',
        sequence: row.sequence,
        publishAt: { $lte: now },
        $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
      },
      data: { claimToken: crypto.randomUUID(), claimedUntil: new Date(now.getTime() + config().claimTimeoutSeconds * 1000) },
    });
    return count === 1;
  }

  return {
    /** Publishes what is due at `now`; returns how many locales this call published. */
    publishDue(now = new Date()): Promise<number> {
      if (stopping) return Promise.resolve(0);
      const run = this.publishDueNow(now).finally(() => runs.delete(run));
      runs.add(run);
      return run;
    },

    async publishDueNow(now: Date) {
      const due = await strapi.db.query(STATE_UID).findMany({
        where: { state: 'approved', publishAt: { $lte: now } },
        orderBy: { publishAt: 'asc' },
        limit: 50,
      });
      let published = 0;
      for (const row of due) {
        if (stopping) break;
        if (!(await claim(row, now))) continue;
        const target = { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale ?? null };
        try {
          await runAs(SCHEDULER, () => strapi.documents(target.uid).publish({ documentId: target.documentId, locale: target.locale ?? undefined } as any));
          published += 1;
        } catch (error: any) {
          if (error?.details?.code === ERROR_CODES.outdated) {
            // Changed behind the workflow's back (not through the document service): cancel and tell the submitter.
            await runAs(SCHEDULER, () =>
              getService(strapi, 'workflow').revalidate(target, SCHEDULER, 'Publicación programada cancelada: el contenido cambió después de la aprobación.')
            );
          } else {
            strapi.log.error(`approval-workflow: no se pudo publicar ${row.targetKey} (se reintentará): ${error?.message ?? error}`);
          }
        }
      }
      return published;
    },

    /** Takes no more rows (graceful shutdown). */
    stop() {
      stopping = true;
    },

    /** Waits for the runs under way, if any. */
    async idle() {
      while (runs.size) await Promise.allSettled([...runs]);
    },
  };
};
