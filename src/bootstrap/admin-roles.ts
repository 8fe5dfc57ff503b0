import type { Core, UID } from '@strapi/strapi';
import { ADMIN_ROLES, type AdminRoleDefinition, type ContentGrant } from '../access/admin-roles';
import { createGrantsLedger } from './grants-ledger';

const CM_ACTION = (action: string) => `plugin::content-manager.explorer.${action}`;

type Permission = { action: string; subject?: string | null; properties?: Record<string, unknown>; conditions?: string[] };

const isWithheld = (field: string, except: string[]) =>
  except.some((path) => field === path || field.startsWith(`${path}.`));

/** The content type a field path (through components) relates to, if it is a relation. */
function relationTarget(strapi: Core.Strapi, uid: string, path: string): string | null {
  let schema: any = strapi.getModel(uid as any);
  const keys = path.split('.');
  for (const [i, key] of keys.entries()) {
    const attribute = schema?.attributes?.[key];
    if (!attribute) return null;
    if (i === keys.length - 1) return attribute.type === 'relation' ? attribute.target : null;
    if (attribute.type !== 'component') return null;
    schema = strapi.getModel(attribute.component);
  }
  return null;
}

/**
 * A relation into a type the role cannot read is not offered either: its picker would
 * be refused (src/access/admin-reads), so the edit view does not show the field.
 */
const leadsToUnreadable = (strapi: Core.Strapi, uid: string, field: string, readable: Set<string>) => {
  const target = relationTarget(strapi, uid, field);
  return Boolean(target && target.startsWith('api::') && !readable.has(target));
};

/** The permissions a content grant stands for, with Strapi's nested field lists. */
function contentPermissions(strapi: Core.Strapi, grant: ContentGrant, localeCodes: string[], readable: Set<string>): Permission[] {
  const { actionProvider } = strapi.service('admin::permission');
  const contentTypeService = strapi.service('admin::content-type');
  return grant.actions.flatMap((name) => {
    const action = actionProvider.get(CM_ACTION(name));
    if (!action) throw new Error(`Unknown admin action ${CM_ACTION(name)}`);
    const scoped = { ...action, subjects: grant.subjects };
    return (contentTypeService.getPermissionsWithNestedFields([scoped]) as Permission[]).map((permission) => {
      const properties: Record<string, unknown> = { ...permission.properties };
      if (Array.isArray(properties.fields)) {
        properties.fields = (properties.fields as string[]).filter(
          (f) => !isWithheld(f, grant.exceptFields ?? []) && !leadsToUnreadable(strapi, permission.subject as string, f, readable)
        );
      }
      const model = strapi.contentTypes[permission.subject as UID.ContentType] as any;
      if (model?.pluginOptions?.i18n?.localized) properties.locales = localeCodes;
      return { action: permission.action, subject: permission.subject, properties, conditions: [] };
    });
  });
}

const grantKey = (role: string, p: Permission) => `${role}|${p.action}|${p.subject ?? ''}`;

async function ensureRole(strapi: Core.Strapi, definition: AdminRoleDefinition, ledger: Awaited<ReturnType<typeof createGrantsLedger>>, localeCodes: string[]) {
  const roles = strapi.service('admin::role');
  let role = await roles.findOne({ code: definition.code });
  const firstTime = ledger.isNew(`role|${definition.code}`);
  if (!role) {
    // Deleted by an administrator after we created it: respect that.
    if (!firstTime) return;
    role = await roles.create({ name: definition.name, code: definition.code, description: definition.description });
  }

  const readable = new Set(definition.content.filter((g) => g.actions.includes('read')).flatMap((g) => g.subjects as string[]));
  const wanted: Permission[] = [
    ...definition.content.flatMap((grant) => contentPermissions(strapi, grant, localeCodes, readable)),
    ...definition.plugins.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
  ];
  const toAdd = wanted.filter((permission) => ledger.isNew(grantKey(definition.code, permission)));
  if (toAdd.length) await roles.addPermissions(role.id, toAdd);
}

/** Creates the office's admin roles and applies each default grant once. */
export async function ensureAdminRoles(strapi: Core.Strapi) {
  const ledger = await createGrantsLedger(strapi, 'admin-role-grants');
  const locales = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
  const localeCodes = locales.map((l) => l.code);
  for (const definition of ADMIN_ROLES) await ensureRole(strapi, definition, ledger, localeCodes);
  await ledger.save();
}
