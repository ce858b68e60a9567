/**
 * An in-memory {@link WorkbookTarget} for the pane's tests: a list of sheets, a list of defined
 * names, the contents plans wrote and the cells written with setValue. It keeps the writer contract
 * (src/workbook/writer.ts) as the real writers do, and runs its contract suite: the same checks and
 * typed errors before it changes anything, replacing only what `replace` lists, the same progress.
 */
import { address, normalCell, parseCell } from '../../src/workbook/a1';
import { planRefusal, workbookRefusal } from '../../src/workbook/checks';
import { errorMessage } from '../../src/workbook/messages';
import type { Constant, WorkbookPlan } from '../../src/workbook/plan';
import {
  type CellRef,
  type CellState,
  type DrivableTarget,
  type Progress,
  progressReporter,
  type WorkbookTarget,
  WorkbookWriteError,
  type WriteOptions,
} from '../../src/workbook/writer';

export interface ApplyCall {
  readonly plan: WorkbookPlan;
  readonly replace: readonly string[];
}

const lower = (s: string): string => s.toLowerCase();

export class FakeTarget implements WorkbookTarget {
  readonly sheets: string[];
  readonly names: string[];
  readonly applied: ApplyCall[] = [];
  readonly values: { sheet: string; address: string; value: string }[] = [];
  /** What each cell holds (`Sheet!A1`, sheet in lower case): a plan's content, or a value set. */
  readonly contents = new Map<string, Constant>();
  /** The sheet each defined name points at, by lower-case name (unknown for names given to the constructor). */
  private readonly nameSheets = new Map<string, string>();
  /** When set, `apply` reports these steps, then fails with this error instead of writing. */
  failWith: unknown = undefined;
  /** When set, `setValue` fails with this error. */
  failSetValueWith: unknown = undefined;
  /** Steps `apply` reports instead of the contract's sequence (`progressSequence`), when set. */
  progress: readonly Progress[] | undefined = undefined;

  /** `names`: defined names, each with the sheet it points at where a test needs the clash rules to know it. */
  constructor(sheets: readonly string[] = [], names: readonly (string | { readonly name: string; readonly sheet: string })[] = []) {
    this.sheets = [...sheets];
    this.names = names.map((n) => (typeof n === 'string' ? n : n.name));
    for (const n of names) if (typeof n !== 'string') this.nameSheets.set(lower(n.name), n.sheet);
  }

  sheetNames(): Promise<string[]> {
    return Promise.resolve([...this.sheets]);
  }

  definedNames(): Promise<string[]> {
    return Promise.resolve([...this.names]);
  }

  apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    this.applied.push({ plan, replace: [...options.replace] });
    if (this.progress !== undefined) for (const p of this.progress) options.onProgress?.(p);
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the fake rejects with what a test gives it, Error or not, as Office.js may
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    const refused =
      planRefusal(plan) ??
      workbookRefusal(
        plan,
        this.sheets,
        this.names.map((name) => ({ name, sheet: this.nameSheets.get(lower(name)) })),
        options.replace,
      );
    if (refused !== null) return Promise.reject(refused);
    const report = this.progress === undefined ? progressReporter(plan, options.onProgress) : () => undefined;
    // What the write changes, kept so a failure part-way puts it all back (the contract's undo).
    const saved = { sheets: [...this.sheets], names: [...this.names], contents: new Map(this.contents), nameSheets: new Map(this.nameSheets) };
    try {
      this.write(plan, report);
    } catch (e) {
      this.sheets.splice(0, this.sheets.length, ...saved.sheets);
      this.names.splice(0, this.names.length, ...saved.names);
      this.contents.clear();
      for (const [k, v] of saved.contents) this.contents.set(k, v);
      this.nameSheets.clear();
      for (const [k, v] of saved.nameSheets) this.nameSheets.set(k, v);
      return Promise.reject(new WorkbookWriteError('WRITE_FAILED', '', 'writing', `Loading failed: ${errorMessage(e)}. Nothing else changed.`));
    }
    return Promise.resolve();
  }

  /** Writes the plan's sheets, contents and names, reporting progress. */
  private write(plan: WorkbookPlan, report: (step: number) => void): void {
    const has = (name: string): boolean => this.sheets.some((s) => lower(s) === lower(name));
    for (const [i, s] of plan.sheets.entries()) {
      report(i);
      if (!has(s.name)) this.sheets.push(s.name);
      // A replaced sheet keeps nothing of what it held.
      for (const k of [...this.contents.keys()]) if (k.startsWith(`${lower(s.name)}!`)) this.contents.delete(k);
      s.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.content !== null) this.contents.set(this.key({ sheet: s.name, address: address(r, c) }), cell.content);
        }),
      );
    }
    for (const n of plan.names) {
      if (!this.names.some((x) => lower(x) === lower(n.name))) this.names.push(n.name);
      this.nameSheets.set(lower(n.name), n.sheet);
    }
    report(plan.sheets.length);
    report(plan.sheets.length + 1);
  }

  setValue(sheet: string, address: string, value: string): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as in apply
    if (this.failSetValueWith !== undefined) return Promise.reject(this.failSetValueWith);
    if (parseCell(address) === undefined || !this.sheets.some((s) => lower(s) === lower(sheet))) {
      return Promise.reject(
        new WorkbookWriteError('WRITE_FAILED', sheet, 'setting a cell', `Could not set ${sheet}!${address}: no such cell in the workbook`),
      );
    }
    this.values.push({ sheet, address, value });
    this.contents.set(this.key({ sheet, address }), value);
    return Promise.resolve();
  }

  /** What a cell holds (`null` when empty). */
  content(sheet: string, address: string): Constant {
    return this.contents.get(this.key({ sheet, address })) ?? null;
  }

  private key(ref: CellRef): string {
    return `${lower(ref.sheet)}!${normalCell(ref.address) ?? ref.address}`;
  }
}

/**
 * A {@link FakeTarget} that can also be driven: cells held as a map of `Sheet!A1` to their state,
 * a selected cell, and a log of what was evaluated. Formulas are not computed; tests that need
 * results mock the driver.
 */
export class FakeDrivableTarget extends FakeTarget implements DrivableTarget {
  readonly cells = new Map<string, CellState>();
  selected: CellRef | null = null;
  readonly read: CellRef[][] = [];

  resolveName(): Promise<CellRef | null> {
    return Promise.resolve(null);
  }

  selectedCell(): Promise<CellRef | null> {
    return Promise.resolve(this.selected);
  }

  readCells(refs: readonly CellRef[]): Promise<CellState[]> {
    this.read.push([...refs]);
    return Promise.resolve(refs.map((r) => this.cells.get(`${r.sheet}!${r.address}`) ?? { formula: null, value: null }));
  }

  evaluate(_inputs: readonly { readonly ref: CellRef; readonly value: number }[], outputs: readonly CellRef[]): Promise<Constant[]> {
    return Promise.resolve(outputs.map((r) => this.cells.get(`${r.sheet}!${r.address}`)?.value ?? null));
  }

  restore(): Promise<void> {
    return Promise.resolve();
  }

  deleteSheet(name: string): Promise<void> {
    const i = this.sheets.findIndex((s) => lower(s) === lower(name));
    if (i >= 0) this.sheets.splice(i, 1);
    return Promise.resolve();
  }
}
