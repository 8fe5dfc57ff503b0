/**
 * The approval binds to what the public sees, files included. A file used by
 * gated content (the gated types of the plugin's config, any media field,
 * through components) may be replaced, re-described (name, caption,
 * alternative text), moved or deleted only by someone who may publish every
 * gated document locale using it; when that person changes it, it is an edit
 * of each of those locales (./edit-tracking.ts): the approval is voided, a
 * review goes back to draft. Enforced on the upload service (every door of the
 * media library and /api/upload ends there, before the provider writes a byte)
 * and on every database write of a file (document service, entity service,
 * queries); bulk moves and deletes are checked whole before anything changes.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { gatedFileLocked } from '../errors';
import { getService } from '../utils';
import type { DocumentRef } from './edit-tracking';

export const FILE_UID = 'plugin::upload.file';
const PUBLISH = 'plugin::content-manager.explorer.publish';

export interface FileUse extends DocumentRef {
  locale: string | null;
  title: string;
}

/** Set while a guarded change runs: the database hooks below it are the same change. */
const guarded = new AsyncLocalStorage<true>();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tracking = () => getService(strapi, 'edit-tracking');
  const gatedTypes = () => (strapi.config.get('plugin::approval-workflow') as { gatedTypes: string[] }).gatedTypes;
  const isLocalized = (uid: string) => getService(strapi, 'workflow').isLocalized(uid);

  const mediaPaths = (uid: string) => tracking().pathsOf(uid, (a) => a.type === 'media');

  /** Every gated document locale (draft or published) using one of these files. */
  async function usesOf(fileIds: number[]): Promise<FileUse[]> {
    const ids = [...new Set(fileIds.filter((id) => Number.isInteger(id)))];
    if (!ids.length) return [];
    const uses = new Map<string, FileUse>();
    for (const uid of gatedTypes()) {
      const paths = mediaPaths(uid);
      if (!paths.length) continue;
      const model: any = strapi.getModel(uid as any);
      const titleField = ['title', 'name'].find((f) => model.attributes[f]);
      const rows = await strapi.db.query(uid as any).findMany({
        where: { $or: paths.map((p) => p.reduceRight<Record<string, unknown>>((acc, key) => ({ [key]: acc }), { id: { $in: ids } })) },
        select: ['documentId', ...(isLocalized(uid) ? ['locale'] : []), ...(titleField ? [titleField] : [])],
      });
      for (const row of rows) {
        const locale = isLocalized(uid) ? (row.locale as string) : null;
        uses.set(`${uid}|${row.documentId}|${locale}`, { uid, documentId: row.documentId, locale, title: (titleField && row[titleField]) || row.documentId });
      }
    }
    return [...uses.values()];
  }

  /** Whether the caller of the current request could publish this locale (server code may). */
  async function mayPublish({ uid, locale }: FileUse): Promise<boolean> {
    const ctx: any = strapi.requestContext.get();
    if (!ctx) return true;
    const auth = ctx.state?.auth;
    switch (auth?.strategy?.name) {
      case 'admin': {
        const permission = strapi.service('admin::permission');
        const ability = ctx.state.userAbility ?? (await permission.engine.generateUserAbility(ctx.state.user));
        const manager = permission.createPermissionsManager({ ability, model: uid });
        return ability.can(PUBLISH, manager.toSubject(locale ? { locale } : {}, uid));
      }
      case 'api-token':
      case 'content-api-token': {
        // Through the Content API a gated type is published by an update (see the README).
        const token = auth.credentials ?? {};
        if (token.type === 'full-access') return true;
        if (token.type !== 'custom') return false;
        return (token.permissions ?? []).some((p: any) => (typeof p === 'string' ? p : p?.action) === `${uid}.update`);
      }
      case 'users-permissions': {
        const role = ctx.state.user?.role?.id;
        if (!role) return false;
        return (await strapi.db.query('plugin::users-permissions.permission').count({ where: { action: `${uid}.update`, role: { id: role } } })) > 0;
      }
      default:
        return false;
    }
  }

  /** Refuses (GATED_FILE_LOCKED) unless the caller may publish every gated locale using these files. */
  async function assertMayChange(fileIds: number[]) {
    const uses = await usesOf(fileIds);
    const refused: FileUse[] = [];
    for (const use of uses) if (!(await mayPublish(use))) refused.push(use);
    if (refused.length) {
      throw gatedFileLocked(
        refused.map(({ uid, documentId, locale, title }) => ({ uid, documentId, locale, title })),
        { fileIds }
      );
    }
    return uses;
  }

  /** A change of files: refused or allowed, and then an edit of every gated locale whose content it changed. */
  async function change<T>(fileIds: number[], run: () => Promise<T>): Promise<T> {
    if (guarded.getStore()) return run();
    const uses = await assertMayChange(fileIds);
    return guarded.run(true, () => tracking().track(uses, run));
  }

  return { usesOf, mayPublish, assertMayChange, change, isGuarded: () => Boolean(guarded.getStore()) };
};
