import type { Core } from '@strapi/strapi';
import { DOCUMENTATION_INFO, mutateDocumentation } from '../src/delivery/openapi';
import { previewConfig } from '../src/delivery/preview';
import { readStorageConfig, uploadProviderConfig } from './storage';
import website from './website';

/** The website's page of a ceremony (config/website.ts), for the iCalendar events' URL. */
const ceremonyPage = (params: Core.Config.Shared.ConfigParams) => {
  const site = website(params);
  return `${site.url.replace(/\/+$/, '')}${site.pages['api::ceremony.ceremony']}`;
};
import { spreadsheetCells } from '../src/access/spreadsheet-cells';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // The append-only, hash-chained audit trail shared by the approval workflow and the publication queue.
  'audit-trail': {
    enabled: true,
    resolve: './src/plugins/audit-trail',
  },
  'approval-workflow': {
    enabled: true,
    resolve: './src/plugins/approval-workflow',
    config: {
      selfApproval: env('APPROVAL_SELF_APPROVAL', 'forbid'),
      adminUrl: env('ADMIN_URL', ''),
      // Drafts as the public will see them: src/delivery/preview.ts, docs/preview-and-versions.md.
      preview: previewConfig(env),
      // Every instance looks for due scheduled publications this often (claims keep them apart).
      scheduleRule: env('APPROVAL_SCHEDULE_RULE', '*/10 * * * * *'),
    },
  },
  // OpenAPI document of the public API, Swagger UI at /documentation. Its content comes from
  // src/delivery/openapi.ts (override registered in src/delivery/documentation.ts).
  documentation: {
    enabled: true,
    config: {
      // Swagger UI 4 (bundled with the plugin) renders 3.0 only.
      openapi: '3.0.3',
      info: DOCUMENTATION_INFO,
      // Relative, so that the committed document is the same on every host and "Try it out" calls this one.
      servers: [{ url: '/api', description: 'Esta instancia / this instance' }],
      // No plugin routes: users-permissions and upload are not part of the public API.
      'x-strapi-config': { plugins: [], mutateDocumentation },
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
      // Local disk by default; an S3-compatible store with UPLOAD_PROVIDER=s3 (config/storage.ts).
      ...uploadProviderConfig(readStorageConfig(env)),
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 200 * 1024 * 1024),
      // The one upload guard (src/extensions/upload): images larger than this are refused from their header.
      guard: { maxInputPixels: env.int('UPLOAD_MAX_INPUT_PIXELS', 100_000_000) },
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
      // The public iCalendar feed: its name per locale, and each event's page on the website.
      calendarNames: {
        'es-PE': 'Ceremonias y actividades oficiales',
        en: 'Ceremonies and official events',
        qu: 'Municipalidadpa raymikunan',
        ay: 'Municipalidadan phistanakapa',
      },
      calendarEventUrl: ceremonyPage({ env } as Core.Config.Shared.ConfigParams),
      // CSV formula injection: the export neutralises, the import restores.
      spreadsheetCells,
    },
  },
  'cif-sync': {
    enabled: true,
    resolve: './src/plugins/cif-sync',
    config: {
      webhookUrls: env.array('CIF_WEBHOOK_URLS', []),
      webhookSecret: env('CIF_WEBHOOK_SECRET', ''),
      // PostgreSQL: other instances learn of a commit at once (LISTEN/NOTIFY); false leaves the 1 s poll.
      notifyChanges: env.bool('CHANGE_NOTIFY', true),
    },
  },
  // Publication-request queue (Ley 27972 art. 44). Sample municipality: Tacna region, outside
  // Lima/Callao, so norms go to the judicial-notices newspaper (by e-mail) and the portal.
  'diario-oficial': {
    enabled: true,
    resolve: './src/plugins/diario-oficial',
    config: {
      jurisdiction: {
        limaOrCallao: env.bool('DIARIO_OFICIAL_LIMA_OR_CALLAO', false),
        department: 'Tacna',
        province: 'Tacna',
        municipality: 'Municipalidad Provincial de Santa Rosa de la Frontera',
        acronym: env('MUNICIPALITY_ACRONYM', 'MPSRF'),
        hasJudicialNoticesNewspaper: true,
        hasPortal: true,
      },
      timeZone: 'America/Lima',
      // Peru's national holidays are computed for every year (DL 713 art. 6 and its amendments,
      // src/plugins/diario-oficial/server/src/services/holidays.ts). Add here the non-working
      // days each year's decree (D.S. … -PCM) declares, and regional or local holidays; a
      // start-up warning says when the dated ones run out within 90 days.
      nationalHolidays: true,
      additionalHolidays: [
        // Sample municipality in Tacna (check the regional calendar).
        { monthDay: '08-28', name: 'Reincorporación de Tacna al Perú', kind: 'regional' },
      ],
      outlets: [
        {
          key: 'diario-judicial',
          name: env('DIARIO_JUDICIAL_NAME', 'Diario Frontera Sur (avisos judiciales)'),
          channel: 'diario-judicial',
          dispatch: 'email',
          email: env('DIARIO_JUDICIAL_EMAIL', 'avisos@diariofronterasur.pe'),
          cutoffs: { weekday: '17:30', weekendOrHoliday: null },
          publishesOn: 'every-day',
          yearEndCutoff: '12-22',
        },
        {
          key: 'el-peruano',
          name: 'Diario Oficial El Peruano',
          channel: 'el-peruano',
          dispatch: 'manual',
          cutoffs: { weekday: '17:30', weekendOrHoliday: '14:00' },
          publishesOn: 'every-day',
          yearEndCutoff: '12-22',
        },
        {
          key: 'portal',
          name: 'Portal institucional',
          channel: 'portal',
          dispatch: 'manual',
          cutoffs: { weekday: '23:59', weekendOrHoliday: '23:59' },
          publishesOn: 'every-day',
          yearEndCutoff: '12-31',
        },
      ],
      deadlines: { ordenanza: 10, 'decreto-de-alcaldia': 10, 'acuerdo-de-concejo': 10, default: 15 },
      maxAttempts: env.int('DIARIO_OFICIAL_MAX_ATTEMPTS', 5),
      worker: {
        // Every instance runs the worker; tests turn it off and drive it themselves.
        enabled: env.bool('DIARIO_OFICIAL_WORKER', true),
        schedule: env('DIARIO_OFICIAL_WORKER_SCHEDULE', '*/15 * * * * *'),
        batchSize: env.int('DIARIO_OFICIAL_BATCH_SIZE', 50),
        leaseSeconds: env.int('DIARIO_OFICIAL_LEASE_SECONDS', 300),
        concurrency: env.int('DIARIO_OFICIAL_CONCURRENCY', 8),
      },
    },
  },
  // Circulars and bulletins to the municipal bodies, with acknowledgment of receipt
  // (src/plugins/dissemination, docs/dissemination.md). Business days: the Diario Oficial's calendar.
  dissemination: {
    enabled: true,
    resolve: './src/plugins/dissemination',
    config: {
      // What a body follows and a norm or press note touches ("all": every subject).
      subjects: [
        { key: 'tributos', label: 'Tributos y rentas' },
        { key: 'desarrollo-urbano', label: 'Desarrollo urbano y obras' },
        { key: 'transporte', label: 'Transporte y tránsito' },
        { key: 'medio-ambiente', label: 'Medio ambiente' },
        { key: 'programas-sociales', label: 'Programas sociales' },
        { key: 'contrataciones', label: 'Contrataciones del Estado' },
        { key: 'personal', label: 'Gestión de personal' },
        { key: 'transparencia', label: 'Transparencia y acceso a la información' },
        { key: 'seguridad-ciudadana', label: 'Seguridad ciudadana' },
        { key: 'presupuesto', label: 'Presupuesto y planeamiento' },
      ],
      ackLinkDays: env.int('DISSEMINATION_ACK_LINK_DAYS', 60),
      reminderBusinessDays: env.int('DISSEMINATION_REMINDER_BUSINESS_DAYS', 3),
      escalationBusinessDays: env.int('DISSEMINATION_ESCALATION_BUSINESS_DAYS', 2),
      // Weekly bulletin, Mondays 08:00 Lima time; every instance runs it, one sends each period.
      bulletin: {
        enabled: env.bool('DISSEMINATION_BULLETIN', true),
        cron: env('DISSEMINATION_BULLETIN_CRON', '0 8 * * 1'),
        periodDays: env.int('DISSEMINATION_BULLETIN_PERIOD_DAYS', 7),
        upcomingCeremonyDays: 14,
      },
      outboxCron: env('DISSEMINATION_OUTBOX_CRON', '*/1 * * * *'),
      // Reminders and the Gerente's notices, weekdays 09:00 Lima; every instance runs it, claims keep them apart.
      followUp: {
        enabled: env.bool('DISSEMINATION_FOLLOW_UP', true),
        cron: env('DISSEMINATION_FOLLOW_UP_CRON', '0 9 * * 1-5'),
      },
      retry: {
        maxAttempts: env.int('DISSEMINATION_MAX_ATTEMPTS', 8),
        baseSeconds: env.int('DISSEMINATION_RETRY_BASE_SECONDS', 60),
        maxSeconds: 6 * 3600,
      },
      // The report's CSV: the project's rule against formula injection.
      spreadsheetCells,
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
        pool: env.bool('SMTP_POOL', false),
        // With the pool: connections kept open (nodemailer's default is 5).
        maxConnections: env.int('SMTP_MAX_CONNECTIONS', 5),
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
