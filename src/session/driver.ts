/**
 * Runs sensitivity analyses on a {@link DrivableTarget} (Excel or the preview): tables, tornadoes
 * and the scenario comparison. A driven run sets inputs, lets the workbook recalculate and reads
 * the output, one round trip per point; whatever happens (success, cancellation, an error) every
 * input it touched is put back as it was before it returns or throws, each cell on its own, read
 * back and retried (`restore.ts`). An input that still cannot be put back turns the outcome, a
 * cancel or a success included, into `RESTORE_FAILED`, listing each cell with what it held.
 *
 * Tables and tornadoes are here; the tornado's inputs and the scenario comparison are in
 * `comparison.ts`, how a run ends (options, putting inputs back) in `stop.ts`, re-exported here.
 */
import { sameCell } from '../workbook/a1';
import { type Constant } from '../workbook/plan';
import {
  type Axis,
  liveNames,
  MAX_POINTS,
  SensitivityError,
  type TableResult,
  type TableSpec,
  type TornadoInput,
  type TornadoResult,
  type TornadoRow,
} from '../workbook/sensitivity';
import type { CellRef, CellState, DrivableTarget } from '../workbook/writer';
import { putBack, type RunOptions, type Stop, stopOf, where } from './stop';

export { SensitivityError, type SensitivityErrorCode } from '../workbook/sensitivity';
export { assumptionInputs, runComparison } from './comparison';
export type { RunOptions } from './stop';

/** Reads the cells' states and refuses inputs that are not constants or an output that is not a formula. */
async function readChecked(
  target: DrivableTarget,
  inputs: readonly { ref: CellRef; label: string }[],
  output: CellRef,
): Promise<{ inputs: CellState[]; output: CellState }> {
  const states = await target.readCells([...inputs.map((i) => i.ref), output]);
  const out = states[inputs.length];
  if (out === undefined || states.length !== inputs.length + 1)
    throw new SensitivityError('FAILED', 'the workbook did not return every cell asked for');
  inputs.forEach((input, i) => {
    const st = states[i];
    if (st?.formula !== null) {
      throw new SensitivityError(
        'INPUT_NOT_CONSTANT',
        `${input.label} (${where(input.ref)}) holds a formula (${st?.formula ?? '?'}), not a constant: vary the constant it reads instead.`,
      );
    }
    if (typeof st.value !== 'number') {
      throw new SensitivityError('INPUT_NOT_CONSTANT', `${input.label} (${where(input.ref)}) holds ${JSON.stringify(st.value)}, not a number.`);
    }
  });
  if (out.formula === null)
    throw new SensitivityError('OUTPUT_NOT_FORMULA', `the output ${where(output)} is a constant, not a formula: it cannot depend on any input.`);
  return { inputs: states.slice(0, inputs.length), output: out };
}

function checkAxis(a: Axis, which: string): void {
  if (a.values.length < 1) throw new SensitivityError('INVALID', `the ${which} axis (${a.label}) has no values`);
  if (!a.values.every(Number.isFinite))
    throw new SensitivityError('INVALID', `the ${which} axis (${a.label}) has a value that is not a finite number`);
}

/**
 * A one-way (no `cols`) or two-way table of `spec.output` against its axes.
 *
 * Live path: when every axis has a defined `name`, the output's formula is made only of `DEF.*`
 * calls, arithmetic and defined names, and reads every axis name, nothing is evaluated: the result
 * has `live` = the output's formula and `values` = [] ({@link tablePlan} puts the axis ranges in).
 * Driven path otherwise: refuses non-constant inputs, a non-formula output and an output that the
 * corners show does not move with an axis, then evaluates each point and restores the inputs.
 * @throws SensitivityError INVALID, INPUT_NOT_CONSTANT, OUTPUT_NOT_FORMULA, NO_DEPENDENCE, TOO_LARGE (over {@link MAX_POINTS}), CANCELLED (with `partial`), FAILED (with `partial`)
 */
