import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Lets a notice being sent finish before the process stops. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'notices').idle();
};
