import { PERMISSIONS } from '../constants';

const guarded = (actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/requests', handler: 'requests.find', config: guarded([PERMISSIONS.read]) },
      { method: 'GET', path: '/requests/:id', handler: 'requests.findOne', config: guarded([PERMISSIONS.read]) },
      { method: 'POST', path: '/requests', handler: 'requests.create', config: guarded([PERMISSIONS.create]) },
      // Each action checks its own permission (record or cancel) in the service.
      { method: 'POST', path: '/requests/:id/actions/:action', handler: 'requests.act', config: guarded([PERMISSIONS.read]) },
    ],
  },
};
