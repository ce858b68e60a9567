/**
 * A 50 x 50 two-way table of the baseline's deployed force (Force!B13) over line_km and
 * density_per_km2 in the preview engine, two ways:
 *  - driven: runTable sets both inputs, recalculates and reads the output, one round trip per
 *    point (2,500 points, plus the 4 corners of the dependence check), then restores the inputs;
 *  - live: runTable returns the output's formula, and the table's sheet (axes and one spilled
 *    DEF.FORCE_SIZE formula) is written and evaluated, then its 2,500 values read.
 * The two tables are compared cell by cell. Results go to the JSON file named by BENCH_OUT for
 * scripts/bench.mjs to print; timings only, no pass/fail.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PreviewTarget } from '../src/preview/target';
import { baselinePlan } from '../src/workbook/baseline';
import { runTable } from '../src/session/driver';
import { type Axis, axisValues, tablePlan, type TableSpec } from '../src/workbook/sensitivity';

const STEPS = 50;
const DRIVEN_RUNS = 3;
const LIVE_RUNS = 5;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

function spec(named: boolean): TableSpec {
  const axis = (address: string, name: string, low: number, high: number, base: number): Axis => ({
    ref: { sheet: 'Assumptions', address },
    label: name,
    ...(named ? { name } : {}),
    values: axisValues(low, high, STEPS),
    base,
  });
  return {
    output: { sheet: 'Force', address: 'B13' },
    outputLabel: 'Deployed force',
    rows: axis('D6', 'line_km', 800, 1250, 1040),
    cols: axis('D8', 'density_per_km2', 4.59, 14.15, 9.43),
  };
}

async function baseline(): Promise<PreviewTarget> {
  const target = new PreviewTarget();
  await target.apply(baselinePlan({ scenario: 'peace' }), { replace: [] });
  return target;
}

it('times a 50 x 50 table driven and live', async () => {
  const driven: number[] = [];
  const live: number[] = [];
  let drivenValues: unknown[][] = [];
  let liveValues: unknown[][] = [];
  for (let i = 0; i < DRIVEN_RUNS; i++) {
    const target = await baseline();
    const t0 = performance.now();
    const result = await runTable(target, spec(false));
    driven.push(performance.now() - t0);
    drivenValues = result.values;
  }
  for (let i = 0; i < LIVE_RUNS; i++) {
    const target = await baseline();
    const t0 = performance.now();
    const result = await runTable(target, spec(true));
    await target.apply(tablePlan(result, 'Sensitivity'), { replace: [] });
    liveValues = Array.from({ length: STEPS }, (_, r) => Array.from({ length: STEPS }, (_, c) => target.cell('Sensitivity', 5 + r, 1 + c).value));
    live.push(performance.now() - t0);
  }
  let mismatch: string | null = null;
  for (let r = 0; r < STEPS && mismatch === null; r++) {
    for (let c = 0; c < STEPS; c++) {
      const a = drivenValues[r]?.[c];
      const b = liveValues[r]?.[c];
      if (typeof a !== 'number' || typeof b !== 'number' || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        mismatch = `(${r}, ${c}): driven ${String(a)}, live ${String(b)}`;
        break;
      }
    }
  }
  const out = { steps: STEPS, points: STEPS * STEPS, driven, live, drivenMedian: median(driven), liveMedian: median(live), mismatch };
  const file = process.env.BENCH_OUT;
  if (file !== undefined && file !== '') fs.writeFileSync(file, JSON.stringify(out));
  else console.log(JSON.stringify(out));
  expect(mismatch).toBeNull();
});
