/** Append-only trail of directory imports and exports (Ley 29733: who moved personal data). */
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';

export type AuditOperation = 'import' | 'export-csv' | 'export-vcard';

export interface AdminUser {
  id: number;
  email: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  record(entry: { operation: AuditOperation; user: AdminUser; recordCount: number; personalData: boolean; details?: object }) {
    return strapi.db.query(UIDS.audit).create({
      data: {
        operation: entry.operation,
        adminUserId: entry.user.id,
        adminUserEmail: entry.user.email,
        recordCount: entry.recordCount,
        personalData: entry.personalData,
        details: entry.details ?? null,
      },
    });
  },

  latest(limit = 50) {
    return strapi.db.query(UIDS.audit).findMany({ orderBy: { id: 'desc' }, limit });
  },
});
