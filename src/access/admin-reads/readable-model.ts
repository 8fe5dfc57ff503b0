// What an admin role may read, as the content manager's field permissions say,
// answered for any type and any path: the one source the admin's search, sort,
// filters, populate and output guards ask. Strapi applies field permissions to
// the fields of the type a request is about; a relation opens the whole target
// to it (and a role with no permission on a type is treated as "all fields").
// Here every hop into another type asks that type's own permissions.
import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

export const CM_READ = 'plugin::content-manager.explorer.read';
export const ADMIN_USER_UID = 'admin::user';
export const FILE_UID = 'plugin::upload.file';

/** Fields Strapi shows whatever the field permissions (ids, timestamps, creator, locale, hidden attributes). */
const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', '__component'];
/** What Strapi lets the admin see of an admin user (ADMIN_USER_ALLOWED_FIELDS). */
export const ADMIN_USER_FIELDS = ['id', 'documentId', 'firstname', 'lastname', 'username'];

type Ability = { rulesFor?: (action: string, subject: string) => Array<{ fields?: string[] | string | null; inverted?: boolean }> };
export type Schema = { uid: string; modelType: string; attributes: Record<string, any> };

export interface ReadableModel {
  strapi: Core.Strapi;
  schema(uid: string): Schema | undefined;
  /** The role reads at least something of this content type. */
  canReadType(uid: string): boolean;
  /** `path` is an attribute of `typeUid`, through components ("consent.evidence"). */
  canReadPath(typeUid: string, path: string): boolean;
}

const cache = new WeakMap<object, ReadableModel>();

export function readableModel(strapi: Core.Strapi, ability: Ability): ReadableModel {
  const cached = cache.get(ability);
  if (cached) return cached;
  const fieldsCache = new Map<string, string[] | null | false>();
  const systemCache = new Map<string, Set<string>>();

  /** null: every field; false: nothing; else the permitted paths. */
  const permittedFields = (uid: string) => {
    if (fieldsCache.has(uid)) return fieldsCache.get(uid)!;
    const rules = (ability.rulesFor?.(CM_READ, uid) ?? []).filter((rule) => !rule.inverted);
    let fields: string[] | null | false;
    if (!rules.length) fields = false;
    else if (rules.some((rule) => rule.fields === undefined || rule.fields === null)) fields = null;
    else fields = [...new Set(rules.flatMap((rule) => (Array.isArray(rule.fields) ? rule.fields : [rule.fields as string])))];
    fieldsCache.set(uid, fields);
    return fields;
  };

  const systemFields = (uid: string) => {
    if (!systemCache.has(uid)) {
      const schema = strapi.getModel(uid as any) as any;
      systemCache.set(uid, new Set([...SYSTEM_FIELDS, ...contentTypes.getNonVisibleAttributes(schema), ...contentTypes.getNonWritableAttributes(schema)]));
    }
    return systemCache.get(uid)!;
  };

  const model: ReadableModel = {
    strapi,
    schema: (uid) => strapi.getModel(uid as any) as unknown as Schema | undefined,
    canReadType: (uid) => permittedFields(uid) !== false,
    canReadPath(typeUid, path) {
      const fields = permittedFields(typeUid);
      if (fields === false) return false;
      if (fields === null) return true;
      if (!path.includes('.') && systemFields(typeUid).has(path)) return true;
      return fields.some((p) => p === path || p.startsWith(`${path}.`) || path.startsWith(`${p}.`));
    },
  };
  cache.set(ability, model);
  return model;
}
