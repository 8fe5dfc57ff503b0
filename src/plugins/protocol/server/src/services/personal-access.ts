/**
 * Which contact fields an admin user may read or write, from the field
 * permissions of the content manager (Protocolo and the Gerente read the
 * personal ones; see src/access). The plugin's own actions only open the
 * routes: what a role may not read in the content manager it may not see,
 * search, filter or export here either.
 */
import { PERSONAL_FIELDS } from '../../../../../access/personal-data';
import { errors } from '@strapi/utils';
import { CM_CREATE, CM_READ, CM_UPDATE, ERRORS, UIDS } from '../constants';

type Ability = { can: (action: string, subject: string, field?: string) => boolean };

/** Top-level attributes holding personal data (consent evidence never leaves the content manager). */
export const PERSONAL_ATTRIBUTES = PERSONAL_FIELDS.filter((field) => !field.includes('.'));

/** Contact fields a directory reader may see, besides the personal ones (scalar, then relations and components). */
export const INSTITUTIONAL_FIELDS = [
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
const DIRECTORY_FIELDS = [...INSTITUTIONAL_FIELDS, 'institution', 'precedence', 'assistant'];

export const INSTITUTION_FIELDS = ['name', 'acronym', 'sector', 'level'] as const;

/** What one admin user may read of the directory; `undefined` where server code reads it all. */
export interface DirectoryAccess {
  contactFields: string[];
  personalFields: string[];
  institutionFields: string[];
}

/** 403 with a code: the role may not search or filter by a field it may not read. */
export const fieldNotReadable = (field: string, what: string) =>
  Object.assign(
    new errors.PolicyError(`Su rol no puede leer «${field}» ${what}: no puede buscar ni filtrar por ese campo.`, {
      code: ERRORS.FIELD_NOT_READABLE.code,
      field,
    }),
    { name: 'ForbiddenError' }
  );

export default () => ({
  readable(ability: Ability): string[] {
    return PERSONAL_ATTRIBUTES.filter((field) => ability.can(CM_READ, UIDS.contact, field));
  },
  directory(ability: Ability): DirectoryAccess {
    const contactFields = [...DIRECTORY_FIELDS, ...PERSONAL_ATTRIBUTES].filter((field) => ability.can(CM_READ, UIDS.contact, field));
    const institutionFields = contactFields.includes('institution')
      ? INSTITUTION_FIELDS.filter((field) => ability.can(CM_READ, UIDS.institution, field))
      : [];
    return { contactFields, personalFields: PERSONAL_ATTRIBUTES.filter((f) => contactFields.includes(f)), institutionFields };
  },
  writable(ability: Ability): string[] {
    return PERSONAL_ATTRIBUTES.filter(
      (field) => ability.can(CM_UPDATE, UIDS.contact, field) && ability.can(CM_CREATE, UIDS.contact, field)
    );
  },
});
