/**
 * Keeping the directory current: contacts not verified within the configured
 * period or whose term has ended are "por verificar"; a weekly digest tells
 * the Protocolo role; staff mark contacts as verified in bulk.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, UIDS } from '../constants';
import { dateIn, daysUntilAnniversary, monthsBefore } from '../utils/dates';
import { getService, pluginConfig } from '../utils/get-service';
import type { Contact } from './directory';

export type VerificationReason = 'never-verified' | 'stale' | 'term-ended';

const REASON_LABELS: Record<VerificationReason, string> = {
  'never-verified': 'nunca verificado',
  stale: 'verificación vencida',
  'term-ended': 'período concluido',
};

/** Admin role whose users receive the digest and see birthdays. */
export const PROTOCOL_ROLE_CODE = 'protocolo';

const fullName = (c: Contact) => `${c.treatment ?? ''} ${c.givenName} ${c.familyName}`.trim();

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  reasons(contact: Contact, now = new Date()): VerificationReason[] {
    const config = pluginConfig(strapi);
    const reasons: VerificationReason[] = [];
    if (!contact.lastVerifiedAt) reasons.push('never-verified');
    else if (new Date(contact.lastVerifiedAt) < monthsBefore(now, config.verificationPeriodMonths)) reasons.push('stale');
    // A term that ended counts until somebody verifies the contact after its end.
    const verifiedOn = contact.lastVerifiedAt ? dateIn(new Date(contact.lastVerifiedAt), config.timezone) : null;
    if (contact.termEnd && contact.termEnd < dateIn(now, config.timezone) && (!verifiedOn || verifiedOn <= contact.termEnd)) {
      reasons.push('term-ended');
    }
    return reasons;
  },

  /** Active contacts to verify, in precedence order. */
  due(now = new Date()) {
    return getService(strapi, 'directory').load({ porVerificar: true }, now);
  },

  /** Sets lastVerifiedAt on every given contact, or on none when one is unknown. */
  async markVerified(documentIds: string[], now = new Date()) {
    const unique = [...new Set(documentIds)];
    return strapi.db.transaction(async () => {
      const found = (await strapi.db.query(UIDS.contact).findMany({ where: { documentId: { $in: unique } }, select: ['documentId'] })) as Contact[];
      const known = new Set(found.map((c) => c.documentId));
      const unknown = unique.filter((id) => !known.has(id));
      if (unknown.length) throw new errors.NotFoundError(ERRORS.UNKNOWN_CONTACTS.message, { code: ERRORS.UNKNOWN_CONTACTS.code, unknown });
      for (const documentId of unique) {
        await strapi.documents(UIDS.contact).update({ documentId, data: { lastVerifiedAt: now.toISOString() } } as any);
      }
      return { verified: unique.length, lastVerifiedAt: now.toISOString() };
    });
  },

  /** Active contacts whose birthday falls within the next `days` days (today included). */
  async upcomingBirthdays(now = new Date(), days = pluginConfig(strapi).birthdaysWindowDays) {
    const today = dateIn(now, pluginConfig(strapi).timezone);
    const contacts = (await strapi.documents(UIDS.contact).findMany({
      filters: { active: true, birthday: { $notNull: true } },
      populate: { institution: { fields: ['name'] } },
    } as any)) as Contact[];
    return contacts
      .map((c) => ({ contact: c, inDays: daysUntilAnniversary(c.birthday, today) }))
      .filter(({ inDays }) => inDays <= days)
      .sort((a, b) => a.inDays - b.inDays)
      .map(({ contact, inDays }) => ({
        documentId: contact.documentId,
        treatment: contact.treatment,
        givenName: contact.givenName,
        familyName: contact.familyName,
        position: contact.position,
        institution: contact.institution?.name ?? null,
        birthday: contact.birthday,
        inDays,
      }));
  },

  /** E-mails the Protocolo role's active users the list of contacts to verify. */
  async sendDigest(now = new Date()) {
    const contacts = await this.due(now);
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, blocked: false, roles: { code: PROTOCOL_ROLE_CODE } },
      select: ['email'],
    })) as Array<{ email: string }>;
    if (!contacts.length || !users.length) return { recipients: 0, contacts: contacts.length };

    const lines = contacts.map((c, i) => {
      const reasons = this.reasons(c, now).map((r) => REASON_LABELS[r]).join(', ');
      return `${i + 1}. ${fullName(c)} — ${c.position}${c.institution ? `, ${c.institution.name}` : ''} (${reasons})`;
    });
    const months = pluginConfig(strapi).verificationPeriodMonths;
    const text = [
      `Hay ${contacts.length} contacto(s) del directorio protocolar por verificar`,
      `(sin verificar en los últimos ${months} meses o con el período concluido):`,
      '',
      ...lines,
      '',
      'Revíselos en el panel de administración: Directorio protocolar → Por verificar.',
    ].join('\n');
    await strapi.plugin('email').service('email').send({
      to: users.map((u) => u.email),
      subject: `Directorio protocolar: ${contacts.length} contacto(s) por verificar`,
      text,
    });
    return { recipients: users.length, contacts: contacts.length };
  },
});
