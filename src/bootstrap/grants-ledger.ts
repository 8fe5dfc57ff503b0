/**
 * Remembers which default grants bootstrap has already applied, so that a
 * permission removed later in the admin is not put back at the next start,
 * while grants added by a newer version of the code are still applied once.
 */
import type { Core } from '@strapi/strapi';

const STORE = { type: 'core', name: 'municipal-bootstrap' } as const;

export const createGrantsLedger = async (strapi: Core.Strapi, key: string) => {
  const applied = new Set<string>(((await strapi.store.get({ ...STORE, key })) as string[] | null) ?? []);
  const fresh: string[] = [];
  return {
    /** True the first time a grant is seen; records it. */
    isNew(grant: string) {
      if (applied.has(grant)) return false;
      applied.add(grant);
      fresh.push(grant);
      return true;
    },
    async save() {
      if (fresh.length) await strapi.store.set({ ...STORE, key, value: [...applied] });
    },
  };
};
