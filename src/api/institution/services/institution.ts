/**
 * institution service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::institution.institution');
