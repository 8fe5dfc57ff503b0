import { ACTIONS } from '../constants';

const guarded = (method: string, path: string, handler: string, action: string) => ({
  method,
  path,
  handler,
  config: {
    policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  },
});

export default {
  admin: {
    type: 'admin',
    routes: [
      guarded('GET', '/directory', 'directory.list', ACTIONS.readDirectory),
      guarded('GET', '/directory/por-verificar', 'directory.porVerificar', ACTIONS.readDirectory),
      guarded('GET', '/directory/audit', 'directory.audit', ACTIONS.readDirectory),
      guarded('POST', '/directory/verify', 'directory.verify', ACTIONS.verifyContacts),
      guarded('GET', '/directory/birthdays', 'directory.birthdays', ACTIONS.readBirthdays),
      guarded('POST', '/directory/import', 'directory.import', ACTIONS.importDirectory),
      guarded('POST', '/directory/export', 'directory.export', ACTIONS.exportDirectory),
      guarded('GET', '/ceremonies/:documentId/seating', 'ceremonies.seating', ACTIONS.readSeating),
      guarded('GET', '/ceremonies/:documentId/notices', 'ceremonies.notices', ACTIONS.readNotices),
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/feeds/ceremonies.ics',
        handler: 'feed.ceremonies',
        // An empty prefix puts the route at /api/feeds/... instead of /api/protocol/feeds/...
        config: { prefix: '' },
      },
    ],
  },
};
