/**
 * Benchmarks that need TypeScript sources (bench/*.bench.ts), run by `npm run bench`
 * (scripts/bench.mjs) through ts-jest; not part of `npm test`.
 * @type {import('jest').Config}
 */
module.exports = {
  // ts-jest compiles with tsconfig.test.json: src/ plus the tests, with the jest and node types
  // that tsconfig.json (src only, what webpack builds) leaves out.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/bench'],
  testMatch: ['**/*.bench.ts'],
  testTimeout: 600000,
};
