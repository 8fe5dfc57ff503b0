import type { Core } from '@strapi/strapi';
import { PUBLIC_ROLE_ACTIONS } from '../access/content-api';
import { createGrantsLedger } from './grants-ledger';

/** Gives a users-permissions role (by type) the given Content API actions, once each. */
export async function grantRoleActions(strapi: Core.Strapi, roleType: string, actions: readonly string[], ledgerKey: string) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) throw new Error(`The users-permissions role "${roleType}" is missing.`);

  const ledger = await createGrantsLedger(strapi, ledgerKey);
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of actions) {
    if (!ledger.isNew(action)) continue;
    const exists = await permissions.count({ where: { action, role: role.id } });
    if (!exists) await permissions.create({ data: { action, role: role.id } });
  }
  await ledger.save();
}

/** Gives the users-permissions Public role its reads, once each. */
export const ensurePublicPermissions = (strapi: Core.Strapi) => grantRoleActions(strapi, 'public', PUBLIC_ROLE_ACTIONS, 'public-role-grants');
