#!/usr/bin/env node
'use strict';
// npm run audit:verify: walks every chain of the shared audit trail (one per approval-workflow
// document locale, one per publication request) and reports every broken link. Exit code 1
// when anything is broken.
const { withStrapi } = require('./load-strapi');

/** Prints the report; returns the exit code (0 intact, 1 broken). */
async function reportAuditChains(strapi, print = console.log) {
  const { chains, events, broken } = await strapi.plugin('audit-trail').service('chains').verify();
  for (const link of broken) print(`ROTO ${link.chainKey}${link.sequence ? ` #${link.sequence}` : ''}: ${link.problem}`);
  print(`${chains} cadenas, ${events} eventos verificados: ${broken.length ? `${broken.length} problema(s)` : 'íntegro'}.`);
  return broken.length ? 1 : 0;
}

if (require.main === module) {
  process.env.CRON_ENABLED = 'false'; // a read-only check: no background publications from this process
  withStrapi(async (strapi) => {
    process.exitCode = await reportAuditChains(strapi);
  }).catch((error) => {
    console.error(error);
    process.exit(2);
  });
}

module.exports = { reportAuditChains };
