/**
 * ceremony router: Content API reads are scoped for restricted callers.
 */

import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::ceremony.ceremony');
