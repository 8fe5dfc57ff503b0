/**
 * Which personal contact fields an admin user may read or write, from the
 * field permissions of the content manager (Protocolo and the Gerente have
 * them; see src/access). The plugin's own actions only open the routes.
 */
import { PERSONAL_FIELDS } from '../../../../../access/personal-data';
import { CM_CREATE, CM_READ, CM_UPDATE, UIDS } from '../constants';

type Ability = { can: (action: string, subject: string, field?: string) => boolean };

/** Top-level attributes holding personal data (consent evidence never leaves the content manager). */
export const PERSONAL_ATTRIBUTES = PERSONAL_FIELDS.filter((field) => !field.includes('.'));

export default () => ({
  readable(ability: Ability): string[] {
    return PERSONAL_ATTRIBUTES.filter((field) => ability.can(CM_READ, UIDS.contact, field));
  },
  writable(ability: Ability): string[] {
    return PERSONAL_ATTRIBUTES.filter(
      (field) => ability.can(CM_UPDATE, UIDS.contact, field) && ability.can(CM_CREATE, UIDS.contact, field)
    );
  },
});
