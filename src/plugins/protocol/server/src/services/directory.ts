/**
 * The protocol directory as listings and exports show it: every contact in
 * precedence order (then institution, then name), institutional fields for
 * every reader and personal fields only for those allowed to read them.
 */
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { effectiveRank, sortByPrecedence } from '../utils/precedence';
import { INSTITUTIONAL_FIELDS, PERSONAL_ATTRIBUTES, fieldNotReadable, type DirectoryAccess } from './personal-access';
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

export type Contact = Record<string, any>;

/** What `q` looks in: contact fields, then the institution's. */
const SEARCHED_CONTACT_FIELDS = ['givenName', 'familyName', 'position', 'contactKey'];
const SEARCHED_INSTITUTION_FIELDS = ['name', 'acronym'];
/** What "por verificar" is computed from. */
const VERIFICATION_FIELDS = ['lastVerifiedAt', 'termEnd', 'active'];

/** Refuses a filter on a field the reader may not read (server code, without access, reads everything). */
function assertFilterable(filters: DirectoryFilters, access?: DirectoryAccess) {
  if (!access) return;
  for (const field of ['level', 'sector'] as const) {
    if (filters[field] !== undefined && !access.institutionFields.includes(field)) throw fieldNotReadable(field, 'de las instituciones');
  }
  if (filters.active !== undefined && !access.contactFields.includes('active')) throw fieldNotReadable('active', 'de los contactos');
  if (filters.porVerificar) {
    const missing = VERIFICATION_FIELDS.find((f) => !access.contactFields.includes(f));
    if (missing) throw fieldNotReadable(missing, 'de los contactos');
  }
}

const normalize = (value: string) =>
  value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Contacts matching the filters, in precedence order, as stored (all fields).
   * With a reader's access, `q` looks only in what the reader may read and a
   * filter on a field it may not read is refused.
   */
  async load(filters: DirectoryFilters = {}, now = new Date(), access?: DirectoryAccess): Promise<Contact[]> {
    assertFilterable(filters, access);
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
      const own = SEARCHED_CONTACT_FIELDS.filter((f) => !access || access.contactFields.includes(f));
      const institution = SEARCHED_INSTITUTION_FIELDS.filter((f) => !access || access.institutionFields.includes(f));
      contacts = contacts.filter((c) =>
        [...own.map((f) => c[f]), ...institution.map((f) => c.institution?.[f])].some((v) => v && normalize(String(v)).includes(needle))
      );
    }
    if (filters.porVerificar) {
      const verification = getService(strapi, 'verification');
      contacts = contacts.filter((c) => c.active && verification.reasons(c, now).length > 0);
    }
    return sortByPrecedence(contacts);
  },

  /** A contact as a directory reader sees it: the fields its access reads (institutional, then personal). */
  view(contact: Contact, access: DirectoryAccess, now = new Date()) {
    const reads = (field: string) => access.contactFields.includes(field);
    const view: Record<string, unknown> = { documentId: contact.documentId };
    for (const field of INSTITUTIONAL_FIELDS) if (reads(field)) view[field] = contact[field] ?? null;
    for (const field of PERSONAL_ATTRIBUTES) if (access.personalFields.includes(field)) view[field] = contact[field] ?? null;
    if (reads('institution')) {
      const institution = contact.institution;
      view.institution = institution ? Object.fromEntries(['documentId', ...access.institutionFields].map((f) => [f, institution[f] ?? null])) : null;
    }
    if (reads('precedence')) view.precedence = contact.precedence ?? null;
    if (reads('precedenceRank') && reads('precedence')) view.effectiveRank = effectiveRank(contact);
    if (reads('assistant')) {
      view.assistant = contact.assistant ? { name: contact.assistant.name, phone: contact.assistant.phone ?? null, email: contact.assistant.email ?? null } : null;
    }
    if (VERIFICATION_FIELDS.every(reads)) view.porVerificar = contact.active ? getService(strapi, 'verification').reasons(contact, now) : [];
    return view;
  },

  async list(filters: DirectoryFilters, access: DirectoryAccess, page = 1, pageSize = 50) {
    const now = new Date();
    const contacts = await this.load(filters, now, access);
    const start = (page - 1) * pageSize;
    return {
      data: contacts.slice(start, start + pageSize).map((c) => this.view(c, access, now)),
      meta: {
        pagination: { page, pageSize, total: contacts.length, pageCount: Math.ceil(contacts.length / pageSize) },
        personalFields: access.personalFields,
      },
    };
  },
});
