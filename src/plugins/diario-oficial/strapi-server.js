'use strict';

// The server code is compiled with the app (tsconfig) into dist/.
module.exports = require('../../../dist/src/plugins/diario-oficial/server/src').default;
