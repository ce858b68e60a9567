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
// Prints a table; no pass/fail exit code except for a mismatch between two outputs.
// The bundle is built first (npm run build) when dist/functions.js is missing or older than src/.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
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
  const bundle = path.join(root, "dist", "functions.js");
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : -1;
  const sources = Math.max(newestMtime(path.join(root, "src")), fs.statSync(path.join(root, "webpack.config.js")).mtimeMs);
  if (built >= sources) return;
  console.log(built < 0 ? "dist/functions.js is missing: npm run build" : "dist/functions.js is older than src/: npm run build");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "build", "--silent", "--", "--stats=errors-warnings"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    console.error("npm run build failed");
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
const { loadBundle } = require("./load-bundle.cjs");
const { functions } = loadBundle({ realm: "this" });
const munitionDays = functions.get("MUNITION_DAYS");
if (typeof munitionDays !== "function") {
  console.error("dist/functions.js does not associate MUNITION_DAYS");
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
if (!Number.isFinite(sink)) console.log("");

const wMed = median(wrapperTimes);
const pMed = median(plainTimes);
const wMin = Math.min(...wrapperTimes);
const pMin = Math.min(...plainTimes);
const ratio = wMed / pMed;
const minRatio = wMin / pMin;

const file = (name) => path.join(root, "dist", name);
const size = (name) => (fs.existsSync(file(name)) ? fs.statSync(file(name)).size : NaN);
const functionsJs = size("functions.js");
const gzipped = zlib.gzipSync(fs.readFileSync(file("functions.js"))).length;

const lines = [
  `DefEcon bench (node ${process.version}, ${process.platform}/${process.arch})`,
  "",
  `DEF.MUNITION_DAYS, ${ROWS} x ${COLS} = ${(ROWS * COLS).toLocaleString("en")} cells: stock ${ROWS} x 1, daily_use 1 x ${COLS}, daily_production 1 x 1`,
  `outputs equal cell by cell; ${WARMUP} warm-up and ${RUNS} timed runs each, interleaved`,
  "",
  `                          ${pad("median", 10)} ${pad("best", 10)}`,
  `  associated wrapper      ${pad(ms(wMed), 10)} ${pad(ms(wMin), 10)}`,
  `  plain loop              ${pad(ms(pMed), 10)} ${pad(ms(pMin), 10)}`,
  `  ratio wrapper / plain   ${pad(`${ratio.toFixed(2)}x`, 10)} ${pad(`${minRatio.toFixed(2)}x`, 10)}   target <= 2x: ${ratio <= 2 ? "met" : "NOT met"} (median)`,
  "",
  "production bundle (dist/)",
  `  functions.js            ${pad(kB(functionsJs), 10)}   target < 100 kB: ${functionsJs < 100_000 ? "met" : "NOT met"}`,
  `  functions.js, gzip      ${pad(kB(gzipped), 10)}`,
  `  functions.json          ${pad(kB(size("functions.json")), 10)}`,
  `  taskpane.js             ${pad(kB(size("taskpane.js")), 10)}`,
];
console.log(lines.join("\n"));

// 3. Sensitivity tables, through the TypeScript sources (ts-jest).
const benchOut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "defecon-bench-")), "sensitivity.json");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const jestRun = spawnSync(npx, ["jest", "--config", "jest.bench.config.js", "--silent"], {
  cwd: root,
  env: { ...process.env, BENCH_OUT: benchOut },
  encoding: "utf8",
  shell: process.platform === "win32",
});
if (!fs.existsSync(benchOut)) {
  console.error(`\nsensitivity bench did not run:\n${jestRun.stdout ?? ""}${jestRun.stderr ?? ""}`);
  process.exit(jestRun.status ?? 1);
}
const sens = JSON.parse(fs.readFileSync(benchOut, "utf8"));
if (sens.mismatch !== null) {
  console.error(`MISMATCH between the driven and the live table at ${sens.mismatch}`);
  process.exit(1);
}
const perPoint = sens.drivenMedian / sens.points;
console.log(
  [
    "",
    `sensitivity table, ${sens.steps} x ${sens.steps} = ${sens.points.toLocaleString("en")} points of deployed force (line_km x density_per_km2), preview engine`,
    `tables equal cell by cell; ${sens.driven.length} driven and ${sens.live.length} live runs, medians`,
    "",
    `  driven, whole table      ${pad(ms(sens.drivenMedian), 12)}   ${(perPoint * 1000).toFixed(0)} us per point (+4 corner points)`,
    `  live, write + evaluate   ${pad(ms(sens.liveMedian), 12)}`,
    `  ratio driven / live      ${pad(`${(sens.drivenMedian / sens.liveMedian).toFixed(1)}x`, 12)}`,
  ].join("\n"),
);
