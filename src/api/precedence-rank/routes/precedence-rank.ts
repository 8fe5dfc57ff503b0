/**
 * precedence-rank router: back office; restricted Content API callers cannot read it (src/access/scoped-router.ts).
 */

import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::precedence-rank.precedence-rank');
