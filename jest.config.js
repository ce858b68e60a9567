/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // End-to-end tests (a browser, a built dist/) run on their own, not in `npm test`.
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  moduleNameMapper: {
    // office-addin-mock imports office-addin-manifest, whose ES-module dependencies (strip-bom, uuid)
    // Jest cannot load; its CommonJS entry loads fine (see ../shared/TOOLCHAIN.md). Harmless until
    // a test uses office-addin-mock.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/main.js",
  },
};
