/**
 * protocol-contact router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::protocol-contact.protocol-contact');
