import crypto from 'crypto';
import { createTestDatabase } from './test-database';

const secret = () => crypto.randomBytes(16).toString('base64');

export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  process.env.SEED = 'false';
  // The publication queue's cron worker: tests drive it themselves (tests/plugins/diario-oficial).
  process.env.DIARIO_OFICIAL_WORKER ??= 'false';
  // The dissemination plugin's reminders and bulletin: tests run them at the time they choose (tests/plugins/dissemination).
  process.env.DISSEMINATION_FOLLOW_UP ??= 'false';
  process.env.DISSEMINATION_BULLETIN ??= 'false';
  process.env.LOG_LEVEL ??= 'error';
  // The website origins CORS allows in the tests (config/middlewares.ts); the admin's is PUBLIC_URL's.
  process.env.CORS_ORIGINS ??= 'https://www.muni.example,https://cif.example';
  process.env.PUBLIC_URL ??= 'https://api.muni.example';
  process.env.WEBSITE_URL ??= 'https://www.muni.example';
  process.env.APP_KEYS ??= [secret(), secret()].join(',');
  for (const key of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) {
    process.env[key] ??= secret();
  }
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.STRAPI_DISABLE_UPDATE_NOTIFICATION = 'true';
  const description = await createTestDatabase();
  console.log(`\nTest database: ${description}`);
}
