// LibreOffice tests (npm run test:calc): the command line's .xlsx files opened in LibreOffice Calc
// (headless, through UNO: scripts/calc.py), recalculated there and compared with the model's data.
// Needs `apt-get install -y libreoffice-calc-nogui python3-uno` (.ci/run installs them when missing).
/** @type {import('jest').Config} */
module.exports = {
  // ts-jest compiles with tsconfig.test.json: src/ plus the tests, with the jest and node types.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/test/calc'],
  testMatch: ['**/*.calc.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};
