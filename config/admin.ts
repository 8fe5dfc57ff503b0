import type { Core } from '@strapi/strapi';
import { previewOrigins } from '../src/delivery/preview';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  // Lets `npm run tokens` show an existing token again instead of rotating it.
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // Strapi's Preview (free): the approval-workflow plugin signs a short-lived token for the editor's
  // view, on the website or on this server's /preview page (docs/preview-and-versions.md).
  preview: {
    enabled: true,
    config: {
      allowedOrigins: previewOrigins(env),
      handler: (uid: string, params: { documentId?: string; locale?: string | null; status?: string }) =>
        strapi.plugin('approval-workflow').service('preview').editorUrl(uid, params),
    },
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;
