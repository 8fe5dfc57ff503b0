import { PERMISSIONS } from '../constants';

const guarded = (actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/options', handler: 'circulars.options', config: guarded([PERMISSIONS.read]) },
      { method: 'GET', path: '/search', handler: 'circulars.search', config: guarded([PERMISSIONS.send]) },
      { method: 'GET', path: '/circulars', handler: 'circulars.find', config: guarded([PERMISSIONS.read]) },
      { method: 'POST', path: '/circulars', handler: 'circulars.create', config: guarded([PERMISSIONS.send]) },
      { method: 'POST', path: '/circulars/preview', handler: 'circulars.preview', config: guarded([PERMISSIONS.send]) },
      { method: 'GET', path: '/circulars/:id', handler: 'circulars.findOne', config: guarded([PERMISSIONS.read]) },
      { method: 'GET', path: '/pending', handler: 'circulars.pending', config: guarded([PERMISSIONS.read]) },
      { method: 'GET', path: '/norms/:documentId/history', handler: 'circulars.normHistory', config: guarded([PERMISSIONS.read]) },
      { method: 'GET', path: '/report', handler: 'circulars.report', config: guarded([PERMISSIONS.read]) },
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      // The recipient's personal link: no account; the signed token is the credential.
      { method: 'GET', path: '/ack/:token', handler: 'ack.show', config: { auth: false } },
      { method: 'POST', path: '/ack/:token', handler: 'ack.confirm', config: { auth: false } },
    ],
  },
};
