// Admin routes (contract in the README): every one behind an authenticated admin with the `read` permission;
// the transition's own permission (submit / review) is checked by the controller per action.
// The preview routes are public by design: a signed, expiring token for one document locale is their only key.
import { PERMISSIONS, PREVIEW } from '../constants';

const policies = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [PERMISSIONS.read] } },
];

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/config', handler: 'approvals.config', config: { policies } },
      { method: 'GET', path: '/documents/:uid/:documentId', handler: 'approvals.status', config: { policies } },
      { method: 'POST', path: '/documents/:uid/:documentId/actions/:action', handler: 'approvals.act', config: { policies } },
      { method: 'GET', path: '/queue', handler: 'approvals.queue', config: { policies } },
      { method: 'GET', path: '/documents/:uid/:documentId/versions', handler: 'versions.list', config: { policies } },
      { method: 'GET', path: '/documents/:uid/:documentId/changes', handler: 'versions.changes', config: { policies } },
      { method: 'POST', path: '/documents/:uid/:documentId/versions/:versionId/restore', handler: 'versions.restore', config: { policies } },
    ],
  },
  // Served at /preview (admin router without its /admin prefix), outside /api: no response cache, no Content API rules.
  preview: {
    type: 'admin',
    prefix: PREVIEW.routePrefix,
    routes: [
      { method: 'GET', path: '/jwks.json', handler: 'preview.jwks', config: { auth: false } },
      { method: 'GET', path: '/:token', handler: 'preview.page', config: { auth: false } },
      { method: 'GET', path: '/:token/data', handler: 'preview.data', config: { auth: false } },
    ],
  },
};
