/**
 * municipal-body router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::municipal-body.municipal-body');
