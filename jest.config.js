/** One Strapi instance and one fresh database per run: see tests/helpers/. */
module.exports = {
  testEnvironment: '<rootDir>/tests/helpers/strapi-environment.ts',
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/', '/tests/e2e/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', isolatedModules: true }] },
  testTimeout: 60000,
  verbose: true,
};
