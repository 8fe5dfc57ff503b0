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
        // Only the cif token holds this permission (src/access/content-api.ts).
        handler: 'changes.find',
      },
    ],
  },
};
