// Browser tests (npm run test:e2e): the preview page in Chromium, driven by playwright-core.
// The first test file builds the preview, the others serve that build (test/e2e/harness.ts); Chromium is /usr/bin/chromium unless CHROMIUM_PATH says otherwise.
/** @type {import('jest').Config} */
module.exports = {
  // ts-jest compiles with tsconfig.test.json: src/ plus the tests, with the jest and node types
  // that tsconfig.json (src only, what webpack builds) leaves out.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 180_000,
  // One browser at a time, in one process: the test files share one build of the preview (harness.ts).
  maxWorkers: 1,
};
