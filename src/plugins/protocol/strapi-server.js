'use strict';
// The server code is compiled with the app (tsconfig excludes only the admin part).
module.exports = require('../../../dist/src/plugins/protocol/server/src').default;
