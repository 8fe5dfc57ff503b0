/**
 * The `website` and `cif` API tokens: custom tokens with exactly the reads of
 * ./content-api.ts. Never read-only or full-access, which would read every
 * type, protocol contacts included.
 */
import type { Core } from '@strapi/strapi';
import { API_TOKENS, type ApiTokenName } from './content-api';

export interface EnsuredToken {
  name: ApiTokenName;
  accessKey: string | undefined;
  created: boolean;
  /** Permissions added or removed to match the definition. */
  corrected: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export async function ensureApiToken(strapi: Core.Strapi, name: ApiTokenName): Promise<EnsuredToken> {
  const tokens = strapi.service('admin::api-token-content-api');
  const definition = API_TOKENS[name];
  const permissions = [...definition.permissions];
  const existing = await tokens.getByName(name, { includeDecryptedKey: true });

  if (!existing) {
    const token = await tokens.create({
      name,
      description: definition.description,
      type: 'custom',
      lifespan: null,
      permissions,
    });
    return { name, accessKey: token.accessKey, created: true, corrected: false };
  }

  const corrected = existing.type !== 'custom' || !sameSet(existing.permissions ?? [], permissions);
  if (corrected) await tokens.update(existing.id, { type: 'custom', permissions });
  return { name, accessKey: existing.accessKey, created: false, corrected };
}

export const ensureApiTokens = (strapi: Core.Strapi) =>
  Promise.all((Object.keys(API_TOKENS) as ApiTokenName[]).map((name) => ensureApiToken(strapi, name)));
