import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Lets the e-mails being sent finish before the process stops; no other one starts. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = getService(strapi, 'outbox');
  outbox.stop();
  await outbox.idle();
};
