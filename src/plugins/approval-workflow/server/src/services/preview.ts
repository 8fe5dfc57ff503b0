/**
 * Preview of a draft as the public will see it, for the editor (Strapi's
 * Preview, config/admin.ts calls editorUrl) and for the Gerente without an
 * admin session (the link in the approval e-mail, linkFor). Both carry a
 * signed token (services/preview-tokens.ts) for one locale of one document;
 * the e-mail's link also names the content hash it was made for, so any edit
 * voids it. Reading is all a token allows: the routes are GET only.
 */
import type { Core } from '@strapi/strapi';
import { PREVIEW } from '../constants';
import type { PreviewConfig, PreviewLayout } from '../config';
import { previewInvalid, previewNotFound, previewOutdated } from '../preview-errors';
import { getService } from '../utils';
import type { PreviewClaims } from './preview-tokens';

type Params = { documentId?: string; locale?: string | null; status?: string };
type Row = Record<string, any>;

const READ = 'plugin::content-manager.explorer.read';
/** Never part of what the public gets, whatever a populate asks for. */
const ADMIN_FIELDS = ['createdBy', 'updatedBy', 'localizations'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => (strapi.config.get('plugin::approval-workflow') as { preview: PreviewConfig }).preview;
  const tokens = () => getService(strapi, 'preview-tokens');
  const workflow = () => getService(strapi, 'workflow');
  const model = (uid: string) => strapi.getModel(uid as any) as any;

  const layoutOf = (uid: string): PreviewLayout | null => settings().types[uid] ?? null;

  /** What the page and the website need: the layout's media and components, plus the type's own populate. */
  function populateFor(uid: string, layout: PreviewLayout) {
    const populate: Record<string, unknown> = {};
    const used = [layout.cover, layout.gallery, layout.seo, ...(layout.facts ?? []), ...(layout.attachments ?? [])].filter(Boolean) as string[];
    for (const name of used) {
      const attribute = model(uid).attributes[name];
      if (attribute?.type === 'media') populate[name] = true;
      else if (attribute?.type === 'component') populate[name] = { populate: '*' };
    }
    return { ...populate, ...(layout.populate ?? {}) };
  }

  /** Relations as the public reads them: only documents that are published (and public, where the type says so). */
  async function publicRelations(uid: string, entry: Row) {
    const { visibilityFlag } = settings();
    for (const [name, attribute] of Object.entries<any>(model(uid).attributes)) {
      if (attribute.type !== 'relation' || entry[name] === undefined || !attribute.target || attribute.target.startsWith('admin::')) continue;
      const list: Row[] = Array.isArray(entry[name]) ? entry[name] : entry[name] ? [entry[name]] : [];
      const target = model(attribute.target);
      const ids = list.map((r) => r.documentId).filter(Boolean);
      const where: Row = { documentId: { $in: ids } };
      if (target?.options?.draftAndPublish) where.publishedAt = { $notNull: true };
      if (target?.attributes?.[visibilityFlag]) where[visibilityFlag] = true;
      const visible = ids.length ? new Set((await strapi.db.query(attribute.target).findMany({ where, select: ['documentId'] })).map((r: Row) => r.documentId)) : new Set();
      const kept = list.filter((r) => visible.has(r.documentId));
      entry[name] = Array.isArray(entry[name]) ? kept : (kept[0] ?? null);
    }
    return entry;
  }

  return {
    layoutOf,
    isPreviewable: (uid: string) => Boolean(layoutOf(uid)),

    /**
     * Strapi's preview handler (config/admin.ts): where the admin's Preview opens, or null (no
     * preview offered). Strapi's preview route checks only that an admin is logged in; the
     * caller's permission to read the type is checked here, before anything is signed.
     */
    async editorUrl(uid: string, { documentId, locale, status }: Params): Promise<string | null> {
      const layout = layoutOf(uid);
      if (!layout || !documentId) return null;
      const ctx: any = strapi.requestContext.get();
      const ability = ctx?.state?.userAbility;
      if (!ability) return null;
      const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: uid });
      if (!checker.can.read()) return null;
      const wanted = status === 'published' ? 'published' : 'draft';
      const target = { uid, documentId, locale: await workflow().resolveLocale(uid, locale) };
      const exists = await strapi.documents(uid as any).findOne({ documentId, locale: target.locale ?? undefined, status: wanted } as any);
      if (!exists) return null;
      const { token } = tokens().sign({ ...target, status: wanted, purpose: 'editor', ttlSeconds: settings().editorTtlMinutes * 60 });
      const { websiteUrl } = settings();
      if (websiteUrl && layout.websitePath) {
        const path = layout.websitePath.replace(/\{(documentId|locale|slug|status)\}/g, (_m, key: string) =>
          encodeURIComponent(key === 'slug' ? String((exists as Row).slug ?? '') : key === 'status' ? wanted : String((target as Row)[key] ?? ''))
        );
        const url = new URL(path, websiteUrl);
        url.searchParams.set('preview', token);
        return url.toString();
      }
      // Relative unless the server's public URL is configured: never built from request headers.
      const base = (strapi.config.get('server.url', '') as string).replace(/\/$/, '');
      return `${base}${PREVIEW.routePrefix}/${token}`;
    },

    /** The link for the approval e-mail: absolute, for this draft's content hash only. */
    linkFor({ uid, documentId, locale, hash }: { uid: string; documentId: string; locale: string | null; hash: string }) {
      if (!layoutOf(uid)) return null;
      const { token, claims } = tokens().sign({ uid, documentId, locale, status: 'draft', purpose: 'link', hash, ttlSeconds: settings().linkTtlHours * 3600 });
      const base = (strapi.config.get('server.absoluteUrl', '') as string).replace(/\/$/, '');
      return { url: `${base}${PREVIEW.routePrefix}/${token}`, expiresAt: new Date(claims.exp * 1000).toISOString() };
    },

    /**
     * What a token shows: its claims, the type's layout and the document as the public would read
     * it. Throws PREVIEW_INVALID, PREVIEW_EXPIRED, PREVIEW_OUTDATED (edited since the link) or NOT_FOUND.
     */
    async open(token: unknown): Promise<{ claims: PreviewClaims; layout: PreviewLayout; document: Row }> {
      const claims = tokens().verify(token);
      const layout = layoutOf(claims.uid);
      if (!layout) throw previewInvalid();
      if (claims.hash) {
        const current = await getService(strapi, 'content-hash').draftHash(claims.uid, claims.documentId, claims.locale);
        if (current === null) throw previewNotFound();
        if (current !== claims.hash) throw previewOutdated();
      }
      const found = await strapi.documents(claims.uid as any).findOne({
        documentId: claims.documentId,
        locale: claims.locale ?? undefined,
        status: claims.status,
        populate: populateFor(claims.uid, layout),
      } as any);
      if (!found) throw previewNotFound();
      const entry: Row = { ...found };
      for (const field of ADMIN_FIELDS) delete entry[field];
      await publicRelations(claims.uid, entry);
      const document = (await strapi.contentAPI.sanitize.output(entry, model(claims.uid))) as Row;
      return { claims, layout, document };
    },
  };
};
