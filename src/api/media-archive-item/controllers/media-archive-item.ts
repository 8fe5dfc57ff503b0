/**
 * media-archive-item controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::media-archive-item.media-archive-item');
