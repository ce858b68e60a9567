/**
 * An in-memory {@link WorkbookTarget} for the pane's tests: a list of sheets, a list of defined
 * names and the cells written with setValue. It keeps the contract of the real writers: an existing
 * sheet not listed in `replace` makes `apply` fail before it changes anything.
 */
import type { Constant, WorkbookPlan } from '../../src/workbook/plan';
import type { CellRef, CellState, DrivableTarget, Progress, WorkbookTarget, WriteOptions } from '../../src/workbook/writer';

export interface ApplyCall {
  readonly plan: WorkbookPlan;
  readonly replace: readonly string[];
}

export class FakeTarget implements WorkbookTarget {
  readonly sheets: string[];
  readonly names: string[];
  readonly applied: ApplyCall[] = [];
  readonly values: { sheet: string; address: string; value: string }[] = [];
  /** When set, `apply` reports these steps, then fails with this error instead of writing. */
  failWith: unknown = undefined;
  /** When set, `setValue` fails with this error. */
  failSetValueWith: unknown = undefined;
  /** Steps `apply` reports before it writes (`done` of `total`). */
  progress: readonly Progress[] = [];

  constructor(sheets: readonly string[] = [], names: readonly string[] = []) {
    this.sheets = [...sheets];
    this.names = [...names];
  }

  sheetNames(): Promise<string[]> {
    return Promise.resolve([...this.sheets]);
  }

  definedNames(): Promise<string[]> {
    return Promise.resolve([...this.names]);
  }

  apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    this.applied.push({ plan, replace: [...options.replace] });
    for (const p of this.progress) options.onProgress?.(p);
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the fake rejects with what a test gives it, Error or not, as Office.js may
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    const has = (name: string): boolean => this.sheets.some((s) => s.toLowerCase() === name.toLowerCase());
    const refused = plan.sheets.filter((s) => has(s.name) && !options.replace.includes(s.name));
    if (refused.length > 0) return Promise.reject(new Error(`sheet ${refused[0]?.name ?? ''} already exists`));
    for (const s of plan.sheets) if (!has(s.name)) this.sheets.push(s.name);
    for (const n of plan.names) if (!this.names.includes(n.name)) this.names.push(n.name);
    return Promise.resolve();
  }

  setValue(sheet: string, address: string, value: string): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as in apply
    if (this.failSetValueWith !== undefined) return Promise.reject(this.failSetValueWith);
    this.values.push({ sheet, address, value });
    return Promise.resolve();
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
}
