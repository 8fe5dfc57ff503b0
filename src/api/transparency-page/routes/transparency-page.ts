/**
 * transparency-page router: Content API reads are scoped for restricted callers.
 */

import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::transparency-page.transparency-page');
