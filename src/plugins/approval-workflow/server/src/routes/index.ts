// Admin routes (contract in the README): every one behind an authenticated admin with the `read` permission;
// the transition's own permission (submit / review) is checked by the controller per action.
import { PERMISSIONS } from '../constants';

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
    ],
  },
};
