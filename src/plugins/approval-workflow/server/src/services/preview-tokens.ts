/**
 * Signed preview tokens: compact JWS (a JWT) signed with Ed25519 ("EdDSA").
 * The website verifies them with the public key at /preview/jwks.json and
 * cannot forge one (it never holds the private key). The key is derived from
 * `preview.secret` (PREVIEW_SECRET) or, without one, from the server's
 * APP_KEYS, so that every instance of the same deployment signs alike.
 * A token names one locale of one document, its status, its purpose and,
 * for the approval e-mail's link, the content hash it was made for.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { PREVIEW } from '../constants';
import { previewInvalid, previewExpired } from '../preview-errors';

export type PreviewPurpose = 'editor' | 'link';

export interface PreviewClaims {
  iss: string;
  aud: string;
  sub: string;
  uid: string;
  documentId: string;
  locale: string | null;
  status: 'draft' | 'published';
  purpose: PreviewPurpose;
  /** The content hash the link was made for (purpose 'link'): any edit voids it. */
  hash?: string;
  iat: number;
  exp: number;
  jti: string;
}

export type PreviewRequest = Pick<PreviewClaims, 'uid' | 'documentId' | 'locale' | 'status' | 'purpose'> & { hash?: string; ttlSeconds: number };

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function parseSegment(segment: string): any {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let keys: { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject; kid: string; jwk: Record<string, string> } | undefined;

  function signingKeys() {
    if (keys) return keys;
    const { secret } = (strapi.config.get('plugin::approval-workflow') as { preview: { secret: string } }).preview;
    const material = secret || ((strapi.config.get('server.app.keys') as string[] | undefined) ?? []).join(',');
    if (!material) throw new Error('approval-workflow: no hay PREVIEW_SECRET ni APP_KEYS para firmar las vistas previas.');
    const seed = Buffer.from(crypto.hkdfSync('sha256', material, 'approval-workflow', 'preview-signing-key/ed25519', 32));
    const privateKey = crypto.createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const publicKey = crypto.createPublicKey(privateKey);
    const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
    const kid = crypto.createHash('sha256').update(jwk.x).digest('base64url').slice(0, 16);
    keys = { privateKey, publicKey, kid, jwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' } };
    return keys;
  }

  return {
    /** The public key set the website verifies tokens with. */
    jwks: () => ({ keys: [signingKeys().jwk] }),

    sign({ ttlSeconds, ...request }: PreviewRequest): { token: string; claims: PreviewClaims } {
      const { privateKey, kid } = signingKeys();
      const now = Math.floor(Date.now() / 1000);
      const claims: PreviewClaims = {
        iss: PREVIEW.issuer,
        aud: PREVIEW.audience,
        sub: `${request.uid}|${request.documentId}|${request.locale ?? '*'}`,
        ...request,
        iat: now,
        exp: now + ttlSeconds,
        jti: crypto.randomBytes(9).toString('base64url'),
      };
      if (!claims.hash) delete claims.hash;
      const signingInput = `${b64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
      const signature = crypto.sign(null, Buffer.from(signingInput), privateKey);
      return { token: `${signingInput}.${b64url(signature)}`, claims };
    },

    /** The claims of a genuine, unexpired token; throws PREVIEW_INVALID or PREVIEW_EXPIRED otherwise. */
    verify(token: unknown): PreviewClaims {
      if (typeof token !== 'string' || token.length > PREVIEW.maxTokenLength) throw previewInvalid();
      const parts = token.split('.');
      if (parts.length !== 3 || !parts.every((part) => SEGMENT.test(part))) throw previewInvalid();
      const { publicKey, kid } = signingKeys();
      const header = parseSegment(parts[0]);
      // Only our algorithm and key: no "none", no HMAC with the public key, no foreign kid.
      if (!header || header.alg !== 'EdDSA' || header.kid !== kid || (header.typ !== undefined && header.typ !== 'JWT')) throw previewInvalid();
      const genuine = crypto.verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], 'base64url'));
      if (!genuine) throw previewInvalid();
      const claims = parseSegment(parts[1]) as PreviewClaims | null;
      const well =
        claims &&
        claims.iss === PREVIEW.issuer &&
        claims.aud === PREVIEW.audience &&
        typeof claims.uid === 'string' &&
        typeof claims.documentId === 'string' &&
        (claims.locale === null || typeof claims.locale === 'string') &&
        (claims.status === 'draft' || claims.status === 'published') &&
        (claims.purpose === 'editor' || (claims.purpose === 'link' && typeof claims.hash === 'string')) &&
        Number.isInteger(claims.exp) &&
        Number.isInteger(claims.iat);
      if (!well) throw previewInvalid();
      if (claims.exp <= Math.floor(Date.now() / 1000)) throw previewExpired(claims.exp);
      return claims;
    },
  };
};
