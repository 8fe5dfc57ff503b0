#!/usr/bin/env node
'use strict';
// npm run tokens: creates (or shows) the `website` and `cif` custom API tokens.
const { withStrapi, fromDist } = require('./load-strapi');

withStrapi(async (strapi, appContext) => {
  const { ensureApiTokens } = fromDist(appContext, 'src/access/api-tokens');
  const { API_TOKENS } = fromDist(appContext, 'src/access/content-api');
  for (const token of await ensureApiTokens(strapi)) {
    const state = token.created ? 'created' : token.corrected ? 'existing, permissions corrected' : 'existing';
    console.log(`\n${token.name} (${state})`);
    console.log(`  reads: ${API_TOKENS[token.name].permissions.join(', ')}`);
    console.log(`  token: ${token.accessKey ?? '(cannot be shown: created without ENCRYPTION_KEY; regenerate it in the admin)'}`);
  }
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
