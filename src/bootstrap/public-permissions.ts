import type { Core } from '@strapi/strapi';
import { PUBLIC_ROLE_ACTIONS } from '../access/content-api';
import { createGrantsLedger } from './grants-ledger';

/** Gives the users-permissions Public role its reads, once each. */
export async function ensurePublicPermissions(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions Public role is missing.');

  const ledger = await createGrantsLedger(strapi, 'public-role-grants');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const action of PUBLIC_ROLE_ACTIONS) {
    if (!ledger.isNew(action)) continue;
    const exists = await permissions.count({ where: { action, role: role.id } });
    if (!exists) await permissions.create({ data: { action, role: role.id } });
  }
  await ledger.save();
}
