/**
 * precedence-rank controller
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::precedence-rank.precedence-rank');
