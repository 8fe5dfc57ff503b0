/**
 * Document-service middleware: every publish, unpublish or delete of a locale of
 * a logged type appends a change row in the same transaction as the change.
 * Covers the admin (content manager, bulk actions), the Content API, scripts
 * and scheduled publishing alike, since they all go through the document service.
 */
import type { Core } from '@strapi/strapi';
import { VISIBILITY_FLAG } from '../../../../../access/content-api';
import { CHANGE_ACTIONS } from '../constants';
import type { ChangeInput } from '../services/change-log';
import { getConfig, getService } from '../utils';

type Context = { uid: string; action: string; params: Record<string, any> };
type Version = { locale?: string | null; [VISIBILITY_FLAG]?: boolean | null };

const REMOVING = ['unpublish', 'delete'];

export const createChangeLogMiddleware = (strapi: Core.Strapi) => {
  const model = (uid: string) => strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
  const hasDraftAndPublish = (uid: string) => Boolean(model(uid)?.options?.draftAndPublish);
  const isLocalized = (uid: string) => Boolean(model(uid)?.pluginOptions?.i18n?.localized);
  const hasFlag = (uid: string) => Boolean(model(uid)?.attributes?.[VISIBILITY_FLAG]);

  const isLogged = (uid: string) => {
    const { types, cacheTypes } = getConfig(strapi);
    return types.includes(uid) || cacheTypes.includes(uid);
  };

  /** Which kind of change an action makes to what the public sees, if any. */
  const effectOf = ({ uid, action, params }: Context): 'publish' | 'remove' | null => {
    if (!isLogged(uid)) return null;
    if (!hasDraftAndPublish(uid)) {
      if (action === 'delete') return 'remove';
      return action === 'create' || action === 'update' ? 'publish' : null;
    }
    if (action === 'publish') return 'publish';
    if (REMOVING.includes(action)) return 'remove';
    // create/update with status: 'published' publish without going through `publish`.
    if ((action === 'create' || action === 'update') && params?.status === 'published') return 'publish';
    return null;
  };

  const localeScope = async (uid: string, locale: unknown) => {
    if (!isLocalized(uid) || locale === '*') return {};
    if (typeof locale === 'string' && locale) return { locale };
    return { locale: await strapi.plugin('i18n').service('locales').getDefaultLocale() };
  };

  /** The versions the public can currently see (published ones, for draft & publish types). */
  const visibleVersions = async (uid: string, documentId: string, scope: object): Promise<Version[]> =>
    strapi.db.query(uid as any).findMany({
      select: ['locale', ...(hasFlag(uid) ? [VISIBILITY_FLAG] : [])],
      where: { documentId, ...scope, ...(hasDraftAndPublish(uid) ? { publishedAt: { $notNull: true } } : {}) },
    });

  const row = (uid: string, documentId: string, version: Version, action: ChangeInput['action']): ChangeInput => ({
    contentType: uid,
    entryDocumentId: documentId,
    entryLocale: isLocalized(uid) ? version.locale ?? null : null,
    action,
  });

  const isVisible = (uid: string, version: Version) => !hasFlag(uid) || version[VISIBILITY_FLAG] === true;

  return async (context: Context, next: () => Promise<any>) => {
    const effect = effectOf(context);
    if (!effect) return next();
    const { uid, params } = context;

    return strapi.db.transaction(async () => {
      const scope = await localeScope(uid, params?.locale);
      const removed = effect === 'remove' ? await visibleVersions(uid, params.documentId, scope) : [];
      const result = await next();
      const documentId: string | undefined = params?.documentId ?? result?.documentId;
      if (!documentId) return result;

      let changes: ChangeInput[];
      if (effect === 'remove') {
        changes = removed.map((version) => row(uid, documentId, version, CHANGE_ACTIONS.delete));
      } else {
        // Every visible locale: publishing one locale also syncs the non-localized
        // fields (and a ceremony's isPublic) of the other published locales.
        const versions = await visibleVersions(uid, documentId, {});
        changes = versions.map((version) =>
          row(uid, documentId, version, isVisible(uid, version) ? CHANGE_ACTIONS.upsert : CHANGE_ACTIONS.delete)
        );
      }
      const rows = await getService(strapi, 'change-log').append(changes);
      await getService(strapi, 'webhooks').enqueue(rows);
      return result;
    });
  };
};
