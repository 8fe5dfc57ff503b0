/**
 * The protocol directory as listings and exports show it: every contact in
 * precedence order (then institution, then name), institutional fields for
 * every reader and personal fields only for those allowed to read them.
 */
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { effectiveRank, sortByPrecedence } from '../utils/precedence';
import { PERSONAL_ATTRIBUTES } from './personal-access';
import { getService } from '../utils/get-service';

export interface DirectoryFilters {
  level?: string;
  sector?: string;
  porVerificar?: boolean;
  active?: boolean;
  q?: string;
  documentIds?: string[];
}

export const CONTACT_POPULATE = {
  institution: { fields: ['name', 'acronym', 'sector', 'level'] },
  precedence: { fields: ['rank', 'officeTitle', 'level', 'source'] },
  assistant: true,
} as const;

/** Fields every directory reader sees (institutional data). */
const INSTITUTIONAL_FIELDS = [
  'documentId',
  'contactKey',
  'treatment',
  'givenName',
  'familyName',
  'position',
  'precedenceRank',
  'precedenceOverrideReason',
  'precedenceSource',
  'termStart',
  'termEnd',
  'institutionalPhone',
  'institutionalEmail',
  'lastVerifiedAt',
  'active',
] as const;

export type Contact = Record<string, any>;

const normalize = (value: string) =>
  value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Contacts matching the filters, in precedence order, as stored (all fields). */
  async load(filters: DirectoryFilters = {}, now = new Date()): Promise<Contact[]> {
    const where: Record<string, unknown>[] = [];
    if (filters.level) where.push({ institution: { level: filters.level } });
    if (filters.sector) where.push({ institution: { sector: filters.sector } });
    if (filters.active !== undefined) where.push({ active: filters.active });
    if (filters.documentIds) where.push({ documentId: { $in: filters.documentIds } });
    let contacts = (await strapi.documents(UIDS.contact).findMany({
      filters: where.length ? { $and: where } : {},
      populate: CONTACT_POPULATE,
    } as any)) as Contact[];
    if (filters.q) {
      const needle = normalize(filters.q);
      contacts = contacts.filter((c) =>
        [c.givenName, c.familyName, c.position, c.institution?.name, c.institution?.acronym, c.contactKey]
          .some((v) => v && normalize(String(v)).includes(needle))
      );
    }
    if (filters.porVerificar) {
      const verification = getService(strapi, 'verification');
      contacts = contacts.filter((c) => c.active && verification.reasons(c, now).length > 0);
    }
    return sortByPrecedence(contacts);
  },

  /** A contact as a directory reader sees it: institutional fields plus the personal ones in `personalFields`. */
  view(contact: Contact, personalFields: string[], now = new Date()) {
    const view: Record<string, unknown> = {};
    for (const field of INSTITUTIONAL_FIELDS) view[field] = contact[field] ?? null;
    for (const field of PERSONAL_ATTRIBUTES) if (personalFields.includes(field)) view[field] = contact[field] ?? null;
    view.institution = contact.institution ?? null;
    view.precedence = contact.precedence ?? null;
    view.effectiveRank = effectiveRank(contact);
    view.assistant = contact.assistant ? { name: contact.assistant.name, phone: contact.assistant.phone ?? null, email: contact.assistant.email ?? null } : null;
    view.porVerificar = contact.active ? getService(strapi, 'verification').reasons(contact, now) : [];
    return view;
  },

  async list(filters: DirectoryFilters, personalFields: string[], page = 1, pageSize = 50) {
    const now = new Date();
    const contacts = await this.load(filters, now);
    const start = (page - 1) * pageSize;
    return {
      data: contacts.slice(start, start + pageSize).map((c) => this.view(c, personalFields, now)),
      meta: {
        pagination: { page, pageSize, total: contacts.length, pageCount: Math.ceil(contacts.length / pageSize) },
        personalFields,
      },
    };
  },
});
