// The reviewer's inbox: document locales in a given state, oldest first, with submitter and waiting time.
import type { Core } from '@strapi/strapi';
import { STATE_UID, type ApprovalState } from '../constants';
import { getService } from '../utils';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list({ state = 'in-review', uid, locale }: { state?: ApprovalState; uid?: string; locale?: string }) {
    const rows = await strapi.db.query(STATE_UID).findMany({
      where: { state, ...(uid ? { targetUid: uid } : {}), ...(locale ? { targetLocale: locale } : {}) },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      limit: 500,
    });
    const userIds = [...new Set(rows.map((r: any) => r.submittedById).filter(Boolean))];
    const users = userIds.length
      ? await strapi.db.query('admin::user').findMany({ where: { id: { $in: userIds } }, select: ['id', 'firstname', 'lastname', 'email'] })
      : [];
    const byId = new Map(users.map((u: any) => [u.id, u]));
    const hashes = getService(strapi, 'content-hash');
    const now = Date.now();
    return Promise.all(
      rows.map(async (row: any) => {
        const draft = await hashes.loadDraft(row.targetUid, row.targetDocumentId, row.targetLocale ?? null);
        const submitter: any = byId.get(row.submittedById);
        return {
          uid: row.targetUid,
          documentId: row.targetDocumentId,
          locale: row.targetLocale ?? null,
          title: draft?.title ?? draft?.name ?? row.targetDocumentId,
          state: row.state,
          submittedAt: row.submittedAt ? new Date(row.submittedAt).toISOString() : null,
          waitingSeconds: row.submittedAt ? Math.round((now - new Date(row.submittedAt).getTime()) / 1000) : null,
          submitter: submitter ? { id: submitter.id, name: [submitter.firstname, submitter.lastname].filter(Boolean).join(' '), email: submitter.email } : null,
          publishAt: row.publishAt ? new Date(row.publishAt).toISOString() : null,
        };
      })
    );
  },
});
