// Field permissions hold for everything an admin role asks the content
// manager, not only for what it shows: search (`_q`), sort, filters, fields and
// populate at any depth (./query-guard.ts), what comes back (./output-guard.ts),
// and the relation pickers, which answer a role that may not read the source
// field or the target type with a 403 and a code instead of Strapi's 500.
// Wired into the content manager's own permission checker, so every route of
// it (lists, edit view, relations, bulk actions) goes through the same rule.
import type { Core } from '@strapi/strapi';
import { readableModel } from './readable-model';
import { createQueryGuard, type GuardOptions } from './query-guard';
import { createOutputGuard } from './output-guard';
import { relationForbidden } from './errors';

type Checker = Record<string, any> & {
  sanitizedQuery: ((query: any, action?: any) => Promise<any>) & Record<string, (query: any) => Promise<any>>;
  sanitizeQuery: (query: any, options?: any) => Promise<any>;
  sanitizeOutput: (data: any, options?: any) => Promise<any>;
};

const SHORTCUTS = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
  publish: 'plugin::content-manager.explorer.publish',
  unpublish: 'plugin::content-manager.explorer.publish',
  discard: 'plugin::content-manager.explorer.update',
};

/** A query guard and an output guard for one role's ability (cached with it). */
export const adminReads = (strapi: Core.Strapi, ability: any) => {
  const model = readableModel(strapi, ability);
  return { model, query: createQueryGuard(model), output: createOutputGuard(model) };
};

function guardPermissionChecker(strapi: Core.Strapi) {
  const service = strapi.plugin('content-manager').service('permission-checker') as { create: (args: any) => Checker };
  const create = service.create;
  service.create = ({ userAbility, model }: { userAbility: any; model: string }) => {
    const checker = create({ userAbility, model });
    const reads = adminReads(strapi, userAbility);
    const guard = (query: any, options?: GuardOptions) => reads.query.guard(query, model, options);
    const sanitizedQuery = (async (query: any, action?: any) => checker.sanitizedQuery(guard(query, relationRoute() ? { populate: false } : {}), action)) as Checker['sanitizedQuery'];
    for (const [name, action] of Object.entries(SHORTCUTS)) sanitizedQuery[name] = (query: any) => sanitizedQuery(query, action);
    return {
      ...checker,
      sanitizeQuery: async (query: any, options?: any) => checker.sanitizeQuery(guard(query), options),
      sanitizedQuery,
      sanitizeOutput: async (data: any, options?: any) => reads.output.sanitize(await checker.sanitizeOutput(data, options), model),
    };
  };

  /** The relation pickers return rows without output sanitizing: no populate there at all. */
  function relationRoute() {
    const ctx: any = strapi.requestContext.get();
    return typeof ctx?.path === 'string' && ctx.path.startsWith('/content-manager/relations/');
  }
}

/** Before a relation picker answers: the role reads the source field and the target type, or gets a coded 403. */
const guardRelationPicker = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  const { model, targetField } = ctx.params ?? {};
  const source: any = strapi.getModel(model);
  const attribute = source?.attributes?.[targetField];
  if (!source || attribute?.type !== 'relation') return next(); // the content manager answers 400 itself
  const reads = adminReads(strapi, ctx.state.userAbility);
  const details = { model, field: targetField, target: attribute.target };
  const label = (uid: string) => (strapi.getModel(uid as any) as any)?.info?.displayName ?? uid;
  if (source.modelType === 'contentType' && !reads.model.canReadPath(model, targetField)) {
    throw relationForbidden(`Su rol no puede leer el campo «${targetField}» de «${label(model)}».`, details);
  }
  if (attribute.target !== 'admin::user' && !reads.model.canReadType(attribute.target)) {
    throw relationForbidden(`Su rol no puede leer «${label(attribute.target)}»: no puede buscar ni elegir elementos de esta relación.`, details);
  }
  return next();
};

function guardRelationRoutes(strapi: Core.Strapi) {
  const routes: Array<{ path: string; config?: { middlewares?: unknown[] } }> = (strapi.plugin('content-manager').routes as any).admin.routes;
  for (const route of routes) {
    if (!route.path.startsWith('/relations/')) continue;
    route.config = { ...route.config, middlewares: [guardRelationPicker(strapi), ...(route.config?.middlewares ?? [])] };
  }
}

/** register(): the content manager's routes are mounted after this. */
export function registerAdminReadGuards(strapi: Core.Strapi) {
  guardRelationRoutes(strapi);
}

/** bootstrap(): the content manager's services exist by then. */
export function bootstrapAdminReadGuards(strapi: Core.Strapi) {
  guardPermissionChecker(strapi);
}
