'use strict';
// The server code is TypeScript compiled with the app (tsconfig includes src/plugins/**/server).
module.exports = require('../../../dist/src/plugins/approval-workflow/server/src').default;
