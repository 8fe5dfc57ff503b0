/** The import/export audit trail only grows: updates and deletes are refused at the database layer. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, UIDS } from '../constants';

const refuse = () => {
  throw new errors.ForbiddenError(ERRORS.AUDIT_APPEND_ONLY.message, { code: ERRORS.AUDIT_APPEND_ONLY.code });
};

export const protectAuditTrail = (strapi: Core.Strapi) =>
  strapi.db.lifecycles.subscribe({
    models: [UIDS.audit],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  });
