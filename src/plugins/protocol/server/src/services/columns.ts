/**
 * The directory's CSV columns, shared by export and import so that an
 * exported file imports back unchanged. `contactKey` is the stable key the
 * import upserts by.
 */
import { PERSONAL_ATTRIBUTES, type DirectoryAccess } from './personal-access';

export type ColumnKind = 'text' | 'email' | 'phone' | 'date' | 'datetime' | 'integer' | 'boolean' | 'institution' | 'office';

export interface Column {
  name: string;
  kind: ColumnKind;
  required?: boolean;
  personal?: boolean;
}

const column = (name: string, kind: ColumnKind, required = false): Column => ({
  name,
  kind,
  required,
  personal: PERSONAL_ATTRIBUTES.includes(name),
});

export const COLUMNS: Column[] = [
  column('contactKey', 'text', true),
  column('treatment', 'text', true),
  column('givenName', 'text', true),
  column('familyName', 'text', true),
  column('position', 'text', true),
  column('institution', 'institution'),
  column('precedenceOffice', 'office'),
  column('precedenceRank', 'integer'),
  column('precedenceOverrideReason', 'text'),
  column('precedenceSource', 'text'),
  column('termStart', 'date'),
  column('termEnd', 'date'),
  column('institutionalPhone', 'phone'),
  column('institutionalEmail', 'email'),
  column('personalPhone', 'phone'),
  column('personalEmail', 'email'),
  column('personalAddress', 'text'),
  column('birthday', 'date'),
  column('lastVerifiedAt', 'datetime'),
  column('active', 'boolean'),
];

/** Which column shows which contact field, where the column is named otherwise. */
const FIELD_OF: Record<string, string> = { precedenceOffice: 'precedence' };

/** The columns a reader may export: the contact fields (and the institution's name) it may read. */
export const columnsFor = (access: DirectoryAccess) =>
  COLUMNS.filter((c) => {
    if (c.name === 'institution') return access.contactFields.includes('institution') && access.institutionFields.includes('name');
    return access.contactFields.includes(FIELD_OF[c.name] ?? c.name);
  });
