/**
 * press-note service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::press-note.press-note');
