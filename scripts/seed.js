#!/usr/bin/env node
'use strict';
// npm run seed: fills the database with the sample data; a second run adds nothing.
const { withStrapi, fromDist } = require('./load-strapi');

withStrapi(async (strapi, appContext) => {
  const { seedSampleData } = fromDist(appContext, 'src/seed');
  const summary = await seedSampleData(strapi);
  const total = Object.values(summary).reduce((a, b) => a + b, 0);
  console.log(total ? `Sample data created: ${JSON.stringify(summary, null, 2)}` : 'Sample data already present: nothing added.');
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
