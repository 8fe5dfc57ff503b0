/**
 * media-archive-item service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::media-archive-item.media-archive-item');
