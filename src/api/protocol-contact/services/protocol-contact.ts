/**
 * protocol-contact service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::protocol-contact.protocol-contact');