export async function runTable(target: DrivableTarget, spec: TableSpec, options: RunOptions = {}): Promise<TableResult> {
  const axes = spec.cols === undefined ? [spec.rows] : [spec.rows, spec.cols];
  checkAxis(spec.rows, 'row');
  if (spec.cols !== undefined) {
    checkAxis(spec.cols, 'column');
    if (sameCell(spec.rows.ref, spec.cols.ref))
      throw new SensitivityError('INVALID', `rows and columns vary the same cell (${where(spec.rows.ref)})`);
  }
  const nRows = spec.rows.values.length;
  const nCols = spec.cols?.values.length ?? 1;
  if (nRows * nCols > MAX_POINTS) {
    throw new SensitivityError(
      'TOO_LARGE',
      `${nRows} x ${nCols} = ${nRows * nCols} points is more than the limit of ${MAX_POINTS}: use fewer steps.`,
    );
  }
  if (axes.some((a) => sameCell(a.ref, spec.output))) throw new SensitivityError('INVALID', 'the output cannot be one of the inputs');
  const states = await readChecked(target, axes, spec.output);
  const formula = states.output.formula ?? '';

  // Live: a formula over defined names only, reading every axis by name.
  const names = liveNames(formula);
  if (names !== null && axes.every((a) => a.name !== undefined && names.some((n) => n.toLowerCase() === a.name?.toLowerCase()))) {
    const defined = new Set((await target.definedNames()).map((n) => n.toLowerCase()));
    if (names.every((n) => defined.has(n.toLowerCase()))) {
      return { spec, values: [], live: formula, complete: true, computedAt: new Date() };
    }
  }

  const original = axes.map((a, i) => ({ ref: a.ref, state: states.inputs[i] ?? { formula: null, value: a.base } }));
  const values: Constant[][] = [];
  const total = nRows * nCols;
  let done = 0;
  let stop: Stop | null;
  const partial = (): TableResult => ({ spec, values: values.map((r) => [...r]), live: null, complete: false, computedAt: new Date() });
  const point = async (r: number, c: number): Promise<Constant> => {
    const inputs = [
      { ref: spec.rows.ref, value: spec.rows.values[r] ?? NaN },
      ...(spec.cols === undefined ? [] : [{ ref: spec.cols.ref, value: spec.cols.values[c] ?? NaN }]),
    ];
    const [v = null] = await target.evaluate(inputs, [spec.output]);
    return v;
  };
  try {
    // Dependence, from the corners: each axis must move the output at one end of the other.
    const lastR = nRows - 1;
    const lastC = nCols - 1;
    const corners = [await point(0, 0), await point(lastR, 0), await point(0, lastC), await point(lastR, lastC)];
    const [c00, cR0, c0C, cRC] = corners;
    if (nRows > 1 && c00 === cR0 && c0C === cRC) {
      throw new SensitivityError(
        'NO_DEPENDENCE',
        `${spec.outputLabel} (${where(spec.output)}) is ${String(c00)} at both ends of ${spec.rows.label} (${where(spec.rows.ref)}): it does not depend on it.`,
      );
    }
    if (spec.cols !== undefined && nCols > 1 && c00 === c0C && cR0 === cRC) {
      throw new SensitivityError(
        'NO_DEPENDENCE',
        `${spec.outputLabel} (${where(spec.output)}) is ${String(c00)} at both ends of ${spec.cols.label} (${where(spec.cols.ref)}): it does not depend on it.`,
      );
    }
    for (let r = 0; r < nRows; r++) {
      const row: Constant[] = [];
      values.push(row);
      for (let c = 0; c < nCols; c++) {
        if (options.signal?.aborted === true) throw new SensitivityError('CANCELLED', `cancelled after ${done} of ${total} points`, partial());
        row.push(await point(r, c));
        done += 1;
        options.onProgress?.({ done, total, step: `Point ${done} of ${total}` });
      }
    }
    stop = null;
  } catch (e) {
    stop = stopOf(e, `${done} of ${total} points`, '; the inputs were restored.', partial());
  }
  await putBack(target, original, options, stop, `the table was complete (${total} points)`);
  return { spec, values, live: null, complete: true, computedAt: new Date() };
}

/**
 * The tornado of `output`: each input at its low, then its high, every other input at base. Rows
 * are sorted by swing, largest first; inputs with a swing of 0 (they do not feed the output) are
 * left out of `rows` and listed in `unaffected`. Inputs are restored after, whatever happens.
 * @throws SensitivityError INVALID, INPUT_NOT_CONSTANT, OUTPUT_NOT_FORMULA, CANCELLED, FAILED
 */
export async function runTornado(
  target: DrivableTarget,
  output: CellRef,
  outputLabel: string,
  inputs: readonly TornadoInput[],
  options: RunOptions = {},
): Promise<TornadoResult> {
  if (inputs.length === 0) throw new SensitivityError('INVALID', 'a tornado needs at least one input');
  for (const i of inputs) {
    if (!Number.isFinite(i.low) || !Number.isFinite(i.high) || i.low >= i.high)
      throw new SensitivityError('INVALID', `${i.label}: low (${i.low}) must be a number below high (${i.high})`);
  }
  if (inputs.length * 2 > MAX_POINTS) throw new SensitivityError('TOO_LARGE', `${inputs.length * 2} points is more than the limit of ${MAX_POINTS}`);
  const states = await readChecked(target, inputs, output);
  const base = states.output.value;
  if (typeof base !== 'number') throw new SensitivityError('FAILED', `${outputLabel} (${where(output)}) shows ${String(base)} at base, not a number`);
  const original = inputs.map((i, k) => ({ ref: i.ref, state: states.inputs[k] ?? { formula: null, value: null } }));
  const baseValue = (k: number): number => {
    const v = original[k]?.state.value;
    return typeof v === 'number' ? v : NaN;
  };
  const rows: TornadoRow[] = [];
  const unaffected: TornadoInput[] = [];
  const total = inputs.length * 2;
  let done = 0;
  let stop: Stop | null;
  try {
    let previous = -1;
    for (const [k, input] of inputs.entries()) {
      const at: number[] = [];
      for (const value of [input.low, input.high]) {
        if (options.signal?.aborted === true) throw new SensitivityError('CANCELLED', `cancelled after ${done} of ${total} points`);
        const prev = inputs[previous];
        const set = [...(prev === undefined || previous === k ? [] : [{ ref: prev.ref, value: baseValue(previous) }]), { ref: input.ref, value }];
        const [v] = await target.evaluate(set, [output]);
        if (typeof v !== 'number')
          throw new SensitivityError('FAILED', `${outputLabel} is ${String(v)} with ${input.label} at ${value}, not a number`);
        at.push(v);
        previous = k;
        done += 1;
        options.onProgress?.({ done, total, step: `${input.label}: ${value === input.low ? 'low' : 'high'}` });
      }
      const [atLow = NaN, atHigh = NaN] = at;
      const swing = Math.abs(atHigh - atLow);
      if (swing === 0) unaffected.push(input);
      else rows.push({ input, atLow, atHigh, swing });
    }
    stop = null;
  } catch (e) {
    stop = stopOf(e, `${done} of ${total} points`, '; the inputs were restored.');
  }
  await putBack(target, original, options, stop, `the tornado was complete (${total} points)`);
  rows.sort((a, b) => b.swing - a.swing);
  return { output, outputLabel, base, rows, unaffected, computedAt: new Date() };
}
