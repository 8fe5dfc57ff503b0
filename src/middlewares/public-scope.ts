/**
 * Route middleware for the Content API reads of public types: a restricted
 * caller (see `isRestrictedCaller`) sees only documents whose `isPublic` is
 * true, both at the top level and in every populated relation, so that a
 * private ceremony cannot leak through a press note's `relatedCeremonies`,
 * and only published versions, whatever `status` the query asks for.
 */
import type { Core, UID } from '@strapi/strapi';
import { VISIBILITY_FLAG, isRestrictedCaller } from '../access/content-api';

type Model = { attributes: Record<string, any> };
type PopulateEntry = true | { populate?: unknown; filters?: unknown; [key: string]: unknown };
type PopulateObject = Record<string, PopulateEntry>;

const hasVisibilityFlag = (model: Model | undefined) => Boolean(model?.attributes?.[VISIBILITY_FLAG]);

const onlyPublic = (filters: unknown) =>
  filters ? { $and: [filters, { [VISIBILITY_FLAG]: true }] } : { [VISIBILITY_FLAG]: true };

const POPULATABLE = new Set(['relation', 'component', 'media', 'dynamiczone']);

/** What `populate=*` means for the Content API: no private, admin-user or localisation links. */
const isWildcardPopulatable = (name: string, attr: any) =>
  POPULATABLE.has(attr.type) && !attr.private && name !== 'localizations' && !String(attr.target ?? '').startsWith('admin::');

/** Turns every populate syntax Strapi accepts into the object form. */
const toPopulateObject = (model: Model, populate: unknown): PopulateObject | undefined => {
  if (populate === undefined || populate === null || populate === false) return undefined;
  if (populate === '*' || populate === true || populate === 'true') {
    return Object.fromEntries(
      Object.entries(model.attributes)
        .filter(([name, attr]) => isWildcardPopulatable(name, attr))
        .map(([name]) => [name, true as const])
    );
  }
  if (typeof populate === 'string') return toPopulateObject(model, populate.split(','));
  if (Array.isArray(populate)) {
    const result: PopulateObject = {};
    for (const path of populate.flatMap((p) => String(p).split(','))) {
      const [head, ...rest] = path.trim().split('.');
      if (!head) continue;
      if (head === '*') Object.assign(result, toPopulateObject(model, '*'));
      else if (rest.length === 0) result[head] ??= true;
      else {
        const entry = result[head] === true || !result[head] ? {} : (result[head] as Exclude<PopulateEntry, true>);
        const nested = (entry.populate as string[] | undefined) ?? [];
        result[head] = { ...entry, populate: [...(Array.isArray(nested) ? nested : []), rest.join('.')] };
      }
    }
    return result;
  }
  if (typeof populate === 'object') return populate as PopulateObject;
  return undefined;
};

const targetModel = (strapi: Core.Strapi, attr: any): Model | undefined => {
  if (attr.type === 'relation') return strapi.getModel(attr.target as UID.Schema) as Model;
  if (attr.type === 'component') return strapi.getModel(attr.component as UID.Component) as Model;
  return undefined;
};

/** Adds the visibility filter to every populated relation whose target has the flag. */
export const scopePopulate = (strapi: Core.Strapi, model: Model, populate: unknown): unknown => {
  const object = toPopulateObject(model, populate);
  if (!object) return populate;
  return Object.fromEntries(
    Object.entries(object).map(([name, entry]) => {
      const attr = model.attributes[name];
      const target = attr ? targetModel(strapi, attr) : undefined;
      if (!target) return [name, entry];
      const options = entry === true || typeof entry !== 'object' ? {} : { ...entry };
      if (options.populate !== undefined) options.populate = scopePopulate(strapi, target, options.populate);
      if (attr.type === 'relation' && hasVisibilityFlag(target)) options.filters = onlyPublic(options.filters);
      return [name, Object.keys(options).length ? options : true];
    })
  );
};

export default (config: { uid: UID.ContentType; defaultPopulate?: object }, { strapi }: { strapi: Core.Strapi }) => {
  const model = strapi.contentTypes[config.uid] as Model | undefined;
  if (!model) throw new Error(`public-scope: unknown content type "${config.uid}"`);
  const hasDraftAndPublish = Boolean((model as any).options?.draftAndPublish);

  return async (ctx: any, next: () => Promise<unknown>) => {
    // The parsed query is cached per query string: change it in place so that
    // booleans and nested filters survive (assigning ctx.query re-stringifies it).
    const query = ctx.query;
    // What the page needs when the caller does not say (src/delivery/default-populate.ts).
    if (query.populate === undefined && config.defaultPopulate && Object.keys(config.defaultPopulate).length) {
      query.populate = structuredClone(config.defaultPopulate);
    }
    if (isRestrictedCaller(ctx.state.auth)) {
      // Drafts are unapproved work: `?status=draft` must not reveal them.
      if (hasDraftAndPublish) query.status = 'published';
      if (hasVisibilityFlag(model)) query.filters = onlyPublic(query.filters);
      if (query.populate !== undefined) query.populate = scopePopulate(strapi, model, query.populate);
    }
    return next();
  };
};
