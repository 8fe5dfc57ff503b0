/**
 * transparency-page service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::transparency-page.transparency-page');
