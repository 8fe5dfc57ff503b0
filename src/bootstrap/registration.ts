import type { Core } from '@strapi/strapi';
import { createGrantsLedger } from './grants-ledger';

/**
 * Public self-registration (`POST /api/auth/local/register`) off: no public user has any use
 * here (archive staff accounts are made by an administrator). Applied once, so an
 * administrator who turns it on in Settings → Users & Permissions → Advanced keeps it on.
 */
export async function closeSelfRegistration(strapi: Core.Strapi) {
  const ledger = await createGrantsLedger(strapi, 'users-permissions-settings');
  if (!ledger.isNew('self-registration-off')) return;
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  await ledger.save();
}
