/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Contract tests against a real WordPress run on their own: npm run test:wordpress.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/wordpress/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 20000,
};
