/**
 * press-note controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::press-note.press-note');
