/**
 * Browser tests against the production build (npm run test:e2e builds once, then runs these):
 * each file boots its own Strapi with tests/e2e/support/ on a fresh SQLite file, at E2E_PORT or a free port.
 */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  // dist/ holds the compiled plugins' package.json files too: jest must not see two modules of one name.
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', isolatedModules: true }] },
  testTimeout: 300000,
  verbose: true,
};
