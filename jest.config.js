/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Contract tests against a real WordPress run on their own: npm run test:wordpress.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/wordpress/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // jose 6 ships ES modules only, and Jest on Node 20 loads CommonJS: its files are compiled like ours.
    // (Node itself loads it with require(esm), so the built gateway needs no such step.)
    '/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 20000,
};
