// npm run bench: what the DEF functions cost as Excel runs them, and what the add-in weighs.
//
// 1. Speed. A 500 x 500 sensitivity table, =DEF.MUNITION_DAYS(A2:A501, B1:SG1, 1000), is the
//    largest kind of call the add-in is built for (250,000 cells, just under the 262,144-cell cap).
//    It is timed through the production bundle's associated function (argument parsing, checks,
//    broadcasting, error mapping), loaded into this realm as Excel's runtime loads it into its page
//    (inputs, bundle and outputs in one realm), and called exactly as Excel calls it: stock a 500 x 1 column,
//    daily_use a 1 x 500 row, daily_production [[1000]]. The baseline is a plain loop over the same
//    2-D inputs writing a new 2-D array with the same arithmetic, stock / (use - production), and
//    no checks: the least any implementation could do. The wrapper's target is at most 2x the loop.
//    Both are warmed up, the two outputs are compared cell by cell (a mismatch exits 1), then the
//    runs alternate so that drift in machine load hits both alike; medians and best times are shown.
// 2. Size. The production files Office downloads: dist/functions.js (the custom functions with all
//    reference data; target < 100 kB minified), its gzip size, functions.json and taskpane.js.
//
// 3. Sensitivity tables. A 50 x 50 two-way table of deployed force (line_km x density_per_km2) in
//    the preview engine: driven (set inputs, recalculate, read: one round trip per point, as the
//    pane does where the output is not a live formula) against the live path (one spilled
//    DEF.FORCE_SIZE over the axes: write the sheet, evaluate, read). Run by bench/sensitivity.bench.ts
//    through jest.bench.config.js (ts-jest); the two tables must agree cell by cell.
//
// 4. Error paths and per-cell costs (issue 8), through the same bundle, each against a baseline in
//    the same process (interleaved runs, medians):
//    - the 500 x 500 MUNITION_DAYS grid with 10 % of its cells #N/A (50 of the 500 daily_use
//      columns at or below production: no finite answer), against the clean grid (target <= 2x);
//    - the same grid with 10 % of its rows reading an #N/A cell (50 stock cells are
//      CustomFunctions.Error #N/A, passed on), against the clean grid;
//    - a 500 x 500 stock grid argument with one text cell, against the same grid all numbers
//      (target <= 3x);
//    - FUND_SHARE (500 countries x 500 amounts, GDP key) against a bare loop that multiplies each
//      amount by its country's share, looked up once a row (target <= 4x);
//    - FORCE_COST (500 personnel x 500 costs x 3 years) against a bare loop p × c × y (target <= 2x);
//    - how long a whole column (1,048,576 x 1, every cell text) takes to be refused by FORCE_SIZE
//      and SOURCE (target: well under 100 ms), and the heap it leaves behind.
//
// 5. Time paths and trials (issues 10 and 12), through the same bundle, each against a bare loop of
//    the same arithmetic in the same process (interleaved runs, medians; ratios, no targets):
//    - MUNITION_PATH over 240 months and 1,000 scenarios (a row of daily uses): a 240 x 1,000 table;
//    - FUND_SCHEDULE over 30 years (30 x 5), timed as 1,000 calls;
//    - TRIALS, 10,000 trials of one variable (HDR_2_0 uniforms, 3-term Metalog).
//
// Prints a table; no pass/fail exit code except for a mismatch between two outputs.
// The bundle is built first (npm run build) when dist/functions.js is missing or older than src/.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const ROWS = 500;
const COLS = 500;
const PRODUCTION = 1000;
const WARMUP = 30;
const RUNS = 60;

/** Newest modification time of any file under `dir`, in ms. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

function buildIfStale() {
  const bundle = path.join(root, 'dist', 'functions.js');
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : -1;
  const sources = Math.max(newestMtime(path.join(root, 'src')), fs.statSync(path.join(root, 'webpack.config.js')).mtimeMs);
  if (built >= sources) return;
  console.log(built < 0 ? 'dist/functions.js is missing: npm run build' : 'dist/functions.js is older than src/: npm run build');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--silent', '--', '--stats=errors-warnings'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('npm run build failed');
    process.exit(result.status ?? 1);
  }
  // webpack leaves an unchanged file untouched (help.html edits do not change the bundle); mark it
  // as built now so the next run does not build again.
  const now = new Date();
  fs.utimesSync(bundle, now, now);
}

/** The baseline: the same 2-D inputs, the same arithmetic, a new 2-D output, no checks. */
function plainLoop(stock, dailyUse, dailyProduction) {
  const rows = stock.length;
  const use = dailyUse[0];
  const cols = use.length;
  const p = dailyProduction[0][0];
  const out = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const s = stock[r][0];
    const row = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = s / (use[c] - p);
    out[r] = row;
  }
  return out;
}

