/**
 * Route middleware of every content type's core routes (src/access/scoped-router.ts):
 * the Content API query guard (src/delivery/query-guard.ts) with this caller's visible
 * model (src/access/content-api.ts). For a restricted caller a read sees published,
 * visible documents only — also through filters, sort and populate at any depth — and
 * back-office types are not readable at all; a full-access token is the trusted back
 * office and only gets the checks of shape. Also applies the type's default populate.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_API_TYPES, hiddenRows, isPublicComponent, isRestrictedCaller, visibleRows } from '../access/content-api';
import { guardQuery, type Model, type Visibility } from '../delivery/query-guard';

const MEDIA_UID = 'plugin::upload.file';
const LOCALES_TTL_MS = 10_000;

const TRUSTED: Visibility = { restricted: false, canSee: () => true, rowRules: () => [], hiddenRows: () => [] };

/** A 403 that keeps its message and code through Strapi's router. */
const notPublic = () =>
  Object.assign(new errors.PolicyError('Este contenido no se publica en la API.', { code: 'FORBIDDEN', reason: 'TYPE_NOT_PUBLIC' }), { name: 'ForbiddenError' });

async function mayFind(strapi: Core.Strapi, auth: unknown, uid: string) {
  if (!auth) return false;
  try {
    await strapi.auth.verify(auth as any, { scope: [`${uid}.find`] } as any);
    return true;
  } catch {
    return false;
  }
}

/** What this caller may see: the public types its permissions let it find, and their visible rows. */
export async function visibilityOf(strapi: Core.Strapi, auth: unknown): Promise<Visibility> {
  if (!isRestrictedCaller(auth as any)) return TRUSTED;
  const readable = new Set<string>();
  await Promise.all(CONTENT_API_TYPES.map(async (uid) => (await mayFind(strapi, auth, uid)) && readable.add(uid)));
  const model = (uid: string) => strapi.getModel(uid as any) as unknown as Model;
  return {
    restricted: true,
    // Components belong to their document (but the back-office ones); media to the document that uses them.
    canSee: (uid) => (!uid.includes('::') ? isPublicComponent(uid) : uid === MEDIA_UID || readable.has(uid)),
    rowRules: (uid) => (uid.includes('::') && uid !== MEDIA_UID ? visibleRows(model(uid)) : []),
    hiddenRows: (uid) => (uid.includes('::') && uid !== MEDIA_UID ? hiddenRows(model(uid)) : []),
  };
}

export default (config: { uid: UID.ContentType; defaultPopulate?: object; read?: boolean }, { strapi }: { strapi: Core.Strapi }) => {
  const model = strapi.contentTypes[config.uid] as unknown as Model | undefined;
  if (!model) throw new Error(`query-guard: unknown content type "${config.uid}"`);
  const read = config.read !== false;
  const isPublicType = CONTENT_API_TYPES.includes(config.uid);

  let locales: { codes: string[]; at: number } | null = null;
  const localeCodes = async () => {
    if (!locales || Date.now() - locales.at > LOCALES_TTL_MS) {
      const found: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
      locales = { codes: found.map((l) => l.code), at: Date.now() };
    }
    return locales.codes;
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    const visibility = await visibilityOf(strapi, ctx.state.auth);
    if (visibility.restricted && read && !isPublicType) throw notPublic();
    // The parsed query is cached per query string: change it in place so that
    // booleans and nested filters survive (assigning ctx.query re-stringifies it).
    const query = ctx.query;
    // What the page needs when the caller does not say (src/delivery/default-populate.ts).
    if (read && query.populate === undefined && config.defaultPopulate && Object.keys(config.defaultPopulate).length) {
      query.populate = structuredClone(config.defaultPopulate);
    }
    const guarded = guardQuery(strapi, model, query, visibility, { read, locales: read ? await localeCodes() : [] });
    for (const key of Object.keys(query)) if (!(key in guarded)) delete query[key];
    Object.assign(query, guarded);
    return next();
  };
};
