import { PERMISSIONS } from '../config/actions';

export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/status',
        handler: 'status.overview',
        config: { policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [PERMISSIONS.read] } }] },
      },
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/changes',
        // A permission of its own (`plugin::cif-sync.changes.read`): a read-only token, which Strapi
        // lets call every `find` and `findOne`, does not get it; only the cif token holds it
        // (src/access/content-api.ts).
        handler: 'changes.read',
      },
    ],
  },
};
