/**
 * media-archive-item service: the core service plus the archive (src/archive/service.ts).
 */

import { factories } from '@strapi/strapi';
import { createArchiveService } from '../../../archive/service';

export default factories.createCoreService('api::media-archive-item.media-archive-item', ({ strapi }) => createArchiveService(strapi));
