// Art. 44 of Ley 27972: which norms must be published, and in which channels.
import { ALWAYS_PUBLISHED_NORM_TYPES, PAY_ACUERDO_NORM_TYPE, type Channel } from '../constants';
import { requiredChannels, type DiarioOficialConfig } from '../config';

export interface NormFacts {
  normType: string;
  level?: string | null;
  concernsAuthorityPay?: boolean | null;
  requiresRatification?: boolean | null;
  ratifiedBy?: string | null;
}

/** Ordenanzas, decretos de alcaldía, and acuerdos on the mayor's pay or councillors' allowances. */
export function mustBePublished(norm: NormFacts) {
  if ((norm.level ?? 'local') !== 'local') return false;
  if (ALWAYS_PUBLISHED_NORM_TYPES.includes(norm.normType)) return true;
  return norm.normType === PAY_ACUERDO_NORM_TYPE && Boolean(norm.concernsAuthorityPay);
}

/** A district's tax ordinance is published together with the provincial acuerdo that ratifies it. */
export const awaitsRatification = (norm: NormFacts) => Boolean(norm.requiresRatification) && !norm.ratifiedBy?.trim();

/** The channels the rules queue a norm in: none until it must (and can) be published. */
export function channelsFor(norm: NormFacts, config: Pick<DiarioOficialConfig, 'jurisdiction'>): Channel[] {
  if (!mustBePublished(norm) || awaitsRatification(norm)) return [];
  return requiredChannels(config.jurisdiction);
}

/** The configured outlet of a channel (the first one listed), or the one named by `key`. */
export function outletFor(config: Pick<DiarioOficialConfig, 'outlets'>, channel: Channel, key?: string | null) {
  return config.outlets.find((o) => o.channel === channel && (!key || o.key === key));
}

/** Channels whose publication gives the norm effect (the portal only makes it known). */
export const givesEffect = (channel: Channel) => channel !== 'portal';
