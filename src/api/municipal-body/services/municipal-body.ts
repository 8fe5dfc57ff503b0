/**
 * municipal-body service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::municipal-body.municipal-body');
