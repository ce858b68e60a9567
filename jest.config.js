/** @type {import('jest').Config} */
module.exports = {
  // ts-jest compiles with tsconfig.test.json: src/ plus the tests, with the jest and node types
  // that tsconfig.json (src only, what webpack builds) leaves out.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // End-to-end tests (a browser, a built dist/) run on their own, not in `npm test`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  moduleNameMapper: {
    // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose main entry
    // pulls ES-module-only packages (strip-bom, uuid) that Jest cannot load; map it to the file that
    // defines the enum (see ../shared/TOOLCHAIN.md).
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
};
