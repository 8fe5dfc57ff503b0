/** Browser tests against the built admin (npm run test:e2e): their own Strapi on a port of 13000-13999, fresh SQLite. */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', isolatedModules: true }] },
  testTimeout: 300000,
  verbose: true,
};
