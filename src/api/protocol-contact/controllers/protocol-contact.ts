/**
 * protocol-contact controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::protocol-contact.protocol-contact');
