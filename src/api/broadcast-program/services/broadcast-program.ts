/**
 * broadcast-program service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::broadcast-program.broadcast-program');