/** The first cell where `a` and `b` differ, or null. */
function firstDifference(a, b) {
  if (!Array.isArray(a) || a.length !== b.length) return `rows: ${Array.isArray(a) ? a.length : typeof a} vs ${b.length}`;
  for (let r = 0; r < b.length; r++) {
    if (!Array.isArray(a[r]) || a[r].length !== b[r].length) return `row ${r} length`;
    for (let c = 0; c < b[r].length; c++) {
      if (!Object.is(a[r][c], b[r][c])) return `(${r}, ${c}): wrapper ${String(a[r][c])}, plain ${b[r][c]}`;
    }
  }
  return null;
}

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (t) => `${t.toFixed(2)} ms`;
const pad = (s, n) => String(s).padStart(n);

buildIfStale();
const { loadBundle } = require('./load-bundle.cjs');
const { functions } = loadBundle({ realm: 'this' });
const munitionDays = functions.get('MUNITION_DAYS');
if (typeof munitionDays !== 'function') {
  console.error('dist/functions.js does not associate MUNITION_DAYS');
  process.exit(1);
}

// Inputs as Excel passes them: every argument a 2-D array. Use always exceeds production.
const stock = Array.from({ length: ROWS }, (_, r) => [100000 + 1000 * r]);
const dailyUse = [Array.from({ length: COLS }, (_, c) => 2000 + 10 * c)];
const dailyProduction = [[PRODUCTION]];

const difference = firstDifference(munitionDays(stock, dailyUse, dailyProduction), plainLoop(stock, dailyUse, dailyProduction));
if (difference !== null) {
  console.error(`MISMATCH between the wrapper and the plain loop at ${difference}`);
  process.exit(1);
}

let sink = 0;
const time = (f) => {
  const t0 = performance.now();
  const out = f(stock, dailyUse, dailyProduction);
  const t = performance.now() - t0;
  sink += out[ROWS - 1][COLS - 1];
  return t;
};
for (let i = 0; i < WARMUP; i++) {
  time(munitionDays);
  time(plainLoop);
}
const wrapperTimes = [];
const plainTimes = [];
for (let i = 0; i < RUNS; i++) {
  // Alternate which goes first, so neither always follows the other's garbage.
  if (i % 2 === 0) {
    wrapperTimes.push(time(munitionDays));
    plainTimes.push(time(plainLoop));
  } else {
    plainTimes.push(time(plainLoop));
    wrapperTimes.push(time(munitionDays));
  }
}
if (!Number.isFinite(sink)) console.log('');

const wMed = median(wrapperTimes);
const pMed = median(plainTimes);
const wMin = Math.min(...wrapperTimes);
const pMin = Math.min(...plainTimes);
const ratio = wMed / pMed;
const minRatio = wMin / pMin;

const file = (name) => path.join(root, 'dist', name);
const size = (name) => (fs.existsSync(file(name)) ? fs.statSync(file(name)).size : NaN);
const functionsJs = size('functions.js');
const gzipped = zlib.gzipSync(fs.readFileSync(file('functions.js'))).length;

const lines = [
  `DefEcon bench (node ${process.version}, ${process.platform}/${process.arch})`,
  '',
  `DEF.MUNITION_DAYS, ${ROWS} x ${COLS} = ${(ROWS * COLS).toLocaleString('en')} cells: stock ${ROWS} x 1, daily_use 1 x ${COLS}, daily_production 1 x 1`,
  `outputs equal cell by cell; ${WARMUP} warm-up and ${RUNS} timed runs each, interleaved`,
  '',
  `                          ${pad('median', 10)} ${pad('best', 10)}`,
  `  associated wrapper      ${pad(ms(wMed), 10)} ${pad(ms(wMin), 10)}`,
  `  plain loop              ${pad(ms(pMed), 10)} ${pad(ms(pMin), 10)}`,
  `  ratio wrapper / plain   ${pad(`${ratio.toFixed(2)}x`, 10)} ${pad(`${minRatio.toFixed(2)}x`, 10)}   target <= 2x: ${ratio <= 2 ? 'met' : 'NOT met'} (median)`,
  '',
  'production bundle (dist/)',
  `  functions.js            ${pad(kB(functionsJs), 10)}   target < 100 kB: ${functionsJs < 100_000 ? 'met' : 'NOT met'}`,
  `  functions.js, gzip      ${pad(kB(gzipped), 10)}`,
  `  functions.json          ${pad(kB(size('functions.json')), 10)}`,
  `  taskpane.js             ${pad(kB(size('taskpane.js')), 10)}`,
];
console.log(lines.join('\n'));

