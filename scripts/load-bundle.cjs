// Loads the production bundle dist/functions.js the way Excel's Custom Functions runtime does, so the
// contract tests (test/contract/bundle.ts wraps this file) and the benchmark (scripts/bench.mjs)
// call exactly what ships, through the CustomFunctions.associate wiring the metadata plugin appends.
//
// The bundle runs in a fresh `vm` context whose only globals, besides JavaScript's own, are:
//  - CustomFunctions: `associate(id, fn)` recording into a Map, `Error` and `ErrorCode` mirroring
//    the runtime's (office-js dist/custom-functions-runtime.js: CustomFunctionError extends Error,
//    `new Error(code, message?)`, fields `code` and `message`, code defaulting to #VALUE!);
//  - console.
// The bundle references no window, self or document (checked when this was written), so none is given:
// a bundle that starts needing one fails here with a ReferenceError instead of passing by accident.
// The context's globals are bound as locals around the bundle (see bindGlobals), so that global
// look-ups cost what they cost in Excel's webview and `npm run bench` measures the bundle, not `vm`.

'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const DIST = path.resolve(__dirname, '..', 'dist');

/** The values of CustomFunctions.ErrorCode, as the runtime defines them. */
const ErrorCode = Object.freeze({
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
});

/** A stand-in for CustomFunctions.Error (the runtime's CustomFunctionError). */
class CustomFunctionError extends Error {
  /**
   * @param {string} code one of the ErrorCode values
   * @param {string} [message]
   */
  constructor(code, message) {
    super(message || '');
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'CustomFunctionError';
    /** @type {string} */
    this.code = code || ErrorCode.invalidValue;
    // As the runtime does: Excel shows the code and message, never a stack.
    this.stack = undefined;
  }
}

/**
 * The path of a built file, or an error that says how to make it.
 * @param {string} name file name inside dist/
 * @returns {string}
 */
function distFile(name) {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file) || file} is missing: run npm run build first`);
  }
  return file;
}

/**
 * Wraps `code` so that every global of `context` (its own Math, Array, Float64Array..., and the
 * CustomFunctions and console given to it) is a local binding.
 *
 * Why: in a `vm` context every global lookup goes through a C++ interceptor, which made the
 * bundle's `Math.max` in its per-cell loop about 30x slower than in a browser (a 500 x 500
 * MUNITION_DAYS grid: 25 ms in the context, 0.7 ms in Node's main context). Bound as locals, the
 * lookups cost what they cost in Excel's webview. The values are the context's own, so the bundle
 * still sees a fresh realm, and a global the context lacks (window, self, document) still throws.
 * The wrapper takes one line of its own, hence `lineOffset: -1` where it runs.
 *
 * @param {vm.Context} context
 * @param {string} code
 * @returns {string}
 */
function bindGlobals(context, code) {
  /** @type {string[]} */
  const names = vm.runInContext('Object.getOwnPropertyNames(globalThis)', context);
  const bindable = names.filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'eval' && n !== 'arguments');
  return `(function (global$) { const { ${bindable.join(', ')} } = global$;\n${code}\n})(globalThis);`;
}

/**
 * Runs dist/functions.js and returns what it associated.
 * @param {{ realm?: "own" | "this" }} [options] `own` (default, for tests): a fresh vm context, so
 *   the bundle sees no global it would not have in Excel. `this` (for the benchmark): this realm, so
 *   inputs, bundle and outputs share one realm as in Excel's runtime; a vm context adds cross-realm
 *   and interceptor costs Excel does not have (2.7x a bare loop there against 1.8x here).
 * @returns {{ functions: Map<string, (...args: unknown[]) => unknown>, ids: string[], ErrorClass: typeof CustomFunctionError, ErrorCode: typeof ErrorCode }}
 *   `functions` maps each id to its function; `ids` lists every associate call in order (duplicates included).
 */
function loadBundle(options = {}) {
  const realm = options.realm ?? 'own';
  const file = distFile('functions.js');
  const code = fs.readFileSync(file, 'utf8');
  /** @type {Map<string, (...args: unknown[]) => unknown>} */
  const functions = new Map();
  /** @type {string[]} */
  const ids = [];
  const CustomFunctions = {
    /**
     * @param {string} id
     * @param {(...args: unknown[]) => unknown} fn
     */
    associate(id, fn) {
      if (typeof id !== 'string' || typeof fn !== 'function') {
        throw new TypeError(`CustomFunctions.associate(${String(id)}, ${typeof fn}): expected an id and a function`);
      }
      ids.push(id);
      functions.set(id, fn);
    },
    Error: CustomFunctionError,
    ErrorCode,
  };
  if (realm === 'this') {
    // As a <script> in the page that hosts the runtime: the bundle, its inputs and its outputs share
    // one realm, as in Excel's runtime. Only CustomFunctions and console are passed in; any other
    // global the bundle used would be this process's.
    new Function('CustomFunctions', 'console', code)(CustomFunctions, console);
  } else {
    const context = vm.createContext({ CustomFunctions, console });
    vm.runInContext(bindGlobals(context, code), context, { filename: file, lineOffset: -1 });
  }
  return { functions, ids, ErrorClass: CustomFunctionError, ErrorCode };
}

module.exports = { loadBundle, distFile, DIST, ErrorCode, CustomFunctionError };
