/** The invalidation benchmark runs as a jest file to reuse the test harness (tests/helpers/). */
const base = require('../../jest.config');
module.exports = { ...base, rootDir: '../..', testMatch: ['<rootDir>/bench/invalidation/*.bench.ts'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 600000 };
