// The documentation plugin's OpenAPI document as JSON (public, cached like any public read).
export default {
  routes: [{ method: 'GET', path: '/openapi.json', handler: 'delivery.openapi', config: { auth: false } }],
};
