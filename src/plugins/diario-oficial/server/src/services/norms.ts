// What a recorded publication does to the norm: gazette data, effectiveFrom and,
// from that day, legalStatus in-force.
import type { Core } from '@strapi/strapi';
import { NORM_UID } from '../constants';
import { getConfig } from '../utils';
import { effectiveFrom as computeEffectiveFrom, today } from './dates';

type Row = Record<string, any>;

export interface GazetteData {
  outlet: string;
  channel: string;
  editionDate: string;
  gazetteId?: string | null;
  page?: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(NORM_UID);

  /** The locales a norm exists in, and those with a published version. */
  async function localesOf(documentId: string) {
    const rows = (await strapi.db.query(NORM_UID).findMany({ where: { documentId }, select: ['locale', 'publishedAt'] })) as Row[];
    return {
      all: [...new Set(rows.map((r) => r.locale as string))],
      published: [...new Set(rows.filter((r) => r.publishedAt).map((r) => r.locale as string))],
    };
  }

  /** Writes the non-localised fields through the draft, then republishes what was on the website. */
  async function update(documentId: string, data: Row) {
    const { all, published } = await localesOf(documentId);
    if (!all.length) return;
    // Non-localised fields are shared by all locales: updating one updates them all.
    await documents().update({ documentId, locale: all[0], data } as any);
    for (const locale of published) await documents().publish({ documentId, locale } as any);
  }

  return {
    async applyPublication(documentId: string, gazette: GazetteData) {
      const norm = await strapi.db.query(NORM_UID).findOne({ where: { documentId }, select: ['statedEffectiveFrom', 'legalStatus'] });
      if (!norm) return null;
      const effectiveFrom = computeEffectiveFrom(gazette.editionDate, norm.statedEffectiveFrom);
      const inForce = effectiveFrom <= today(getConfig(strapi).timeZone);
      await update(documentId, {
        gazettePublication: {
          outlet: gazette.outlet,
          channel: gazette.channel,
          editionDate: gazette.editionDate,
          gazetteId: gazette.gazetteId ?? null,
          page: gazette.page ?? null,
        },
        effectiveFrom,
        ...(inForce && norm.legalStatus === 'promulgated' ? { legalStatus: 'in-force' } : {}),
      });
      return { effectiveFrom, inForce };
    },

    /** Daily: promulgated norms whose effectiveFrom has come are in force. */
    async promoteInForce(onDate = today(getConfig(strapi).timeZone)) {
      const due = (await strapi.db.query(NORM_UID).findMany({
        where: { legalStatus: 'promulgated', effectiveFrom: { $notNull: true, $lte: onDate } },
        select: ['documentId'],
      })) as Row[];
      const documentIds = [...new Set(due.map((r) => r.documentId as string))];
      for (const documentId of documentIds) await update(documentId, { legalStatus: 'in-force' });
      return documentIds;
    },
  };
};
