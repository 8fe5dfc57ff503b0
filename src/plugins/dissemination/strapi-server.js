'use strict';
// The server code is TypeScript compiled with the app (tsconfig.json) into dist/.
module.exports = require('../../../dist/src/plugins/dissemination/server/src').default;
