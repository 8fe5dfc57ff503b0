'use strict';
// The server code is compiled with the app (tsconfig includes src/plugins/**).
module.exports = require('../../../dist/src/plugins/cif-sync/server/src').default;
