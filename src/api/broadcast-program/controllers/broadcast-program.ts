/**
 * broadcast-program controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::broadcast-program.broadcast-program');
