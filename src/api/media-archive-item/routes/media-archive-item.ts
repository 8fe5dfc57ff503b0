/**
 * media-archive-item router: Content API reads are scoped for restricted callers.
 */

import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::media-archive-item.media-archive-item');
