/**
 * municipal-body controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::municipal-body.municipal-body');
