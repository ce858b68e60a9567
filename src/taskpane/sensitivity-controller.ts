/**
 * What the pane's Sensitivity section does, without the page: the chosen output cell, one or two
 * inputs (a named assumption with its low and high from the Assumptions sheet, or any selected
 * cell), the steps per axis, and running a one-way or two-way table, a tornado or a scenario
 * comparison through the driver (`src/session/driver.ts`) into a new sheet. The view
 * (`sensitivity-view.ts`) renders {@link SensitivityState} and calls the actions; tests drive it with
 * a fake target.
 *
 * Results always go to a new sheet (`Sensitivity`, `Sensitivity (2)`, ...): nothing is replaced.
 * Failures, cancelling included, end in state `error` or `cancelled` with the driver's reason. A run
 * whose inputs could not all be put back always ends in `error` (a cancel too), and the cells with
 * what they held stay in {@link SensitivityState.recovery} (and on the driver's recovery sheet)
 * until the user dismisses them.
 */
import { cellReference } from '../workbook/a1';
import { rowLabel } from '../workbook/anchors';
import { assumptionInputs, type RunOptions, runComparison, runTable, runTornado } from '../session/driver';
import type { RestoreOptions } from '../session/restore';
import type { WorkbookPlan } from '../workbook/plan';
import { comparisonPlan, freeSheetName, SensitivityError, tablePlan, tornadoPlan } from '../workbook/sensitivity';
import type { CellRef, DrivableTarget, Progress } from '../workbook/writer';
import { errorMessage } from '../workbook/messages';
import {
  type AssumptionInput,
  boundsProblem,
  DEFAULT_STEPS,
  type InputChoice,
  isSensitivityBusy,
  type OutputChoice,
  RUN_NAMES,
  type RunKind,
  SHEET_BASES,
  type SensitivityState,
  type SensitivityStatus,
  type Slot,
} from './sensitivity-state';
import { failureOf, stepsProblem, tableSpecOf, tornadoInputsOf } from './sensitivity-specs';

export {
  type AssumptionInput,
  DEFAULT_STEPS,
  type InputChoice,
  isBaselineSheet,
  isSensitivityBusy,
  type OutputChoice,
  type RunKind,
  type SensitivityState,
  type SensitivityStatus,
  type Slot,
} from './sensitivity-state';

export class SensitivityController {
  private current: SensitivityState = {
    output: null,
    assumptions: [],
    inputs: [null, null],
    steps: DEFAULT_STEPS,
    keepPartial: false,
    status: { kind: 'idle' },
    recovery: null,
  };
  private readonly listeners = new Set<(state: SensitivityState) => void>();
  private abort: AbortController | null = null;
  /** Bumped at every run, so progress reported after it ended is ignored. */
  private runId = 0;

  /** `restore`: how the driver waits between tries of putting an input back (tests pass no wait). */
  constructor(
    private readonly target: DrivableTarget,
    private readonly restore: RestoreOptions = {},
  ) {}

  get state(): SensitivityState {
    return this.current;
  }

