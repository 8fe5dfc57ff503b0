'use strict';
// The server code is TypeScript compiled with the app (tsconfig.json) into dist/.
module.exports = require('../../../dist/src/plugins/audit-trail/server/src').default;
