import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Lets a notice being sent finish before the process stops; no other one starts. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const notices = getService(strapi, 'notices');
  notices.stop();
  await notices.idle();
};
