import type { Core } from '@strapi/strapi';
import { getService } from './utils';

/** Shutdown: no new scheduled publication starts; the one under way finishes before the database closes. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const scheduler = getService(strapi, 'scheduler');
  scheduler.stop();
  await scheduler.idle();
};