// 4. Error paths and per-cell costs.
const fn = (id) => {
  const f = functions.get(id);
  if (typeof f !== 'function') {
    console.error(`dist/functions.js does not associate ${id}`);
    process.exit(1);
  }
  return f;
};
const { CustomFunctionError } = require('./load-bundle.cjs');

/** Median times of `a()` and `b()` over interleaved runs, after a warm-up; returns [a, b] in ms. */
function interleaved(a, b, runs = RUNS, warmup = WARMUP) {
  const timeOf = (f) => {
    const t0 = performance.now();
    const out = f();
    const t = performance.now() - t0;
    if (Array.isArray(out) && Array.isArray(out[0]) && typeof out[0][0] === 'number') sink += out[0][0];
    return t;
  };
  for (let i = 0; i < warmup; i++) {
    timeOf(a);
    timeOf(b);
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ta.push(timeOf(a));
      tb.push(timeOf(b));
    } else {
      tb.push(timeOf(b));
      ta.push(timeOf(a));
    }
  }
  return [median(ta), median(tb)];
}

/** Cells of `got` that are numbers where `want` is, within a relative 1e-15 (the order of a product may differ). */
function firstNumericDifference(got, want) {
  for (let r = 0; r < want.length; r++) {
    for (let c = 0; c < want[r].length; c++) {
      const a = got[r]?.[c];
      const b = want[r][c];
      if (typeof a !== 'number' || Math.abs(a - b) > 1e-15 * Math.abs(b)) return `(${r}, ${c}): ${String(a)} vs ${b}`;
    }
  }
  return null;
}

/** Counts the error cells of a result and checks they are `code`; exits on anything else. */
function countErrors(out, code, label) {
  let n = 0;
  for (const row of out) {
    for (const x of row) {
      if (typeof x === 'number') continue;
      if (!(x instanceof CustomFunctionError) || x.code !== code) {
        console.error(`${label}: expected numbers and ${code}, got ${String(x?.code ?? x)}`);
        process.exit(1);
      }
      n++;
    }
  }
  return n;
}

// 10 % of the cells without a finite answer: every 10th daily_use column is at production.
const useNa = [dailyUse[0].map((u, c) => (c % 10 === 0 ? PRODUCTION : u))];
const naCells = countErrors(munitionDays(stock, useNa, dailyProduction), '#N/A', '10 % #N/A grid');
const [naTime, cleanForNa] = interleaved(
  () => munitionDays(stock, useNa, dailyProduction),
  () => munitionDays(stock, dailyUse, dailyProduction),
);

// The least any implementation could do for that grid: a bare loop writing the same numbers, and
// one shared error object where use does not exceed production. A row holding an object boxes its
// numbers (V8), so this, not the clean grid, is the floor for a grid with errors.
const naError = new CustomFunctionError('#N/A', 'no finite answer');
const naLoop = () => {
  const use = useNa[0];
  const p = dailyProduction[0][0];
  const out = new Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const s = stock[r][0];
    const row = new Array(COLS);
    for (let c = 0; c < COLS; c++) row[c] = use[c] > p ? s / (use[c] - p) : naError;
    out[r] = row;
  }
  return out;
};
const [naTimeAgain, naLoopTime] = interleaved(() => munitionDays(stock, useNa, dailyProduction), naLoop);

// 10 % of the rows read an #N/A cell: every 10th stock cell is the runtime's #N/A error.
const stockNa = stock.map((row, r) => (r % 10 === 0 ? [new CustomFunctionError('#N/A')] : row));
const upstreamCells = countErrors(munitionDays(stockNa, dailyUse, dailyProduction), '#N/A', 'upstream #N/A grid');
const [upstreamTime, cleanForUpstream] = interleaved(
  () => munitionDays(stockNa, dailyUse, dailyProduction),
  () => munitionDays(stock, dailyUse, dailyProduction),
);

