/**
 * precedence-rank service
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::precedence-rank.precedence-rank');
