/**
 * Runs sensitivity analyses on a {@link DrivableTarget} (Excel or the preview): tables, tornadoes
 * and the scenario comparison. A driven run sets inputs, lets the workbook recalculate and reads
 * the output, one round trip per point; whatever happens (success, cancellation, an error) every
 * input it touched is put back as it was before it returns or throws, each cell on its own, read
 * back and retried (`restore.ts`). An input that still cannot be put back turns the outcome, a
 * cancel or a success included, into `RESTORE_FAILED`, listing each cell with what it held.
 */
import { SCENARIOS } from '../data/assumptions';
import type { ScenarioId } from '../data/types';
import { cellReference, sameCell } from '../workbook/a1';
import { baselinePlan, scenarioFromLabel } from '../workbook/baseline';
import { errorMessage } from '../workbook/messages';
import { type Constant, planAnchors } from '../workbook/plan';
import {
  type Axis,
  type ComparisonResult,
  liveNames,
  MAX_POINTS,
  SensitivityError,
  type TableResult,
  type TableSpec,
  type TornadoInput,
  type TornadoResult,
  type TornadoRow,
} from '../workbook/sensitivity';
import type { CellRef, CellState, DrivableTarget, Progress } from '../workbook/writer';
import { restoreOrRecover, type RestoreOptions, type SavedCell, unrestoredLabel } from './restore';

export { SensitivityError, type SensitivityErrorCode } from '../workbook/sensitivity';