// A 500 x 500 stock grid with one text cell, against the same grid all numbers.
const stockGrid = Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLS }, (_, c) => 100000 + 1000 * r + c));
const stockGridText = stockGrid.map((row) => row.slice());
stockGridText[ROWS >> 1][COLS >> 1] = 'n/a';
const textCells = (() => {
  let n = 0;
  for (const row of munitionDays(stockGridText, dailyUse, dailyProduction)) for (const x of row) if (typeof x !== 'number') n++;
  return n;
})();
const [textTime, cleanGridTime] = interleaved(
  () => munitionDays(stockGridText, dailyUse, dailyProduction),
  () => munitionDays(stockGrid, dailyUse, dailyProduction),
);

// FUND_SHARE: 500 countries (the GDP key's 29, repeated) x 500 amounts, against a bare loop.
const fundKeyFn = fn('FUND_KEY');
const fundShareFn = fn('FUND_SHARE');
const GDP_CODES = [
  'BE',
  'BG',
  'CZ',
  'DK',
  'DE',
  'EE',
  'IE',
  'GR',
  'ES',
  'FR',
  'HR',
  'IT',
  'CY',
  'LV',
  'LT',
  'LU',
  'HU',
  'MT',
  'NL',
  'AT',
  'PL',
  'PT',
  'RO',
  'SI',
  'SK',
  'FI',
  'SE',
  'GB',
  'NO',
];
const countries = Array.from({ length: ROWS }, (_, r) => [GDP_CODES[r % GDP_CODES.length]]);
const amounts = [Array.from({ length: COLS }, (_, c) => 1000 + 7 * c)];
const gdp = [['GDP']];
// Each country's share, read once through FUND_KEY (outside the timing): the least a loop could know.
const shareOf = new Map(GDP_CODES.map((code) => [code, fundKeyFn([[code]], gdp, null)[0][0]]));
const fundLoop = () => {
  const amt = amounts[0];
  const out = new Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const s = shareOf.get(countries[r][0]);
    const row = new Array(COLS);
    for (let c = 0; c < COLS; c++) row[c] = amt[c] * s;
    out[r] = row;
  }
  return out;
};
const fundDiff = firstDifference(fundShareFn(countries, amounts, gdp, null), fundLoop());
if (fundDiff !== null) {
  console.error(`MISMATCH between FUND_SHARE and its bare loop at ${fundDiff}`);
  process.exit(1);
}
const [fundTime, fundLoopTime] = interleaved(() => fundShareFn(countries, amounts, gdp, null), fundLoop);

// FORCE_COST: 500 personnel x 500 costs x 3 years, against a bare loop.
const forceCostFn = fn('FORCE_COST');
const personnel = Array.from({ length: ROWS }, (_, r) => [1000.5 + 10 * r]);
const costs = [Array.from({ length: COLS }, (_, c) => 50000.25 + 100 * c)];
const years = [[3]];
const costLoop = () => {
  const y = years[0][0];
  const cs = costs[0];
  const out = new Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    const p = personnel[r][0];
    const row = new Array(COLS);
    for (let c = 0; c < COLS; c++) row[c] = p * cs[c] * y;
    out[r] = row;
  }
  return out;
};
const costDiff = firstNumericDifference(forceCostFn(personnel, costs, years), costLoop());
if (costDiff !== null) {
  console.error(`MISMATCH between FORCE_COST and its bare loop at ${costDiff}`);
  process.exit(1);
}
const [costTime, costLoopTime] = interleaved(() => forceCostFn(personnel, costs, years), costLoop);

// Whole columns of text: refused from their length.
const WHOLE_COLUMN = 1_048_576;
const textColumn = Array.from({ length: WHOLE_COLUMN }, () => ['text']);
const refusal = (f, args) => {
  const times = [];
  let code = '';
  if (typeof globalThis.gc === 'function') globalThis.gc();
  const heap0 = process.memoryUsage().heapUsed;
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    try {
      f(...args);
    } catch (e) {
      code = e instanceof CustomFunctionError ? e.code : String(e);
    }
    times.push(performance.now() - t0);
  }
  const heap = process.memoryUsage().heapUsed - heap0;
  return { first: times[0], median: median(times), code, heap };
};
const sizeRefusal = refusal(fn('FORCE_SIZE'), [textColumn, [[1]], null, null]);
const sourceRefusal = refusal(fn('SOURCE'), [textColumn]);

const ratioLine = (label, a, b, target) =>
  `  ${label.padEnd(44)} ${pad(ms(a), 10)} ${pad(ms(b), 10)} ${pad(`${(a / b).toFixed(2)}x`, 8)}` +
  (target === undefined ? '' : `   target <= ${target}x: ${a / b <= target ? 'met' : 'NOT met'}`);
