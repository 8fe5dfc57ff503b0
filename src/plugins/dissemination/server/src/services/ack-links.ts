// Personal acknowledgment links: `<delivery>.<body>.<expires>.<signature>`, an HMAC-SHA256
// over the three with a key derived from the APP_KEYS every instance shares (as the
// archive's private-file links), so a link signed by one instance opens on all. The
// link names one delivery and its body: changing either breaks the signature, and a
// validly signed link whose body is not the delivery's is refused as another body's.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ERRORS, UIDS } from '../constants';
import { pluginConfig } from '../utils/get-service';

const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;
const TOKEN = /^([a-z0-9]{10,40})\.([a-z0-9]{10,40})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

export type AckRefusal = keyof typeof REFUSALS;
const REFUSALS = {
  invalid: ERRORS.ACK_LINK_INVALID,
  expired: ERRORS.ACK_LINK_EXPIRED,
  otherBody: ERRORS.ACK_LINK_OTHER_BODY,
} as const;

/** The HTTP error for a refused link (PolicyError keeps its message and code through Strapi's router). */
export const refusalError = (refusal: AckRefusal) => {
  const { code, message } = REFUSALS[refusal];
  if (refusal === 'invalid') return new errors.NotFoundError(message, { code });
  return new errors.PolicyError(message, { code });
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let key: Buffer | undefined;
  const linkKey = () => {
    if (!key) {
      const material = ((strapi.config.get('server.app.keys') as string[] | undefined) ?? []).join(',');
      if (!material) throw new Error('dissemination: no hay APP_KEYS para firmar los enlaces de acuse de recibo.');
      key = Buffer.from(crypto.hkdfSync('sha256', material, 'dissemination', 'acknowledgment-links/hmac-sha256', 32));
    }
    return key;
  };
  const signatureOf = (deliveryId: string, bodyId: string, expires: number) =>
    crypto.createHmac('sha256', linkKey()).update(`${deliveryId}\n${bodyId}\n${expires}`).digest('base64url');

  return {
    /** The token of a delivery, valid until its `expiresAt`. */
    sign(delivery: { documentId: string; bodyDocumentId: string; expiresAt: string | Date }) {
      if (!DOCUMENT_ID.test(delivery.documentId) || !DOCUMENT_ID.test(delivery.bodyDocumentId)) throw new Error('dissemination: unexpected document id');
      const expires = Math.floor(new Date(delivery.expiresAt).getTime() / 1000);
      return `${delivery.documentId}.${delivery.bodyDocumentId}.${expires}.${signatureOf(delivery.documentId, delivery.bodyDocumentId, expires)}`;
    },

    /** When a link written now expires. */
    expiryFrom(now = new Date()) {
      return new Date(now.getTime() + pluginConfig(strapi).ackLinkDays * 86_400_000);
    },

    /** The delivery a token opens, or the refusal: forged, expired, or another body's. */
    async open(token: unknown, now = Date.now()): Promise<{ delivery: Record<string, any> } | { refusal: AckRefusal }> {
      const match = typeof token === 'string' ? TOKEN.exec(token) : null;
      if (!match) return { refusal: 'invalid' };
      const [, deliveryId, bodyId, expiresText, signature] = match;
      const expires = Number(expiresText);
      const expected = Buffer.from(signatureOf(deliveryId, bodyId, expires));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { refusal: 'invalid' };
      if (expires * 1000 < now) return { refusal: 'expired' };
      const delivery = await strapi.db.query(UIDS.delivery).findOne({ where: { documentId: deliveryId } });
      if (!delivery) return { refusal: 'invalid' };
      if (delivery.bodyDocumentId !== bodyId) return { refusal: 'otherBody' };
      return { delivery };
    },
  };
};
