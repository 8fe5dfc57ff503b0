// `npm run audit:verify` as a function, for runScript (tests/helpers/instances.ts):
// every chain of the shared audit trail on the instances' database.
'use strict';
const path = require('path');
const { reportAuditChains } = require(path.resolve(__dirname, '..', '..', 'scripts', 'audit-verify.js'));

module.exports = async (strapi) => {
  const lines = [];
  const exitCode = await reportAuditChains(strapi, (line) => lines.push(line));
  return { exitCode, lines };
};
