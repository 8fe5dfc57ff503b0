/**
 * Document-service middleware: a contact's explicit precedence place
 * (`precedenceRank`) needs its reason, on every write path (content manager,
 * import, document service).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, UIDS } from '../constants';

const blank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

export const precedenceOverrideNeedsReason = (strapi: Core.Strapi) => async (context: any, next: () => Promise<any>) => {
  if (context.uid !== UIDS.contact || !['create', 'update'].includes(context.action)) return next();
  const data = context.params?.data ?? {};
  if ('precedenceRank' in data || 'precedenceOverrideReason' in data) {
    const stored =
      context.action === 'update'
        ? await strapi.db.query(UIDS.contact).findOne({ where: { documentId: context.params.documentId }, select: ['precedenceRank', 'precedenceOverrideReason'] })
        : null;
    const rank = 'precedenceRank' in data ? data.precedenceRank : stored?.precedenceRank;
    const reason = 'precedenceOverrideReason' in data ? data.precedenceOverrideReason : stored?.precedenceOverrideReason;
    if (!blank(rank) && blank(reason)) {
      const { code, message } = ERRORS.OVERRIDE_REASON_REQUIRED;
      throw new errors.ValidationError(message, { code, errors: [{ path: ['precedenceOverrideReason'], message, name: 'ValidationError' }] });
    }
  }
  return next();
};
