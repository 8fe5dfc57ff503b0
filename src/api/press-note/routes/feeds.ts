// Public feeds of published press notes; no permission needed (auth: false),
// they only ever read published versions.
export default {
  routes: [
    {
      method: 'GET',
      path: '/feeds/press-notes.:format',
      handler: 'feed.show',
      config: { auth: false },
    },
  ],
};
