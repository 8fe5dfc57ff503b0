import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  // Proxies in front of the instances that append the client's address to X-Forwarded-For
  // (1: nginx alone). With 0 (no proxy) those headers are ignored; with N the client IP is the
  // N-th address from the right, so one a client puts there itself is never believed.
  const trustedHops = env.int('PROXY_TRUSTED_HOPS', 0);
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    app: {
      keys: env.array('APP_KEYS')!,
    },
    // Koa's proxy mode: client IPs (audit trail, rate limits, logs), https behind TLS termination.
    proxy: { koa: trustedHops > 0, maxIpsCount: trustedHops },
    // public/ (robots.txt, and uploads/ with the local provider); PUBLIC_DIR puts it on another volume.
    dirs: { public: env('PUBLIC_DIR', './public') },
    // Background jobs (scheduled publications of the approval workflow) run on every instance.
    cron: {
      enabled: env.bool('CRON_ENABLED', true),
    },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
    // LOG_FORMAT=json: no start-up banner or update box, only JSON lines (config/logger.ts).
    logger: {
      startup: { enabled: env('LOG_FORMAT') !== 'json' },
      updates: { enabled: env('LOG_FORMAT') !== 'json' },
    },
    // SIGTERM: how long running requests and background jobs get before the process exits (src/operations).
    shutdownTimeoutMs: env.int('SHUTDOWN_TIMEOUT_MS', 20_000),
  } as Core.Config.Server;
};

export default config;