  /** Calls `listener` with the state now and after every change; returns the unsubscribe. */
  subscribe(listener: (state: SensitivityState) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Reads the named assumptions the workbook offers (after a baseline load, say). A workbook
   * without an Assumptions sheet offers none; that is not an error, the inputs then come from
   * selected cells. Inputs already chosen keep their bounds.
   */
  async refreshAssumptions(): Promise<void> {
    let assumptions: AssumptionInput[];
    try {
      assumptions = await assumptionInputs(this.target);
    } catch {
      // No Assumptions sheet (or not the baseline's): nothing named to offer.
      assumptions = [];
    }
    this.set({ assumptions });
  }

  /** Takes the selected cell as the output: its address, formula and label. */
  async useSelectedOutput(): Promise<void> {
    if (isSensitivityBusy(this.current.status)) return;
    this.set({ status: { kind: 'reading' } });
    try {
      const ref = await this.target.selectedCell();
      if (ref === null) {
        this.fail('Select one cell (the output) in the workbook, then click Use selected cell.');
        return;
      }
      const [state] = await this.target.readCells([ref]);
      if (state === undefined) throw new Error(`could not read ${cellReference(ref)}`);
      const label = this.labelOf(ref);
      this.set({ output: { ref, label, formula: state.formula, value: state.value }, status: { kind: 'idle' } });
    } catch (error) {
      this.fail(`Could not read the selected cell: ${errorMessage(error)}`);
    }
  }

  /**
   * Chooses input `slot`: a named assumption (its defined name) with its default bounds, `selected`
   * for the cell selected in the workbook (its value as base, bounds ±20% to edit), or `none`.
   */
  async chooseInput(slot: Slot, choice: string): Promise<void> {
    if (isSensitivityBusy(this.current.status)) return;
    if (choice === 'none' || choice === '') {
      this.setInput(slot, null);
      return;
    }
    if (choice !== 'selected') {
      const a = this.current.assumptions.find((x) => x.name === choice);
      if (a === undefined) {
        this.fail(`There is no assumption named ${choice} in this workbook.`);
        return;
      }
      this.setInput(slot, { ref: a.ref, label: a.label, name: a.name, base: a.base, low: a.low, high: a.high });
      return;
    }
    this.set({ status: { kind: 'reading' } });
    try {
      const ref = await this.target.selectedCell();
      if (ref === null) {
        this.fail('Select one cell (the input) in the workbook, then choose Selected cell.');
        return;
      }
      const [state] = await this.target.readCells([ref]);
      if (state === undefined) throw new Error(`could not read ${cellReference(ref)}`);
      if (typeof state.value !== 'number') {
        this.fail(`${cellReference(ref)} does not hold a number, so it cannot be an input.`);
        return;
      }
      const base = state.value;
      const label = this.labelOf(ref);
      const spread = base === 0 ? 1 : Math.abs(base) * 0.2;
      this.setInput(slot, { ref, label, base, low: base - spread, high: base + spread }, { kind: 'idle' });
    } catch (error) {
      this.fail(`Could not read the selected cell: ${errorMessage(error)}`);
    }
  }

  /** Edits input `slot`'s low or high bound. */
  setBound(slot: Slot, which: 'low' | 'high', value: number): void {
    const input = this.current.inputs[slot];
    if (input === null) return;
    this.setInput(slot, { ...input, [which]: value });
  }

  setKeepPartial(keep: boolean): void {
    this.set({ keepPartial: keep });
  }

  /**
   * Sets the steps per axis: a whole number from 2 to `MAX_STEPS` (`src/workbook/sensitivity.ts`). Anything else (`NaN` for an
   * empty field) is refused with a message saying what is accepted; the steps stay as they were.
   */
  setSteps(steps: number): void {
    const problem = stepsProblem(steps, this.current.steps);
    if (problem !== null) {
      this.fail(problem);
      return;
    }
    // A valid number takes away the message that refused the last one.
    const status = this.current.status;
    const refused = status.kind === 'error' && status.message.startsWith('Steps per axis');
    this.set(refused ? { steps, status: { kind: 'idle' } } : { steps });
  }

  /** A one-way table: the output against the first input (or the second, if only it is chosen). */
  async runOneWay(): Promise<void> {
    const input = this.current.inputs[0] ?? this.current.inputs[1];
    if (input === null) {
      this.fail('Choose an input for the one-way table.');
      return;
    }
    await this.runSpec('one-way', [input]);
  }

  /** A two-way table: the first input down the rows, the second across the columns. */
  async runTwoWay(): Promise<void> {
    const [rows, cols] = this.current.inputs;
    if (rows === null || cols === null) {
      this.fail('Choose two inputs for the two-way table.');
      return;
    }
    if (rows.ref.sheet === cols.ref.sheet && rows.ref.address === cols.ref.address) {
      this.fail('The two inputs are the same cell: choose two different inputs.');
      return;
    }
    await this.runSpec('two-way', [rows, cols]);
  }

  /**
   * A tornado over every named assumption (with the bounds edited in the inputs where the same
   * assumption is chosen there), or over the chosen inputs when the workbook has no named ones.
   * The driver keeps those the output depends on.
   */
  async runTornado(): Promise<void> {
    const output = this.requireOutput();
    if (output === null) return;
    const chosen = this.current.inputs.filter((x): x is InputChoice => x !== null);
    await this.run('tornado', async (options) => {
      if (this.current.assumptions.length === 0) await this.refreshAssumptions();
      const inputs = tornadoInputsOf(this.current.assumptions, chosen);
      if (inputs.length === 0) throw new Error('choose an input, or load the baseline so its named assumptions can be varied');
      const result = await runTornado(this.target, output.ref, output.label, inputs, options);
      return (sheet) => tornadoPlan(result, sheet);
    });
  }

  /** The workbook's outputs under each scenario, side by side. */
  async runComparison(): Promise<void> {
    await this.run('scenarios', async (options) => {
      const result = await runComparison(this.target, undefined, options);
      return (sheet) => comparisonPlan(result, sheet);
    });
  }

  /** Stops the run under way; the driver puts the inputs back and nothing is written. */
  cancel(): void {
    this.abort?.abort();
  }

  /**
   * Dismisses the list of inputs that could not be put back, removing its recovery sheet from the
   * workbook; when the sheet cannot be removed, the list stays and the reason is shown.
   */
  async dismissRecovery(): Promise<void> {
    const recovery = this.current.recovery;
    if (recovery === null || isSensitivityBusy(this.current.status)) return;
    if (recovery.sheet !== null) {
      try {
        if ((await this.target.sheetNames()).includes(recovery.sheet)) await this.target.deleteSheet(recovery.sheet);
      } catch (error) {
        this.fail(`Could not remove the sheet ${recovery.sheet}: ${errorMessage(error)}`);
        return;
      }
    }
    this.set({ recovery: null, status: { kind: 'idle' } });
  }

  private async runSpec(kind: 'one-way' | 'two-way', inputs: readonly InputChoice[]): Promise<void> {
    const output = this.requireOutput();
    if (output === null) return;
    for (const input of inputs) {
      const problem = boundsProblem(input);
      if (problem !== null) {
        this.fail(problem);
        return;
      }
    }
    const steps = this.current.steps;
    const [rows, cols] = inputs;
    if (rows === undefined) return;
    await this.run(kind, async (options) => {
      const spec = tableSpecOf(output, rows, cols, steps);
      const result = await runTable(this.target, spec, options);
      return (sheet) => tablePlan(result, sheet);
    });
  }

  /** Runs the driver, then writes its result to a new sheet; every failure ends in the message bar. */
  private async run(kind: RunKind, drive: (options: RunOptions) => Promise<(sheet: string) => WorkbookPlan>): Promise<void> {
    if (isSensitivityBusy(this.current.status)) return;
    const id = ++this.runId;
    const abort = new AbortController();
    this.abort = abort;
    const what = RUN_NAMES[kind];
    this.set({ status: { kind: 'running', run: kind, done: 0, total: 0, step: `Preparing the ${what}` } });
    const onProgress = (p: Progress): void => {
      if (id === this.runId && this.current.status.kind === 'running') {
        this.set({ status: { kind: 'running', run: kind, done: p.done, total: p.total, step: p.step } });
      }
    };
    try {
      const planFor = await drive({ ...this.restore, signal: abort.signal, onProgress });
      const sheet = freeSheetName(await this.target.sheetNames(), SHEET_BASES[kind]);
      const plan = planFor(sheet);
      this.set({ status: { kind: 'running', run: kind, done: 0, total: 0, step: `Writing ${sheet}` } });
      await this.target.apply(plan, { replace: [] });
      this.set({ status: { kind: 'done', message: `Wrote the ${what} to the new sheet ${sheet}.`, sheet } });
    } catch (error) {
      const kept = await this.keepPartialOf(error);
      const failure = failureOf(error, what, abort.signal.aborted, kept);
      this.set(failure.recovery === undefined ? { status: failure.status } : { recovery: failure.recovery, status: failure.status });
    } finally {
      this.runId++;
      if (this.abort === abort) this.abort = null;
    }
  }

  /**
   * When the user asked to keep partial results and a table stopped with some points computed,
   * writes them to a new sheet named as partial ("Sensitivity (partial)"); returns its name, or
   * `null` when nothing was kept. A failure here leaves the workbook as it was (the writer rolls back).
   */
  private async keepPartialOf(error: unknown): Promise<string | null> {
    if (!this.current.keepPartial || !(error instanceof SensitivityError) || error.partial === undefined) return null;
    const partial = error.partial;
    if (!partial.values.some((row) => row.some((v) => v !== null))) return null;
    try {
      const sheet = freeSheetName(await this.target.sheetNames(), 'Sensitivity (partial)');
      await this.target.apply(tablePlan(partial, sheet), { replace: [] });
      return sheet;
    } catch {
      return null;
    }
  }

  private requireOutput(): OutputChoice | null {
    const output = this.current.output;
    if (output === null) this.fail('Choose the output first: select its cell in the workbook and click Use selected cell.');
    return output;
  }

  /**
   * The label the baseline's plan gives the cell's row (a line's label, an assumption's label, a
   * Fund country's code) on a baseline sheet; else the cell's address.
   */
  private labelOf(ref: CellRef): string {
    return rowLabel(ref) ?? cellReference(ref);
  }

  private setInput(slot: Slot, input: InputChoice | null, status?: SensitivityStatus): void {
    const inputs: [InputChoice | null, InputChoice | null] = [...this.current.inputs];
    inputs[slot] = input;
    this.set(status === undefined ? { inputs } : { inputs, status });
  }

  private fail(message: string): void {
    this.set({ status: { kind: 'error', message } });
  }

  private set(change: Partial<SensitivityState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of [...this.listeners]) listener(this.current);
  }
}
