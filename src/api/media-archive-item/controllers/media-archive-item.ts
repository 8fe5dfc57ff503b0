/**
 * media-archive-item controller: the core actions plus the archive's ingest,
 * search and near-duplicate routes (routes/01-archive.ts). Thin: the work is
 * in src/archive/service.ts.
 */

import path from 'path';
import { factories } from '@strapi/strapi';
import { isArchiveStaff } from '../../../archive/access';
import { adminIngest, similarView } from '../../../archive/admin';
import { ARCHIVE_UID } from '../../../archive/constants';
import { missingFile } from '../../../archive/errors';
import { privateFileLink, withPrivateLinks } from '../../../archive/private-files';
import { archiveConfig, type ArchiveService } from '../../../archive/service';
import { parseIngestData, parseMaxDistance, parseSearchQuery, validateItemRequest, validateSearchShape } from '../../../archive/validation';
import { isVisibleCeremony } from '../../../archive/access';

const service = () => strapi.service(ARCHIVE_UID) as unknown as ArchiveService;

export default factories.createCoreController(ARCHIVE_UID, () => ({
  /** POST /api/media-archive-items/ingest (multipart: `file`, `data` as JSON). */
  async ingest(ctx) {
    const files = ctx.request.files ?? {};
    const file = [files.file ?? files.files].flat()[0] as { filepath: string; originalFilename?: string | null; mimetype?: string | null } | undefined;
    if (!file) throw missingFile();
    const input = (await this.sanitizeInput!(parseIngestData(ctx.request.body?.data), ctx)) as Record<string, unknown>;
    delete input.file;
    const item = await service().ingestFile({ filepath: file.filepath, originalFilename: file.originalFilename ?? '', mimetype: file.mimetype }, input);
    ctx.status = 201;
    return this.transformResponse!(await this.sanitizeOutput!(item, ctx));
  },

  /** GET /api/media-archive-items/search?q=&kind=&from=&to=&ceremony=&tags=&page= */
  async search(ctx) {
    const restricted = !isArchiveStaff(ctx.state.auth);
    const query = parseSearchQuery(await validateSearchShape(ctx.query), archiveConfig(strapi).search, restricted);
    // A ceremony the caller may not see matches nothing: the answer must not tell which items it has.
    const hidden = restricted && query.ceremony !== undefined && !(await isVisibleCeremony(strapi, query.ceremony));
    const { items, total } = hidden ? { items: [], total: 0 } : await service().searchPage(query);
    return this.transformResponse!(withPrivateLinks(strapi, await service().sanitizeItems(items, ctx.state.auth ?? {})), {
      pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
    });
  },

  /**
   * GET /api/media-archive-items/:documentId/original (archive staff) and
   * /media-archive/items/:documentId/original (admin): the file as received,
   * EXIF and GPS included. Never cached on the way.
   */
  async original(ctx) {
    await validateItemRequest({ documentId: ctx.params.documentId, ...ctx.query });
    const original = await service().originalOf(ctx.params.documentId);
    ctx.set('Cache-Control', 'private, no-store');
    if (!original.object) return ctx.redirect(original.redirect!); // the public file is the original
    ctx.type = original.mime;
    ctx.attachment(original.name);
    if (original.object.size !== undefined) ctx.length = original.object.size;
    ctx.body = original.object.stream;
  },

  /**
   * GET /media-archive/files/:name?expires=&signature= — a private item's file
   * or format, through a link signed for staff (src/archive/private-files.ts).
   * No session needed: the signature is the permission, and it expires.
   */
  async privateFile(ctx) {
    const object = await privateFileLink(strapi, ctx.params.name, ctx.query.expires, ctx.query.signature);
    ctx.set('Cache-Control', 'private, no-store');
    // Served from the app's own origin: whatever the bytes are, they never run as a page of it.
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
    ctx.type = path.extname(ctx.params.name) || 'application/octet-stream';
    if (object.size !== undefined) ctx.length = object.size;
    ctx.body = object.stream;
  },

  /** GET /api/media-archive-items/:documentId/similar?maxDistance= (archive staff). */
  async similar(ctx) {
    await validateItemRequest({ documentId: ctx.params.documentId, ...ctx.query });
    const maxDistance = parseMaxDistance(ctx.query.maxDistance, archiveConfig(strapi).similar);
    const matches = await service().similarTo(ctx.params.documentId, maxDistance);
    const items = withPrivateLinks(strapi, (await this.sanitizeOutput!(await service().itemsInOrder(matches.map((m) => m.id), false), ctx)) as any[]);
    const distance = new Map(matches.map((m) => [m.documentId, m.distance]));
    return this.transformResponse!(
      items.map((item) => ({ ...item, distance: distance.get(item.documentId) })),
      { maxDistance, reference: ctx.params.documentId }
    );
  },

  /** POST /media-archive/items/ingest (admin; multipart `file`, `data`): the admin's import page. */
  async adminIngest(ctx) {
    ctx.status = 201;
    ctx.body = await adminIngest(strapi, ctx.request.files as Record<string, unknown> | undefined, ctx.request.body);
  },

  /** GET /media-archive/items/:documentId/similar?maxDistance= (admin): the item's edit view panel. */
  async adminSimilar(ctx) {
    ctx.body = await similarView(strapi, ctx.params.documentId, ctx.query.maxDistance);
  },
}));
