/**
 * The archive's own Content API routes. Loaded before the core router so that
 * `/search` and `/ingest` are not taken for a documentId. Permissions (users-
 * permissions actions of the same names): `search` for the Public role and the
 * website token (public items only), `similar`, `ingest` and `original` for
 * archive staff. The admin's route to the original is in src/archive/bootstrap.ts.
 */

export default {
  routes: [
    { method: 'GET', path: '/media-archive-items/search', handler: 'api::media-archive-item.media-archive-item.search', config: {} },
    { method: 'POST', path: '/media-archive-items/ingest', handler: 'api::media-archive-item.media-archive-item.ingest', config: {} },
    {
      method: 'GET',
      path: '/media-archive-items/:documentId/similar',
      handler: 'api::media-archive-item.media-archive-item.similar',
      config: {},
    },
    {
      method: 'GET',
      path: '/media-archive-items/:documentId/original',
      handler: 'api::media-archive-item.media-archive-item.original',
      config: {},
    },
  ],
};