const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  [
    '',
    `error paths and per-cell costs (bundle), medians of ${RUNS} interleaved runs after ${WARMUP} warm-ups`,
    `  ${''.padEnd(44)} ${pad('this', 10)} ${pad('baseline', 10)} ${pad('ratio', 8)}`,
    ratioLine(`MUNITION_DAYS, ${naCells.toLocaleString('en')} #N/A cells (10 %) / clean`, naTime, cleanForNa, 2),
    ratioLine(`  the same / bare loop writing the same cells`, naTimeAgain, naLoopTime),
    ratioLine(`MUNITION_DAYS, ${upstreamCells.toLocaleString('en')} cells reading #N/A / clean`, upstreamTime, cleanForUpstream),
    ratioLine(`MUNITION_DAYS 500 x 500 stock, 1 text cell (${textCells} error) / clean`, textTime, cleanGridTime, 3),
    ratioLine('FUND_SHARE 500 x 500 / bare loop', fundTime, fundLoopTime, 4),
    ratioLine('FORCE_COST 500 x 500 / bare loop', costTime, costLoopTime, 2),
    '',
    `whole column (${WHOLE_COLUMN.toLocaleString('en')} x 1 of text) refused, 21 calls each`,
    `  FORCE_SIZE(A:A, 1)    first ${pad(ms(sizeRefusal.first), 10)}  median ${pad(ms(sizeRefusal.median), 10)}  ${sizeRefusal.code}  heap after 21 calls ${MB(sizeRefusal.heap)}` +
      `   target < 100 ms: ${sizeRefusal.first < 100 ? 'met' : 'NOT met'}`,
    `  SOURCE(A:A)           first ${pad(ms(sourceRefusal.first), 10)}  median ${pad(ms(sourceRefusal.median), 10)}  ${sourceRefusal.code}  heap after 21 calls ${MB(sourceRefusal.heap)}` +
      `   target < 100 ms: ${sourceRefusal.first < 100 ? 'met' : 'NOT met'}`,
  ].join('\n'),
);
if (!Number.isFinite(sink)) console.log('');

// 5. Time paths and trials.
const PERIODS = 240;
const SCENARIOS = 1000;
const munitionPathFn = fn('MUNITION_PATH');
const pathUse = [Array.from({ length: SCENARIOS }, (_, c) => 5000 + 10 * c)];
const pathArgs = [[[2000000]], pathUse, [[3000]], [[PERIODS]], null];
const pathLoop = () => {
  const u = pathUse[0];
  const p = 3000;
  const d = 365 / 12;
  const s = new Float64Array(SCENARIOS).fill(2000000);
  const out = new Array(PERIODS);
  for (let t = 0; t < PERIODS; t++) {
    const row = new Array(SCENARIOS);
    for (let c = 0; c < SCENARIOS; c++) row[c] = s[c] = Math.max(0, s[c] + (p - u[c]) * d);
    out[t] = row;
  }
  return out;
};
const pathDiff = firstDifference(munitionPathFn(...pathArgs), pathLoop());
if (pathDiff !== null) {
  console.error(`MISMATCH between MUNITION_PATH and its bare loop at ${pathDiff}`);
  process.exit(1);
}
const [pathTime, pathLoopTime] = interleaved(() => munitionPathFn(...pathArgs), pathLoop);

const SCHEDULE_CALLS = 1000;
const fundScheduleFn = fn('FUND_SCHEDULE');
const scheduleArgs = [[[40]], [[0.03]], [[10]], [[30]], null];
const scheduleLoop = () => {
  const m = 10;
  const out = new Array(30);
  for (let t = 0; t < 30; t++) {
    let outstanding = 0;
    for (let k = Math.max(0, t - m + 1); k <= t; k++) outstanding += 40;
    out[t] = [40, outstanding, 0.03 * outstanding, t - m + 1 >= 0 ? 40 : 0, 1.65 * outstanding];
  }
  return out;
};
const scheduleDiff = firstDifference(fundScheduleFn(...scheduleArgs), scheduleLoop());
if (scheduleDiff !== null) {
  console.error(`MISMATCH between FUND_SCHEDULE and its bare loop at ${scheduleDiff}`);
  process.exit(1);
}
const repeat = (f) => () => {
  let out;
  for (let i = 0; i < SCHEDULE_CALLS; i++) out = f();
  return out;
};
const [scheduleTime, scheduleLoopTime] = interleaved(
  repeat(() => fundScheduleFn(...scheduleArgs)),
  repeat(scheduleLoop),
);

