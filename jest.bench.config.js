/**
 * Benchmarks that need TypeScript sources (bench/*.bench.ts), run by `npm run bench`
 * (scripts/bench.mjs) through ts-jest; not part of `npm test`.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/bench"],
  testMatch: ["**/*.bench.ts"],
  testTimeout: 600000,
};
