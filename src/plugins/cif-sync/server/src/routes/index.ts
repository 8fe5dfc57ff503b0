export default {
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
