// One admin user per office role (src/access/admin-roles.ts), as the first
// administrator would invite them; each journey logs in as one of them.
import type { Core } from '@strapi/strapi';

export type RoleCode = 'redactor' | 'gerente-comunicaciones' | 'archivo' | 'protocolo' | 'normas';

export interface OfficeUser {
  id: number;
  role: RoleCode;
  email: string;
  password: string;
  firstname: string;
  lastname: string;
  /** "Firstname Lastname", as the admin and the audit trails show the user. */
  name: string;
}

export const ROLES: RoleCode[] = ['redactor', 'gerente-comunicaciones', 'archivo', 'protocolo', 'normas'];

const PEOPLE: Record<RoleCode, [string, string]> = {
  redactor: ['Rosa', 'Quispe'],
  'gerente-comunicaciones': ['Julio', 'Mamani'],
  archivo: ['Ana', 'Ticona'],
  protocolo: ['Pedro', 'Huanca'],
  normas: ['Nora', 'Condori'],
};

export const PASSWORD = 'Clave-Segura-2026a';

/** Creates (once per server) a user of each given role; the user's language is left unset, as for an invited user. */
export async function createOfficeUsers(strapi: Core.Strapi, roles: RoleCode[] = ROLES): Promise<Record<RoleCode, OfficeUser>> {
  const users = {} as Record<RoleCode, OfficeUser>;
  for (const code of roles) {
    const role = await strapi.service('admin::role').findOne({ code });
    if (!role) throw new Error(`No admin role with code ${code}: the bootstrap did not create it`);
    const [firstname, lastname] = PEOPLE[code];
    const email = `${code}@municipalidad.test`;
    const user = await strapi.service('admin::user').create({ email, firstname, lastname, password: PASSWORD, isActive: true, roles: [role.id] });
    users[code] = { id: user.id, role: code, email, password: PASSWORD, firstname, lastname, name: `${firstname} ${lastname}` };
  }
  return users;
}
