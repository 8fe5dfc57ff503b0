// The preview routes (no admin session: the signed token is the only key). They answer refusals
// themselves in the project's error shape (a Spanish HTML page instead for a browser opening the
// page), and never let anything be cached.
import type { Core } from '@strapi/strapi';
import { PreviewError } from '../preview-errors';
import { getService } from '../utils';

const NO_STORE = { 'Cache-Control': 'no-store, max-age=0', Pragma: 'no-cache', 'X-Robots-Tag': 'noindex, nofollow', 'Referrer-Policy': 'no-referrer' };

/** The project's error contract: `{ data: null, error: { status, name, message, details: { code } } }`. */
const errorBody = (error: PreviewError) => ({ data: null, error: { status: error.status, name: error.name, message: error.message, details: { code: error.code } } });

/**
 * Only a client that prefers HTML (a browser's navigation: `Accept: text/html,…`) gets the error page;
 * a program (no Accept header, any type, JSON) gets the error shape with its code, as on every other route.
 */
const prefersHtml = (ctx: any) => ctx.accepts('json', 'html') === 'html';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const preview = () => getService(strapi, 'preview');
  const page = () => getService(strapi, 'preview-page');

  return {
    /** The public key the website verifies tokens with (JWK set, RFC 7517). */
    async jwks(ctx: any) {
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = getService(strapi, 'preview-tokens').jwks();
    },

    async page(ctx: any) {
      ctx.set(NO_STORE);
      try {
        const { html, csp } = await page().render(await preview().open(ctx.params.token));
        ctx.set('Content-Security-Policy', csp);
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = html;
      } catch (error) {
        if (!(error instanceof PreviewError)) throw error;
        ctx.vary('Accept');
        ctx.status = error.status;
        if (!prefersHtml(ctx)) {
          ctx.body = errorBody(error);
          return;
        }
        const { html, csp } = page().error(error);
        ctx.set('Content-Security-Policy', csp);
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = html;
      }
    },

    /** The draft as JSON for the website's own preview page: the shape of the Content API's detail read. */
    async data(ctx: any) {
      ctx.set(NO_STORE);
      try {
        const { claims, document } = await preview().open(ctx.params.token);
        ctx.body = {
          data: document,
          meta: { uid: claims.uid, locale: claims.locale, status: claims.status, purpose: claims.purpose, expiresAt: new Date(claims.exp * 1000).toISOString() },
        };
      } catch (error) {
        if (!(error instanceof PreviewError)) throw error;
        ctx.status = error.status;
        ctx.body = errorBody(error);
      }
    },
  };
};