// TRIALS: the HDR_2_0 uniform (Hubbard 2019; seeds small enough that no product passes 2^53) and
// the symmetric 3-term Metalog through 10, 20, 30, written out.
const TRIAL_COUNT = 10000;
const trialsFn = fn('TRIALS');
const trialsArgs = [[[10]], [[20]], [[30]], [[1]], [[TRIAL_COUNT]], null, null, null];
const hdr = (i, v, e) => {
  const s1 = (i * 2499997 + v * 1800451 + e * 2000371) % 7450589;
  const a = ((999999999999989 % (s1 * 4658 + 7450581)) * 383) % 99991;
  const s2 = (i * 2246527 + v * 2399993 + e * 2100869) % 7450987;
  const b = ((999999999999989 % (s2 * 7580 + 7560584)) * 17669) % 7440893;
  return ((((a * 7440893 + b) * 1343) % 4294967296) + 0.5) / 4294967296;
};
const trialsLoop = () => {
  const r = Math.log((1 - 0.1) / 0.1);
  const a1 = 20;
  const a2 = (30 - 10) / (2 * r);
  const a3 = (10 + 30 - 2 * 20) / ((1 - 2 * 0.1) * r);
  const out = new Array(TRIAL_COUNT);
  for (let i = 0; i < TRIAL_COUNT; i++) {
    const u = hdr(i + 1, 1, 1);
    const l = Math.log(u / (1 - u));
    out[i] = [a1 + a2 * l + a3 * (u - 0.5) * l];
  }
  return out;
};
const trialsDiff = firstDifference(trialsFn(...trialsArgs), trialsLoop());
if (trialsDiff !== null) {
  console.error(`MISMATCH between TRIALS and its bare loop at ${trialsDiff}`);
  process.exit(1);
}
const [trialsTime, trialsLoopTime] = interleaved(() => trialsFn(...trialsArgs), trialsLoop);

console.log(
  [
    '',
    `time paths and trials (bundle), medians of ${RUNS} interleaved runs after ${WARMUP} warm-ups; outputs equal cell by cell`,
    `  ${''.padEnd(44)} ${pad('this', 10)} ${pad('baseline', 10)} ${pad('ratio', 8)}`,
    ratioLine(`MUNITION_PATH ${PERIODS} x ${SCENARIOS.toLocaleString('en')} (row of uses) / bare loop`, pathTime, pathLoopTime),
    ratioLine(`FUND_SCHEDULE 30 years x 5, ${SCHEDULE_CALLS.toLocaleString('en')} calls / bare loop`, scheduleTime, scheduleLoopTime),
    ratioLine(`TRIALS ${TRIAL_COUNT.toLocaleString('en')} trials / bare loop`, trialsTime, trialsLoopTime),
  ].join('\n'),
);
if (!Number.isFinite(sink)) console.log('');

// 3. Sensitivity tables, through the TypeScript sources (ts-jest).
const benchOut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'defecon-bench-')), 'sensitivity.json');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const jestRun = spawnSync(npx, ['jest', '--config', 'jest.bench.config.js', '--silent'], {
  cwd: root,
  env: { ...process.env, BENCH_OUT: benchOut },
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
if (!fs.existsSync(benchOut)) {
  console.error(`\nsensitivity bench did not run:\n${jestRun.stdout ?? ''}${jestRun.stderr ?? ''}`);
  process.exit(jestRun.status ?? 1);
}
const sens = JSON.parse(fs.readFileSync(benchOut, 'utf8'));
if (sens.mismatch !== null) {
  console.error(`MISMATCH between the driven and the live table at ${sens.mismatch}`);
  process.exit(1);
}
const perPoint = sens.drivenMedian / sens.points;
console.log(
  [
    '',
    `sensitivity table, ${sens.steps} x ${sens.steps} = ${sens.points.toLocaleString('en')} points of deployed force (line_km x density_per_km2), preview engine`,
    `tables equal cell by cell; ${sens.driven.length} driven and ${sens.live.length} live runs, medians`,
    '',
    `  driven, whole table      ${pad(ms(sens.drivenMedian), 12)}   ${(perPoint * 1000).toFixed(0)} us per point (+4 corner points)`,
    `  live, write + evaluate   ${pad(ms(sens.liveMedian), 12)}`,
    `  ratio driven / live      ${pad(`${(sens.drivenMedian / sens.liveMedian).toFixed(1)}x`, 12)}`,
  ].join('\n'),
);
