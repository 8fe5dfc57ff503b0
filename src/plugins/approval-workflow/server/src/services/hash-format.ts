/**
 * Carrying approvals over when the content hash gains what it covers (format 2:
 * a file's bytes, name, caption and alternative text). Once per database, at
 * start-up: an approval whose old-format hash still matches its draft binds to
 * the new fingerprint (event `rehash` in its audit chain, state unchanged);
 * one that no longer matched stays void. Safe when several instances start at
 * once (each carry-over is a compare-and-swap on the state row).
 */
import type { Core } from '@strapi/strapi';
import { STATE_UID } from '../constants';
import { getService } from '../utils';
import { HASH_FORMAT } from './content-hash';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'approval-workflow', key: 'hash-format' });

  return {
    async currentFormat(): Promise<number> {
      const value = (await store().get({})) as { format?: number } | null;
      return value?.format ?? 1;
    },

    /** Sets the recorded format (tests simulate a database from before an upgrade). */
    async setFormat(format: number) {
      await store().set({ value: { format } });
    },

    async upgrade() {
      if ((await this.currentFormat()) >= HASH_FORMAT) return null;
      const hashes = getService(strapi, 'content-hash');
      const workflow = getService(strapi, 'workflow');
      const rows = await strapi.db.query(STATE_UID).findMany({
        where: { approvedHash: { $notNull: true }, state: { $in: ['approved', 'published'] } },
        select: ['targetUid', 'targetDocumentId', 'targetLocale', 'approvedHash'],
      });
      let carried = 0;
      let stale = 0;
      for (const row of rows as any[]) {
        if (!strapi.contentTypes[row.targetUid as keyof typeof strapi.contentTypes]) continue;
        const target = { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale ?? null };
        const draft = await hashes.loadDraft(target.uid, target.documentId, target.locale);
        if (!draft) continue;
        const current = hashes.hashOf(target.uid, draft);
        if (current === row.approvedHash) continue;
        const legacy = hashes.legacyHashOf(target.uid, draft);
        if (legacy === row.approvedHash && (await workflow.rehash(target, legacy, current))) carried += 1;
        else stale += 1;
      }
      await store().set({ value: { format: HASH_FORMAT, upgradedAt: new Date().toISOString(), carried, stale } });
      if (rows.length) strapi.log.info(`approval-workflow: huella de contenido formato ${HASH_FORMAT}: ${carried} aprobación(es) conservada(s), ${stale} ya sin efecto.`);
      return { carried, stale };
    },
  };
};