export interface RunOptions extends RestoreOptions {
  /** Aborting stops the run between two points; the inputs are restored and CANCELLED is thrown (RESTORE_FAILED when some cannot be). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: Progress) => void;
}

/**
 * Why a driven run stopped before its inputs were put back: the error, and what its message adds
 * once they were (`; the inputs were restored.`), or `''` for a refusal that says nothing of them.
 */
interface Stop {
  readonly error: SensitivityError;
  readonly restored: string;
}

/**
 * Puts `original` back ({@link restoreOrRecover}), then ends the run: throws `stop`'s error (with its
 * `restored` clause) when every cell is back, returns when there was no stop; when some cell is not
 * back, throws RESTORE_FAILED saying what the run was doing (`stop`, else `finished`) and listing
 * each cell with what it held and where the list is kept.
 */
async function putBack(
  target: DrivableTarget,
  original: readonly SavedCell[],
  options: RunOptions,
  stop: Stop | null,
  finished: string,
): Promise<void> {
  const recovery = await restoreOrRecover(target, original, options);
  if (recovery === null) {
    if (stop === null) return;
    throw stop.restored === '' ? stop.error : new SensitivityError(stop.error.code, `${stop.error.message}${stop.restored}`, stop.error.partial);
  }
  const n = recovery.cells.length;
  const what = stop?.error.message.replace(/\.$/, '') ?? finished;
  const kept =
    recovery.sheet === null
      ? `${n === 1 ? 'It' : 'They'} could not be listed in the workbook either: type ${n === 1 ? 'it' : 'them'} back by hand.`
      : `${n === 1 ? 'It is' : 'They are'} listed on the sheet ${recovery.sheet} until you dismiss the list.`;
  throw new SensitivityError(
    'RESTORE_FAILED',
    `${what}, and ${n === 1 ? 'an input' : `${n} inputs`} could not be put back: ${recovery.cells.map(unrestoredLabel).join(', ')}. ${kept}`,
    stop?.error.partial,
    recovery,
  );
}

/** The stop for what a run's loop threw: a SensitivityError as it is, anything else as FAILED after `done` of `total`. */
function stopOf(e: unknown, progress: string, restored: string, partial?: TableResult): Stop {
  if (e instanceof SensitivityError) return { error: e, restored: e.code === 'CANCELLED' ? restored : '' };
  return { error: new SensitivityError('FAILED', `stopped after ${progress}: ${message(e)}`, partial), restored };
}

/** `Sheet!B13` as messages show a cell, and a thrown value's message: the shared helpers under short local names. */
const where = cellReference;
const message = errorMessage;

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

/**
 * Every numeric assumption with a low or a high bound, as tornado inputs: the active scenario's
 * constant cell (the selector's column), the assumption's label, its low and high read from the
 * sheet (a missing one is the base value), its defined name and its current (base) value.
 */
export async function assumptionInputs(
  target: DrivableTarget,
  copy = 1,
): Promise<(TornadoInput & { readonly name: string; readonly base: number })[]> {
  const plan = baselinePlan({ scenario: 'peace', copy, kinds: ['assumptions'] });
  const [selector] = await target.readCells([plan.scenarioCell]);
  const label = selector?.value;
  const scenario = typeof label === 'string' ? scenarioFromLabel(label) : undefined;
  if (scenario === undefined)
    throw new SensitivityError(
      'INVALID',
      `the scenario selector ${where(plan.scenarioCell)} holds ${JSON.stringify(label ?? null)}, not one of ${SCENARIOS.map((x) => x.short).join(', ')}`,
    );
  const cells = planAnchors(plan).assumptions;
  const refs = cells.flatMap((a) => [a.scenario[scenario], a.low, a.high]);
  const states = await target.readCells(refs);
  const out: (TornadoInput & { name: string; base: number })[] = [];
  cells.forEach((a, i) => {
    const [v, low, high] = [states[3 * i], states[3 * i + 1], states[3 * i + 2]].map((s) => s?.value);
    const constant = states[3 * i]?.formula === null;
    if (!constant || typeof v !== 'number') return;
    // A missing bound is the base value itself (line_km has a high of 1,250 km but no low): the
    // range then runs from the base to the one bound given.
    const lo = typeof low === 'number' ? low : v;
    const hi = typeof high === 'number' ? high : v;
    if (!(lo < hi)) return;
    out.push({ ref: a.scenario[scenario], label: a.label, low: lo, high: hi, name: a.name, base: v });
  });
  return out;
}

/** How many of the fund's contributions a comparison shows. */
const TOP_CONTRIBUTIONS = 5;

/**
 * The headline outputs under each scenario: switches the selector to each scenario in turn, reads,
 * and puts the selector back (also when cancelled or on error). The fund's five largest
 * contributions (by their sum over the scenarios) close the list.
 * @throws SensitivityError INVALID (no selector value), CANCELLED, FAILED
 */
export async function runComparison(target: DrivableTarget, copy = 1, options: RunOptions = {}): Promise<ComparisonResult> {
  const plan = baselinePlan({ scenario: 'peace', copy });
  const selector = plan.scenarioCell;
  const { headlines: single, fundTable: table } = planAnchors(plan);
  const contributions = table?.countries.map((x) => x.contribution) ?? [];
  const countries = table?.countries.map((x) => x.name) ?? [];
  const [original] = await target.readCells([selector]);
  if (original === undefined) throw new SensitivityError('FAILED', `could not read the scenario selector ${where(selector)}`);
  const refs = [...single.map((h) => h.cell), ...contributions];
  const read: Partial<Record<ScenarioId, Constant[]>> = {};
  let done = 0;
  let stop: Stop | null;
  try {
    for (const x of SCENARIOS) {
      if (options.signal?.aborted === true) throw new SensitivityError('CANCELLED', `cancelled after ${done} of ${SCENARIOS.length} scenarios`);
      await target.setValue(selector.sheet, selector.address, x.short);
      read[x.id] = (await target.readCells(refs)).map((s) => s.value);
      done += 1;
      options.onProgress?.({ done, total: SCENARIOS.length, step: x.short });
    }
    stop = null;
  } catch (e) {
    stop = stopOf(e, `${done} of ${SCENARIOS.length} scenarios`, '; the selector was restored.');
  }
  await putBack(target, [{ ref: selector, state: original }], options, stop, `the comparison was complete (${SCENARIOS.length} scenarios)`);
  const names = (await target.readCells(countries)).map((s) => s.value);
  const valueAt = (k: number): Record<ScenarioId, Constant> =>
    Object.fromEntries(SCENARIOS.map((x) => [x.id, read[x.id]?.[k] ?? null])) as Record<ScenarioId, Constant>;
  const rows: ComparisonResult['rows'][number][] = single.map((h, k) => ({ label: `${h.cell.sheet}: ${h.label}`, unit: h.unit, values: valueAt(k) }));
  const sum = (k: number): number =>
    SCENARIOS.reduce((acc, x) => {
      const v = read[x.id]?.[k];
      return acc + (typeof v === 'number' ? v : 0);
    }, 0);
  const top = contributions
    .map((_, i) => single.length + i)
    .sort((a, b) => sum(b) - sum(a))
    .slice(0, TOP_CONTRIBUTIONS);
  for (const k of top) {
    const name = names[k - single.length];
    rows.push({ label: `Fund contribution: ${typeof name === 'string' ? name : String(name)}`, unit: table?.unit ?? '', values: valueAt(k) });
  }
  return { rows, computedAt: new Date() };
}
