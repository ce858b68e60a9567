// ESLint 9 flat config.
//  - TypeScript under src/, test/, bench/: typescript-eslint's type-checked recommended rules, and
//    eslint-plugin-office-addins' rules (Office.js load/sync mistakes, context.sync() in loops).
//  - src/model and src/data stay pure: no Office, Excel, DOM or browser globals, and no imports from
//    the layers above them (functions, taskpane, preview, workbook, session) or from Office.js.
//  - src/workbook is pure plans and the writer contract: no async functions or await, no Office,
//    Excel, DOM or browser globals, no imports from the taskpane, preview or session or from Office.js.
//  - JavaScript config files and scripts: ESLint's recommended rules with Node globals.
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

const rootDir = fileURLToPath(new URL('.', import.meta.url));

// The plugin's own `recommended` config also registers its private copies of typescript-eslint and
// prettier, which clash with ours; take its rules and nothing else. Its parser falls back to the
// default one unless set, so @typescript-eslint/parser is set explicitly below.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended.flatMap((config) => Object.entries(config.rules ?? {})).filter(([name]) => name.startsWith('office-addins/')),
);

const nodeGlobals = {
  Buffer: 'readonly',
  URL: 'readonly',
  clearInterval: 'readonly',
  clearTimeout: 'readonly',
  console: 'readonly',
  process: 'readonly',
  setInterval: 'readonly',
  setTimeout: 'readonly',
};

const commonJsGlobals = { __dirname: 'readonly', __filename: 'readonly', module: 'writable', require: 'readonly' };

export default defineConfig([
  globalIgnores(['dist/', 'dist-preview/', 'node_modules/', 'coverage/', 'test-results/']),

  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: rootDir },
    },
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeAddinsRules,
      '@typescript-eslint/no-explicit-any': 'error',
      // Excel shows a custom function's error only when it throws a CustomFunctions.Error, which
      // does not extend Error.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'package', package: 'custom-functions-runtime', name: 'Error' },
            // A CustomFunctions.Error in Excel, a plain object of the same shape elsewhere.
            { from: 'file', name: 'ExcelError', path: 'src/functions/errors.ts' },
          ],
        },
      ],
    },
  },

  {
    files: ['src/model/**/*.ts', 'src/data/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'Office', 'Excel', 'CustomFunctions'].map((name) => ({
          name,
          message: 'src/model and src/data are pure: no Office, Excel or DOM. Pass values in instead.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'office-js', message: 'src/model and src/data must not depend on Office.js.' },
            { name: '@microsoft/office-js', message: 'src/model and src/data must not depend on Office.js.' },
          ],
          patterns: [
            {
              group: [
                '**/functions',
                '**/functions/**',
                '**/taskpane',
                '**/taskpane/**',
                '**/preview',
                '**/preview/**',
                '**/workbook',
                '**/workbook/**',
                '**/session',
                '**/session/**',
              ],
              message: 'Imports point one way: model and data know nothing of the layers above them.',
            },
            { group: ['@microsoft/office-js/**', 'office-js/**'], message: 'src/model and src/data must not depend on Office.js.' },
          ],
        },
      ],
    },
  },

  {
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ':function[async=true]',
          message: 'src/workbook is pure: no async functions. Orchestration over a writer belongs in src/session.',
        },
        { selector: 'AwaitExpression', message: 'src/workbook is pure: no await. Orchestration over a writer belongs in src/session.' },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'Office', 'Excel', 'CustomFunctions', 'fetch', 'setTimeout', 'setInterval'].map((name) => ({
          name,
          message: 'src/workbook is pure: no Office, Excel, DOM or timers. Writers and the session pass values in.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'office-js', message: 'src/workbook must not depend on Office.js.' },
            { name: '@microsoft/office-js', message: 'src/workbook must not depend on Office.js.' },
          ],
          patterns: [
            {
              group: ['**/taskpane', '**/taskpane/**', '**/preview', '**/preview/**', '**/session', '**/session/**'],
              message: 'Imports point one way: plans and the writer contract know nothing of the writers or the session.',
            },
            { group: ['@microsoft/office-js/**', 'office-js/**'], message: 'src/workbook must not depend on Office.js.' },
          ],
        },
      ],
    },
  },

  {
    // The .xlsx writer and the command line use ExcelJS, whose getCell/value look like Office.js to
    // the office-addins rules; they never call Office.js.
    files: ['src/xlsx/**/*.ts', 'src/cli/**/*.ts', 'test/xlsx/**/*.ts', 'test/cli/**/*.ts'],
    rules: Object.fromEntries(Object.keys(officeAddinsRules).map((name) => [name, 'off'])),
  },

  {
    files: ['**/*.js', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
  },

  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
]);
