/**
 * ceremony controller: the detail response carries the page metadata (JSON-LD, Open Graph,
 * Twitter card) in `meta` (src/delivery/page-metadata.ts).
 */

import { factories } from '@strapi/strapi';
import { withPageMetadata } from '../../../delivery/page-metadata';

const UID = 'api::ceremony.ceremony';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async findOne(ctx) {
    return withPageMetadata(strapi, UID, ctx, await super.findOne(ctx));
  },
}));
