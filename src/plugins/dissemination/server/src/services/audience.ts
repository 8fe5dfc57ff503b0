// Who a circular goes to: active municipal bodies chosen by hand or following one of the
// chosen subjects, and for each the recipients it has — its institutional e-mail (as
// the protocol plugin's ceremony notices use it) and its named staff.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ALL_SUBJECTS, ERRORS, UIDS } from '../constants';
import { pluginConfig } from '../utils/get-service';
import { follows, subjectsOf } from './content';

type Row = Record<string, any>;

export interface Recipient {
  bodyDocumentId: string;
  bodyName: string;
  email: string;
  name: string | null;
}

export interface AudienceBody {
  documentId: string;
  name: string;
  subjects: string[];
  recipients: Recipient[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The body's recipients, one per address (the institutional e-mail first). */
export const recipientsOf = (body: Row): Recipient[] => {
  const seen = new Set<string>();
  const list: Recipient[] = [];
  const add = (email: unknown, name: string | null) => {
    if (typeof email !== 'string' || !EMAIL.test(email.trim())) return;
    const key = email.trim().toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    list.push({ bodyDocumentId: body.documentId, bodyName: body.name, email: email.trim(), name });
  };
  add(body.email, null);
  for (const person of Array.isArray(body.recipients) ? body.recipients : []) add(person?.email, person?.name ?? null);
  return list;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const bodies = () => strapi.db.query(UIDS.body);
  const toBody = (row: Row): AudienceBody => ({ documentId: row.documentId, name: row.name, subjects: subjectsOf(row), recipients: recipientsOf(row) });

  return {
    knownSubjects: () => [ALL_SUBJECTS, ...pluginConfig(strapi).subjects.map((s) => s.key)],

    /** Every active body with its subjects and recipients (bulletins, the composer's picker). */
    async activeBodies(): Promise<AudienceBody[]> {
      const rows = (await bodies().findMany({ where: { active: true }, populate: { recipients: true }, orderBy: { name: 'asc' } })) as Row[];
      return rows.map(toBody);
    },

    /** The bodies a circular goes to; an empty audience, unknown bodies or subjects are refused. */
    async resolve(input: { bodies?: string[]; subjects?: string[] }): Promise<AudienceBody[]> {
      const known = new Set(this.knownSubjects());
      const unknownSubjects = (input.subjects ?? []).filter((s) => !known.has(s));
      if (unknownSubjects.length) throw new errors.ValidationError(ERRORS.UNKNOWN_SUBJECTS.message, { code: ERRORS.UNKNOWN_SUBJECTS.code, unknown: unknownSubjects });

      const chosen = [...new Set(input.bodies ?? [])];
      const byHand = chosen.length
        ? ((await bodies().findMany({ where: { documentId: { $in: chosen } }, populate: { recipients: true } })) as Row[])
        : [];
      const found = new Set(byHand.map((b) => b.documentId));
      const missing = chosen.filter((id) => !found.has(id));
      if (missing.length) throw new errors.ValidationError(ERRORS.UNKNOWN_BODIES.message, { code: ERRORS.UNKNOWN_BODIES.code, missing });

      const audience = new Map<string, AudienceBody>();
      for (const row of byHand) if (row.active !== false) audience.set(row.documentId, toBody(row));
      const subjects = input.subjects ?? [];
      if (subjects.length) {
        for (const body of await this.activeBodies()) {
          if (subjects.includes(ALL_SUBJECTS) ? body.subjects.length > 0 : follows(body.subjects, subjects)) audience.set(body.documentId, body);
        }
      }
      const withRecipients = [...audience.values()].filter((b) => b.recipients.length).sort((a, b) => a.name.localeCompare(b.name, 'es'));
      if (!withRecipients.length) throw new errors.ValidationError(ERRORS.EMPTY_AUDIENCE.message, { code: ERRORS.EMPTY_AUDIENCE.code });
      return withRecipients;
    },
  };
};
