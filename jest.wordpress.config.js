/**
 * Contract tests against a real WordPress (tests/wordpress): slow, and they need the site that
 * scripts/wordpress/setup.sh prepares, so they run apart from `npm test` as `npm run test:wordpress`.
 * One file at a time: each starts its own PHP servers and gateway processes, and on a 2-core machine
 * running them side by side only makes every request slower.
 *
 * @type {import('jest').Config}
 */
module.exports = {
  ...require('./jest.config.js'),
  roots: ['<rootDir>/tests/wordpress'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 60000,
};
