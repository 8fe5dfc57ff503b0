import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'approval-workflow': {
    enabled: true,
    resolve: './src/plugins/approval-workflow',
    config: {
      selfApproval: env('APPROVAL_SELF_APPROVAL', 'forbid'),
      adminUrl: env('ADMIN_URL', ''),
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 200 * 1024 * 1024),
      security: {
        allowedTypes: [
          'image/*',
          'video/*',
          'audio/*',
          'application/pdf',
          'application/msword',
          'application/vnd.openxmlformats-officedocument.*',
          'application/vnd.oasis.opendocument.*',
          'text/plain',
          'text/csv',
        ],
        deniedTypes: [
          'image/svg+xml',
          'application/x-msdownload',
          'application/x-executable',
          'application/x-sh',
          'text/x-shellscript',
        ],
      },
    },
  },
  protocol: {
    enabled: true,
    resolve: './src/plugins/protocol',
    config: {
      verificationPeriodMonths: env.int('PROTOCOL_VERIFICATION_MONTHS', 6),
      digestCron: env('PROTOCOL_DIGEST_CRON', '0 8 * * 1'),
    },
  },
  'cif-sync': {
    enabled: true,
    resolve: './src/plugins/cif-sync',
    config: {
      webhookUrls: env.array('CIF_WEBHOOK_URLS', []),
      webhookSecret: env('CIF_WEBHOOK_SECRET', ''),
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
        ...(env('SMTP_USERNAME')
          ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } }
          : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'comunicaciones@municipalidad.gob.pe'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'comunicaciones@municipalidad.gob.pe'),
      },
    },
  },
});

export default config;
