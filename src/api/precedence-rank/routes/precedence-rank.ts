/**
 * precedence-rank router
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::precedence-rank.precedence-rank');
