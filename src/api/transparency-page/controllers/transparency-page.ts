/**
 * transparency-page controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::transparency-page.transparency-page');
