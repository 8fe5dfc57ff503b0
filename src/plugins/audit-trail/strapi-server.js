'use strict';

// The server code is compiled with the app (tsconfig) into dist/.
module.exports = require('../../../dist/src/plugins/audit-trail/server/src').default;
