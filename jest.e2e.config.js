// Browser tests (npm run test:e2e): the preview page in Chromium, driven by playwright-core.
// Each test file builds what it serves; Chromium is /usr/bin/chromium unless CHROMIUM_PATH says otherwise.
/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testTimeout: 180_000,
};
