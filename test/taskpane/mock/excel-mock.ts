/**
 * A small fake of the Excel object model for testing the Excel writer (`src/taskpane/excel/`) without Excel.
 *
 * - Reads go through office-addin-mock's `OfficeMockObject`: a property read before `load` and
 *   `sync` gives "Error, property was not loaded" (or "...sync() was not called"), as a real proxy
 *   would throw, so a test cannot pass by reading what was never loaded.
 * - Writes are queued as commands and applied in order at `context.sync()`, as Office.js does: a
 *   command that fails rejects the sync, the commands before it stay applied and the rest are
 *   dropped. Adding or renaming to a taken sheet name, deleting the last sheet, or addressing a sheet
 *   that is not there fail as they do in Excel.
 * - Each `run` call is one `Excel.run`: the collections it reads are the workbook as it was when the
 *   run began, so the fake refuses a `load` issued after that run has queued a write.
 * - Range and application loads (`range.load("values")`) are queued like writes and read the
 *   workbook where they stand in the queue, so a batch can write inputs and read outputs. Formula
 *   cells get their values from {@link FakeExcel.evaluator} when the workbook recalculates: before
 *   the first read after a write in automatic mode, or at `application.calculate` in manual mode.
 *   A property read before its load was synced gives office-addin-mock's "not loaded" string.
 * - Every sheet has an `id` that survives renames (as `Worksheet.id`); `getItem` takes a name or an id.
 * - Faults can be injected: {@link FakeExcel.failSync} fails a given `context.sync()` before it
 *   applies anything, or after it applied everything (Excel applied the batch, the reply was lost:
 *   the loads of that sync stay unread); {@link FakeExcel.failWhen} fails a given command.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelRun } from '../../../src/taskpane/excel';
import { address } from '../../../src/workbook/plan';

/** How a cell's content was stored: what Excel would make of what was written. */
export type CellKind = 'formula' | 'text' | 'number' | 'boolean' | 'date' | 'error';

export interface FakeCell {
  content: string | number | boolean;
  kind: CellKind;
  format: string;
  /** A formula cell's value at the last recalculation. */
  value?: string | number | boolean;
}

/** Excel's error codes: a cell holding one (typed or computed) has value type `Error`. */
export const ERROR_CODES: readonly string[] = ['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#CALC!', '#BUSY!', '#SPILL!'];

/** A colour scale added with `conditionalFormats.add("ColorScale")`. */
export interface FakeColorScale {
  readonly address: string;
  criteria: unknown;
}

/** A chart added with `charts.add`. */
export interface FakeChart {
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string | undefined;
  title?: string;
  xTitle?: string;
  yTitle?: string;
  position?: string;
}

/** One property written to a range or a range list, e.g. `format.font.bold` = true on `A1:C1, A5`. */
export interface StyleWrite {
  readonly address: string;
  readonly property: string;
  readonly value: unknown;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly styles: StyleWrite[] = [];
  readonly notes = new Map<string, string>();
  readonly colorScales: FakeColorScale[] = [];
  readonly charts: FakeChart[] = [];
  freeze: { rows: number; columns: number } | undefined;
  /** `Worksheet.visibility`. */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Every 2-D array assigned to a range of this sheet, in order. */
  readonly arrays: { property: 'formulas' | 'values' | 'numberFormat'; address: string; value: unknown[][] }[] = [];

  constructor(
    public name: string,
    /** As `Worksheet.id`: unique in the workbook, kept through renames. */
    readonly id: string,
  ) {}

  /** What a cell holds (`""` for an empty cell). */
  content(cell: string): string | number | boolean {
    return this.cells.get(cell)?.content ?? '';
  }

  /** The last value written to `property` on any range or range list covering `cell`. */
  style(cell: string, property: string): unknown {
    let value: unknown;
    for (const w of this.styles) if (w.property === property && covers(w.address, cell)) value = w.value;
    return value;
  }
}

/** A sheet as {@link FakeExcel.fullSnapshot} gives it. */
export interface SnapshotSheet {
  readonly id: string;
  readonly name: string;
  readonly cells: [string, FakeCell][];
  readonly notes: [string, string][];
  readonly styles: StyleWrite[];
  readonly freeze: { rows: number; columns: number } | null;
  readonly colorScales: FakeColorScale[];
  readonly charts: FakeChart[];
}

export interface FakeName {
  name: string;
  formula: string;
  comment: string;
}

/** A queued command. `location` is what Office reports in `debugInfo.errorLocation`. */
export interface Command {
  readonly location: string;
  /** The sheet it addresses, resolved when it runs (`undefined` for workbook-level commands). */
  sheet: string | undefined;
  readonly run: () => void;
}

/**
 * Whether a command addresses the plan sheet `name`: under that name, or under the temporary name
 * the writer adds a new sheet with (`DefEcon new 3k9x2 3` for the plan's third sheet) until its
 * rename in the next batch.
 */
export function onSheet(command: Command, name: string, planSheets: readonly { readonly name: string }[]): boolean {
  const i = planSheets.findIndex((s) => s.name === name);
  return command.sheet === name || (i >= 0 && new RegExp(`^DefEcon new [a-z0-9]+ ${i + 1}$`).test(command.sheet ?? ''));
}

/** Shaped like `OfficeExtension.Error`: a code, a message and `debugInfo.errorLocation`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { readonly code: string; readonly message: string; readonly errorLocation: string };

  constructor(code: string, message: string, errorLocation: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

// ------------------------------------------------------------------------------------------------
// Addresses.

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `A1`, `A1:C3`, `A:C` (whole columns) → 0-based box. */
export function parseArea(area: string): Box {
  const [from, to = from] = area.trim().replace(/\$/g, '').split(':');
  const part = (p: string | undefined): { r: number | undefined; c: number } => {
    const m = /^([A-Z]+)(\d*)$/.exec(p ?? '');
    if (m === null) throw new Error(`mock: cannot read address "${area}"`);
    return { c: columnIndex(m[1] ?? ''), r: m[2] === '' || m[2] === undefined ? undefined : Number(m[2]) - 1 };
  };
  const a = part(from);
  const b = part(to);
  return { r0: a.r ?? 0, c0: a.c, r1: b.r ?? 1_048_575, c1: b.c };
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
function quoteIfNeeded(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Copies a sheet's cells, looks, colour scales and notes onto another (which is empty). */
function copyLooks(from: FakeSheet, to: FakeSheet): void {
  for (const [k, c] of from.cells) to.cells.set(k, { ...c });
  to.styles.push(...from.styles.map((w) => ({ ...w })));
  to.colorScales.push(...from.colorScales.map((x) => ({ ...x })));
  for (const [k, n] of from.notes) to.notes.set(k, n);
}

function covers(areas: string, cell: string): boolean {
  const p = parseArea(cell);
  return areas.split(/[,;]/).some((area) => {
    const b = parseArea(area);
    return p.r0 >= b.r0 && p.r0 <= b.r1 && p.c0 >= b.c0 && p.c0 <= b.c1;
  });
}

// ------------------------------------------------------------------------------------------------
// The workbook.

const BAD_NAME = /[[\]:*?/\\]/;

/** The address `getRange()` with no argument stands for: the whole sheet. */
const WHOLE_SHEET = 'A1:XFD1048576';

/** Excel follows a sheet in the names that point at it: a rename rewrites them, a delete makes them `#REF!`. */
function retarget(names: FakeName[], sheet: string, reference: string): void {
  for (const n of names) {
    const m = /^=(?:'((?:[^']|'')+)'|([^'!=]+))!(.*)$/.exec(n.formula);
    const target = m?.[1]?.replace(/''/g, "'") ?? m?.[2];
    if (m !== null && target?.toLowerCase() === sheet.toLowerCase()) n.formula = `=${reference}!${m[3] ?? ''}`;
  }
}

export class FakeExcel {
  readonly sheets: FakeSheet[];
  readonly names: FakeName[] = [];
  active: FakeSheet | undefined;
  /** `context.sync()` calls so far, over all runs. */
  syncs = 0;
  /** `Excel.run` calls so far. */
  runs = 0;
  /** Every command that ran, in order. */
  readonly commands: Command[] = [];
  /** Return a message to make that command fail (as Excel would, rejecting its sync). */
  failWhen: ((command: Command) => string | undefined) | undefined;
  /**
   * Fails the `index`-th `context.sync()` (1-based, over all runs, as {@link syncs} counts): `before`
   * rejects it with nothing applied, `after` applies every command and then rejects it (its loads
   * are not delivered).
   */
  failSync: ((index: number) => 'before' | 'after' | undefined) | undefined;
  /** `application.calculationMode`. */
  calculationMode: 'Automatic' | 'Manual' = 'Automatic';
  /** A formula cell's value from its formula; the default gives 0. */
  evaluator: ((formula: string, excel: FakeExcel) => string | number | boolean) | undefined;
  /** Recalculations so far. */
  calculations = 0;
  /** A value or formula was written since the last recalculation. */
  dirty = false;
  /** The selected range (`Sheet1`, `B2:C3`); `undefined` when a chart or shape is selected. */
  selection: { sheet: string; address: string } | undefined;

  /** Sheets made so far, for the next id. */
  private sheetCount = 0;

  constructor(sheetNames: readonly string[] = ['Sheet1']) {
    this.sheets = sheetNames.map((n) => new FakeSheet(n, this.newSheetId()));
    this.active = this.sheets[0];
  }

  /** A fresh sheet id, shaped as Excel's (`{00000000-0001-0000-0100-000000000000}`); the same sequence in every workbook. */
  newSheetId(): string {
    this.sheetCount += 1;
    return `{00000000-${String(this.sheetCount).padStart(4, '0')}-0000-0100-000000000000}`;
  }

  /** A deep copy of the workbook's sheets (cells, styles, notes, freeze), names and active sheet, for trials that start alike. */
  clone(): FakeExcel {
    const copy = new FakeExcel([]);
    copy.sheetCount = this.sheetCount;
    for (const s of this.sheets) {
      const t = new FakeSheet(s.name, s.id);
      for (const [k, c] of s.cells) t.cells.set(k, { ...c });
      t.styles.push(...s.styles);
      for (const [k, n] of s.notes) t.notes.set(k, n);
      t.colorScales.push(...s.colorScales.map((x) => ({ ...x })));
      t.charts.push(...s.charts.map((x) => ({ ...x })));
      t.freeze = s.freeze;
      t.visibility = s.visibility;
      copy.sheets.push(t);
    }
    copy.names.push(...this.names.map((n) => ({ ...n })));
    copy.active = copy.sheets.find((s) => s.id === this.active?.id);
    copy.calculationMode = this.calculationMode;
    copy.evaluator = this.evaluator;
    return copy;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The sheet with this name or id (as `WorksheetCollection.getItem` takes either). */
  sheetByKey(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheet(key);
  }

  /**
   * The workbook as the fault matrix compares it: every sheet with its id, its cells (content, kind,
   * number format), notes in order, its looks (every style write in order: fills, fonts, borders,
   * column widths, drop-downs), frozen panes, colour scales and charts, and every name with its
   * formula and comment.
   */
  fullSnapshot(): { sheets: SnapshotSheet[]; names: FakeName[] } {
    const byKey = <T>(entries: Iterable<[string, T]>): [string, T][] => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      // A formula cell's value is a cache of its formula, not content: left out.
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        cells: byKey(s.cells.entries()).map(([k, c]): [string, FakeCell] => [k, { content: c.content, kind: c.kind, format: c.format }]),
        notes: byKey(s.notes.entries()),
        styles: s.styles.map((w) => ({ ...w })),
        freeze: s.freeze === undefined ? null : { ...s.freeze },
        colorScales: s.colorScales.map((x) => ({ ...x })),
        charts: s.charts.map((x) => ({ ...x })),
      })),
      names: this.names.map((n) => ({ ...n })),
    };
  }

  /** The sheet, or a test failure naming the sheets there are. */
  get(name: string): FakeSheet {
    const s = this.sheet(name);
    if (s === undefined) throw new Error(`no sheet "${name}" (sheets: ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  name(name: string): FakeName | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** A user's own sheet with some data in it. */
  addUserSheet(name: string, data: Record<string, string | number>): FakeSheet {
    const s = new FakeSheet(name, this.newSheetId());
    for (const [cell, content] of Object.entries(data)) {
      s.cells.set(cell, { content, kind: typeof content === 'number' ? 'number' : 'text', format: 'General' });
    }
    this.sheets.push(s);
    return s;
  }

  /** A deep copy of every sheet's cells, names and sheet order, to compare before and after. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()], styles: s.styles.length })),
      names: this.names.map((n) => ({ ...n })),
    };
  }

  /** Computes every formula cell's value with {@link evaluator}. */
  recalculate(): void {
    this.calculations++;
    this.dirty = false;
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.kind === 'formula') cell.value = this.evaluator?.(String(cell.content), this) ?? 0;
    }
  }

  /** A cell's value as `Range.values` gives it (`""` when empty), and its `Range.valueTypes`. */
  valueOf(sheet: FakeSheet, cell: string): { value: string | number | boolean; type: string } {
    const c = sheet.cells.get(cell);
    if (c === undefined || c.content === '') return { value: '', type: 'Empty' };
    const value = c.kind === 'formula' ? (c.value ?? 0) : c.content;
    if (typeof value === 'number') return { value, type: 'Double' };
    if (typeof value === 'boolean') return { value, type: 'Boolean' };
    if (ERROR_CODES.includes(value) && (c.kind === 'error' || c.kind === 'formula')) return { value, type: 'Error' };
    return { value, type: 'String' };
  }

  /** `Excel.run` over this workbook. */
  readonly run: ExcelRun = async (batch) => {
    this.runs++;
    const run = new MockRun(this);
    return batch(run.context as unknown as Excel.RequestContext);
  };

  checkSheetName(name: string, except: FakeSheet | undefined, location: string): void {
    if (name.length < 1 || name.length > 31 || BAD_NAME.test(name)) {
      throw new FakeOfficeError('InvalidArgument', `The sheet name "${name}" is not valid.`, location);
    }
    const other = this.sheet(name);
    if (other !== undefined && other !== except) {
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`, location);
    }
  }

  /** What Excel makes of text written to a cell, as if typed (`@` cells keep it as text). */
  static store(value: unknown, format: string): FakeCell {
    if (typeof value === 'number') return { content: value, kind: 'number', format };
    if (typeof value === 'boolean') return { content: value, kind: 'boolean', format };
    const text = String(value);
    if (format === '@') return { content: text, kind: 'text', format };
    // A leading apostrophe makes the rest text, as typing it does.
    if (text.startsWith("'")) return { content: text.slice(1), kind: 'text', format };
    if (text.startsWith('=')) return { content: text, kind: 'formula', format };
    if (ERROR_CODES.includes(text)) return { content: text, kind: 'error', format };
    if (/^[-+]?\d+(\.\d+)?$/.test(text)) return { content: Number(text), kind: 'number', format };
    if (/^\d{4}-\d{2}(-\d{2})?$/.test(text)) return { content: text, kind: 'date', format };
    if (/^(true|false)$/i.test(text)) return { content: text.toUpperCase() === 'TRUE', kind: 'boolean', format };
    return { content: text, kind: 'text', format };
  }
}

/** A loadable collection: `load("items/name,items/formula")` loads those properties on every item. */
class MockCollection extends OfficeMockObject {
  constructor(
    private readonly run: MockRun,
    private readonly itemMocks: readonly OfficeMockObject[],
  ) {
    super({ items: itemMocks });
  }

  override load(propertyArgument: Parameters<OfficeMockObject['load']>[0]): this | undefined {
    this.run.checkCanLoad();
    if (typeof propertyArgument !== 'string') throw new Error('mock: only load("a,b/c") is modelled');
    const properties = propertyArgument.split(',').map((p) => p.trim());
    for (const p of properties) {
      if (p.startsWith('items/')) for (const item of this.itemMocks) item.load(p.slice('items/'.length));
    }
    super.load('items');
    return this;
  }

  async syncAll(): Promise<void> {
    await this.sync();
    for (const item of this.itemMocks) await item.sync();
  }
}

/** One `Excel.run`: its context, its command queue, its loadable collections. */
class MockRun {
  private queue: Command[] = [];
  private wrote = false;
  /** Objects with a `load`, and what their loads read, made visible at sync. */
  private readonly readers: { object: object; loaded: Map<string, unknown> }[] = [];
  private readonly visible = new WeakMap<object, Map<string, unknown>>();
  /** The address of each range handed out, for `charts.add(type, range)`. */
  private readonly rangeAddresses = new WeakMap<object, string>();
  /** The sheet of each range handed out (resolved when a command runs), for `copyFrom`. */
  private readonly rangeSheets = new WeakMap<object, (location: string) => FakeSheet>();
  private readonly worksheets: MockCollection;
  private readonly namesCollection: MockCollection;
  readonly context: object;

  constructor(private readonly excel: FakeExcel) {
    this.worksheets = new MockCollection(
      this,
      excel.sheets.map((s) => new OfficeMockObject({ name: s.name, id: s.id })),
    );
    this.namesCollection = new MockCollection(
      this,
      excel.names.map((n) => new OfficeMockObject({ name: n.name, formula: n.formula, comment: n.comment })),
    );
    const worksheets = Object.assign(this.worksheets, {
      add: (name: string) => this.addSheet(name),
      getItem: (name: string) => this.getSheet(name),
    });
    const names = Object.assign(this.namesCollection, {
      add: (name: string, reference: string, comment?: string) => this.addName(name, reference, comment ?? ''),
      getItem: (name: string) => this.getName(name),
      getItemOrNullObject: (name: string) => ({ getRangeOrNullObject: () => this.nameRange(name) }),
    });
    const application = this.loadable(
      {
        calculate: (type: string) =>
          this.push(
            'Application.calculate',
            () => undefined,
            () => {
              if (!['Recalculate', 'Full', 'FullRebuild'].includes(type)) throw new Error(`mock: calculate("${type}")`);
              excel.recalculate();
            },
          ),
      },
      'Application',
      ['calculationMode'],
      this.workbookLevel,
      () => ({ calculationMode: excel.calculationMode }),
    );
    const getSelectedRange = (): object =>
      this.loadable({}, 'Workbook.getSelectedRange', ['address', 'cellCount'], this.workbookLevel, () => {
        const sel = excel.selection;
        if (sel === undefined)
          throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.', 'Workbook.getSelectedRange');
        const box = parseArea(sel.address);
        return { address: `${quoteIfNeeded(sel.sheet)}!${sel.address}`, cellCount: (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1) };
      });
    this.context = { workbook: { worksheets, names, application, getSelectedRange }, sync: () => this.sync() };
  }

  /** Queues a workbook-level command (no sheet). */
  private readonly workbookLevel = (location: string, run: (c: undefined) => void): void =>
    this.push(
      location,
      () => undefined,
      () => run(undefined),
    );

  /**
   * Gives `object` a `load` that queues a read: when the command runs, `read` gives the properties
   * as they then are, shown at sync. Each of `properties` reads back office-addin-mock's "not
   * loaded" string until a load of it was synced.
   */
  private loadable<C, O extends object>(
    object: O,
    location: string,
    properties: readonly string[],
    queue: (location: string, run: (c: C) => void) => void,
    read: (c: C) => Record<string, unknown>,
    setters: Readonly<Record<string, (value: never) => void>> = {},
  ): O {
    const loaded = new Map<string, unknown>();
    const target = object as Record<string, unknown>;
    target.load = (argument: string): O => {
      const wanted = argument.split(',').map((p) => p.trim());
      for (const p of wanted) if (!properties.includes(p)) throw new Error(`mock: loading "${p}" on ${location} is not modelled`);
      queue(`${location}.load`, (c) => {
        if (this.excel.dirty && this.excel.calculationMode === 'Automatic') this.excel.recalculate();
        const values = read(c);
        for (const p of wanted) loaded.set(p, values[p]);
        // As in Office.js, any synced load of an `...OrNullObject` sets its `isNullObject`.
        if ('isNullObject' in values) loaded.set('isNullObject', values.isNullObject);
      });
      return object;
    };
    const visible = this.visible;
    for (const p of properties) {
      Object.defineProperty(object, p, {
        get: () => {
          const values = visible.get(object);
          return values?.has(p) === true ? values.get(p) : 'Error, property was not loaded';
        },
        ...(setters[p] === undefined ? {} : { set: setters[p] }),
        configurable: true,
        enumerable: true,
      });
    }
    this.readers.push({ object, loaded });
    return object;
  }

  /** What a name points at, as `getItemOrNullObject(name).getRangeOrNullObject()`. */
  private nameRange(name: string): object {
    const excel = this.excel;
    return this.loadable({}, 'NamedItem.getRangeOrNullObject', ['address', 'isNullObject'], this.workbookLevel, () => {
      const n = excel.name(name);
      const m = n === undefined ? null : /^=(?:'((?:[^']|'')+)'|([^'!=]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(n.formula);
      const sheetName = m?.[1]?.replace(/''/g, "'") ?? m?.[2];
      const sheet = sheetName === undefined ? undefined : excel.sheet(sheetName);
      if (m === null || sheet === undefined) return { isNullObject: true, address: undefined };
      return { isNullObject: false, address: `${quoteIfNeeded(sheet.name)}!${(m[3] ?? '').replace(/\$/g, '')}` };
    });
  }

  checkCanLoad(): void {
    if (this.wrote || this.queue.length > 0) {
      throw new Error('mock: a load after a write in the same run would read a stale workbook; not modelled');
    }
  }

  private push(location: string, sheet: () => string | undefined, run: () => void): void {
    const command: Command = { location, sheet: undefined, run };
    this.queue.push(command);
    // The sheet a command addresses is known only when it runs (a handle from add or getItem).
    Object.defineProperty(command, 'sheet', { get: sheet, enumerable: true });
  }

  private async sync(): Promise<void> {
    this.excel.syncs++;
    const fault = this.excel.failSync?.(this.excel.syncs);
    const queue = this.queue;
    this.queue = [];
    if (fault === 'before')
      throw new FakeOfficeError('GeneralException', 'The request could not be processed (injected before it applied).', 'RequestContext.sync');
    for (const command of queue) {
      const failure = this.excel.failWhen?.(command);
      if (failure !== undefined) throw new FakeOfficeError('InvalidArgument', failure, command.location);
      command.run();
      this.excel.commands.push(command);
      this.wrote = true;
    }
    if (fault === 'after')
      throw new FakeOfficeError('GeneralException', 'The connection was lost (injected after the request applied).', 'RequestContext.sync');
    for (const r of this.readers) this.visible.set(r.object, new Map(r.loaded));
    await this.worksheets.syncAll();
    await this.namesCollection.syncAll();
  }

  // --- sheets ---------------------------------------------------------------------------------

  private addSheet(name: string): object {
    const handle: { target: FakeSheet | undefined } = { target: undefined };
    this.push(
      'WorksheetCollection.add',
      () => name,
      () => {
        this.excel.checkSheetName(name, undefined, 'WorksheetCollection.add');
        const s = new FakeSheet(name, this.excel.newSheetId());
        this.excel.sheets.push(s);
        handle.target = s;
      },
    );
    return this.sheetProxy(handle);
  }

  private getSheet(name: string): object {
    const handle: { target: FakeSheet | undefined } = { target: undefined };
    this.push(
      'WorksheetCollection.getItem',
      () => handle.target?.name ?? name,
      () => {
        const s = this.excel.sheetByKey(name);
        if (s === undefined) throw new FakeOfficeError('ItemNotFound', `There is no sheet "${name}".`, 'WorksheetCollection.getItem');
        handle.target = s;
      },
    );
    return this.sheetProxy(handle);
  }

  private sheetProxy(handle: { target: FakeSheet | undefined }): object {
    const excel = this.excel;
    const target = (location: string): FakeSheet => {
      if (handle.target === undefined || !excel.sheets.includes(handle.target)) {
        throw new FakeOfficeError('ItemNotFound', 'The sheet does not exist.', location);
      }
      return handle.target;
    };
    const on = (location: string, run: (s: FakeSheet) => void): void =>
      this.push(
        location,
        () => handle.target?.name,
        () => run(target(location)),
      );
    const sheet = {
      set name(value: string) {
        on('Worksheet.name', (s) => {
          excel.checkSheetName(value, s, 'Worksheet.name');
          retarget(excel.names, s.name, `'${value.replace(/'/g, "''")}'`);
          s.name = value;
        });
      },
      delete: () =>
        on('Worksheet.delete', (s) => {
          if (excel.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must keep one sheet.', 'Worksheet.delete');
          excel.sheets.splice(excel.sheets.indexOf(s), 1);
          retarget(excel.names, s.name, '#REF');
          if (excel.active === s) excel.active = excel.sheets[0];
        }),
      activate: () =>
        on('Worksheet.activate', (s) => {
          excel.active = s;
        }),
      getRange: (a?: string) => this.rangeProxy(on, a ?? WHOLE_SHEET, 'Range', target),
      set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
        on('Worksheet.visibility', (s) => (s.visibility = value));
      },
      // A copy of the sheet at the end, named as Excel names copies ("Force (2)"): contents, looks,
      // notes, panes, colour scales and charts (ExcelApi 1.7).
      copy: (position?: string) => {
        if (position !== undefined && position !== 'End') throw new Error(`mock: copy("${position}") is not modelled`);
        const copied: { target: FakeSheet | undefined } = { target: undefined };
        on('Worksheet.copy', (s) => {
          let n = 2;
          while (excel.sheet(`${s.name} (${n})`) !== undefined) n++;
          const t = new FakeSheet(`${s.name} (${n})`.slice(0, 31), excel.newSheetId());
          copyLooks(s, t);
          t.freeze = s.freeze === undefined ? undefined : { ...s.freeze };
          t.charts.push(...s.charts.map((x) => ({ ...x })));
          excel.sheets.push(t);
          copied.target = t;
        });
        return this.sheetProxy(copied);
      },
      getUsedRangeOrNullObject: () => this.usedRange(on),
      charts: {
        add: (type: string, source: object, seriesBy?: string) => {
          const sourceAddress = this.rangeAddresses.get(source);
          if (sourceAddress === undefined) throw new Error('mock: charts.add needs a range from this run');
          const chart: { target: FakeChart | undefined } = { target: undefined };
          on('ChartCollection.add', (s) => {
            chart.target = { type, source: sourceAddress, seriesBy };
            s.charts.push(chart.target);
          });
          const set = (location: string, f: (c: FakeChart) => void): void =>
            on(location, () => {
              if (chart.target === undefined) throw new FakeOfficeError('ItemNotFound', 'The chart does not exist.', location);
              f(chart.target);
            });
          const textSetter = (location: string, f: (c: FakeChart, text: string) => void): object => {
            const title = {};
            Object.defineProperty(title, 'text', { set: (value: string) => set(location, (c) => f(c, value)) });
            return title;
          };
          return {
            title: textSetter('ChartTitle.text', (c, text) => (c.title = text)),
            axes: {
              categoryAxis: { title: textSetter('ChartAxisTitle.text', (c, text) => (c.xTitle = text)) },
              valueAxis: { title: textSetter('ChartAxisTitle.text', (c, text) => (c.yTitle = text)) },
            },
            setPosition: (anchor: string) => set('Chart.setPosition', (c) => (c.position = anchor)),
          };
        },
      },
      getRanges: (a: string) => this.rangeProxy(on, a, 'RangeAreas'),
      freezePanes: {
        freezeRows: (rows: number) => on('WorksheetFreezePanes.freezeRows', (s) => (s.freeze = { rows, columns: 0 })),
        freezeColumns: (columns: number) => on('WorksheetFreezePanes.freezeColumns', (s) => (s.freeze = { rows: 0, columns })),
        freezeAt: (a: string) =>
          on('WorksheetFreezePanes.freezeAt', (s) => {
            // Whole rows (`1:2`) freeze rows only, whole columns (`A:B`) columns only.
            const rows = /^\$?(\d+):\$?(\d+)$/.exec(a);
            if (rows !== null) {
              s.freeze = { rows: Number(rows[2]), columns: 0 };
              return;
            }
            const b = parseArea(a);
            s.freeze = { rows: b.r1 === 1_048_575 ? 0 : b.r1 + 1, columns: b.c1 + 1 };
          }),
        // The frozen cells as Excel gives them: `1:2` for rows, `A:B` for columns, `A1:B2` for both.
        getLocationOrNullObject: () =>
          this.loadable({}, 'WorksheetFreezePanes.getLocationOrNullObject', ['address', 'isNullObject'], on, (s) => {
            const f = s.freeze;
            if (f === undefined) return { isNullObject: true, address: undefined };
            const where =
              f.columns === 0
                ? `1:${f.rows}`
                : f.rows === 0
                  ? `A:${address(0, f.columns - 1).replace(/\d+$/, '')}`
                  : `A1:${address(f.rows - 1, f.columns - 1)}`;
            return { isNullObject: false, address: `${quoteIfNeeded(s.name)}!${where}` };
          }),
        unfreeze: () => on('WorksheetFreezePanes.unfreeze', (s) => (s.freeze = undefined)),
      },
      notes: {
        add: (cell: string, content: string) =>
          on('NoteCollection.add', (s) => {
            if (s.notes.has(cell)) throw new FakeOfficeError('InvalidArgument', `${cell} already has a note.`, 'NoteCollection.add');
            s.notes.set(cell, content);
          }),
        getCount: () => {
          const count = this.loadable({}, 'NoteCollection.getCount', ['value'], on, (s) => ({ value: s.notes.size }));
          (count as { load: (p: string) => object }).load('value');
          return count;
        },
        getItemAt: (index: number) => {
          // The note at `index` when the command runs (notes in the order they were added).
          const at = (s: FakeSheet, location: string): string => {
            const key = [...s.notes.keys()][index];
            if (key === undefined) throw new FakeOfficeError('ItemNotFound', `There is no note at ${index}.`, location);
            return key;
          };
          const note = {
            delete: () => on('Note.delete', (s) => s.notes.delete(at(s, 'Note.delete'))),
            getLocation: () =>
              this.loadable({}, 'Note.getLocation', ['address'], on, (s) => ({ address: `${quoteIfNeeded(s.name)}!${at(s, 'Note.getLocation')}` })),
          };
          return this.loadable(note, 'Note', ['content'], on, (s) => ({ content: s.notes.get(at(s, 'Note')) }));
        },
      },
    };
    return this.loadable(sheet, 'Worksheet', ['id'], on, (s) => ({ id: s.id }));
  }

  /** `getUsedRangeOrNullObject()`: the box from the first to the last cell holding anything; a null object on an empty sheet. */
  private usedRange(on: (location: string, run: (s: FakeSheet) => void) => void): object {
    return this.loadable({}, 'Worksheet.getUsedRangeOrNullObject', ['address', 'formulas', 'numberFormat', 'valueTypes', 'isNullObject'], on, (s) => {
      const boxes = [...s.cells.keys()].map((k) => parseArea(k));
      if (boxes.length === 0) return { isNullObject: true, address: undefined, formulas: undefined, numberFormat: undefined, valueTypes: undefined };
      const r0 = Math.min(...boxes.map((b) => b.r0));
      const r1 = Math.max(...boxes.map((b) => b.r0));
      const c0 = Math.min(...boxes.map((b) => b.c0));
      const c1 = Math.max(...boxes.map((b) => b.c0));
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: r1 - r0 + 1 }, (_, i) => Array.from({ length: c1 - c0 + 1 }, (_, j) => f(s.cells.get(address(r0 + i, c0 + j)))));
      const from = address(r0, c0);
      const to = address(r1, c1);
      return {
        isNullObject: false,
        address: `${quoteIfNeeded(s.name)}!${from === to ? from : `${from}:${to}`}`,
        formulas: grid((c) => c?.content ?? ''),
        numberFormat: grid((c) => c?.format ?? 'General'),
        valueTypes: Array.from({ length: r1 - r0 + 1 }, (_, i) =>
          Array.from({ length: c1 - c0 + 1 }, (_, j) => this.excel.valueOf(s, address(r0 + i, c0 + j)).type),
        ),
      };
    });
  }

  private rangeProxy(
    on: (location: string, run: (s: FakeSheet) => void) => void,
    rangeAddress: string,
    kind: 'Range' | 'RangeAreas',
    sheetOf?: (location: string) => FakeSheet,
  ): object {
    const style = (path: string, properties: readonly string[]): Record<string, unknown> => {
      const target: Record<string, unknown> = {};
      for (const p of properties) {
        Object.defineProperty(target, p, {
          set: (value: unknown) => on(`${kind}.${path}${p}`, (s) => s.styles.push({ address: rangeAddress, property: `${path}${p}`, value })),
        });
      }
      return target;
    };
    const array = (property: 'formulas' | 'values' | 'numberFormat') => (value: unknown[][]) =>
      on(`${kind}.${property}`, (s) => {
        if (kind !== 'Range') throw new Error(`mock: ${property} on a RangeAreas is not modelled`);
        const box = parseArea(rangeAddress);
        const rows = box.r1 - box.r0 + 1;
        const cols = box.c1 - box.c0 + 1;
        if (value.length !== rows || value.some((row) => row.length !== cols)) {
          throw new FakeOfficeError('InvalidArgument', `The ${rows}x${cols} range ${rangeAddress} was given another shape.`, `Range.${property}`);
        }
        s.arrays.push({ property, address: rangeAddress, value });
        if (property !== 'numberFormat') this.excel.dirty = true;
        value.forEach((row, i) =>
          row.forEach((v, j) => {
            const cell = address(box.r0 + i, box.c0 + j);
            const format = s.cells.get(cell)?.format ?? 'General';
            if (property === 'numberFormat') {
              const old = s.cells.get(cell);
              // An empty cell in General is no different from no cell at all.
              if (old !== undefined) s.cells.set(cell, { ...old, format: String(v) });
              else if (String(v) !== 'General') s.cells.set(cell, { content: '', kind: 'text', format: String(v) });
            } else if (v === '' || v === null) {
              s.cells.delete(cell);
              if (format !== 'General') s.cells.set(cell, { content: '', kind: 'text', format });
            } else {
              s.cells.set(cell, FakeExcel.store(v, format));
            }
          }),
        );
      });
    const range = {
      // Copying every cell of one sheet onto every cell of another (ExcelApi 1.9): contents, number
      // formats, looks (column widths too, as whole columns are copied), drop-downs, colour scales and
      // notes; not panes, not charts. Only the whole-sheet copy of "All" is modelled.
      copyFrom: (source: object, copyType: string) =>
        on(`${kind}.copyFrom`, (s) => {
          const from = this.rangeSheets.get(source);
          if (from === undefined || this.rangeAddresses.get(source) !== WHOLE_SHEET || rangeAddress !== WHOLE_SHEET || copyType !== 'All') {
            throw new Error('mock: only copyFrom(otherSheet.getRange(), "All") onto getRange() is modelled');
          }
          const src = from('Range.copyFrom');
          s.cells.clear();
          s.styles.length = 0;
          s.colorScales.length = 0;
          s.notes.clear();
          copyLooks(src, s);
          this.excel.dirty = true;
        }),
      clear: () =>
        on(`${kind}.clear`, (s) => {
          // Contents and formats (conditional formats and drop-downs among them); notes stay, as
          // Office.js documents only values and formatting being cleared.
          if (rangeAddress !== WHOLE_SHEET) throw new Error('mock: clear on part of a sheet is not modelled');
          s.cells.clear();
          s.styles.length = 0;
          s.colorScales.length = 0;
          this.excel.dirty = true;
        }),
      format: Object.assign(style('format.', ['wrapText', 'columnWidth']), {
        font: style('format.font.', ['bold', 'italic', 'size', 'color']),
        fill: style('format.fill.', ['color']),
        borders: { getItem: (edge: string) => style(`format.borders.${edge}.`, ['style', 'color', 'weight']) },
      }),
      dataValidation: style('dataValidation.', ['rule', 'prompt']),
    };
    const rangeWithFormats = Object.assign(range, {
      conditionalFormats: {
        add: (type: string) => {
          if (type !== 'ColorScale') throw new Error(`mock: conditional format "${type}" is not modelled`);
          const scale: { target: FakeColorScale | undefined } = { target: undefined };
          on(`${kind}.conditionalFormats.add`, (s) => {
            scale.target = { address: rangeAddress, criteria: undefined };
            s.colorScales.push(scale.target);
          });
          const colorScale = {};
          Object.defineProperty(colorScale, 'criteria', {
            set: (criteria: unknown) =>
              on('ColorScaleConditionalFormat.criteria', () => {
                if (scale.target === undefined)
                  throw new FakeOfficeError('ItemNotFound', 'The format does not exist.', 'ColorScaleConditionalFormat.criteria');
                scale.target.criteria = criteria;
              }),
          });
          return { colorScale };
        },
      },
    });
    const setters = { formulas: array('formulas'), values: array('values'), numberFormat: array('numberFormat') };
    const loaded = this.loadable(
      rangeWithFormats,
      kind,
      ['formulas', 'values', 'valueTypes', 'numberFormat', 'address', 'cellCount'],
      on,
      (s) => {
        const box = parseArea(rangeAddress);
        const grid = <T>(f: (cell: string) => T): T[][] =>
          Array.from({ length: box.r1 - box.r0 + 1 }, (_, i) =>
            Array.from({ length: box.c1 - box.c0 + 1 }, (_, j) => f(address(box.r0 + i, box.c0 + j))),
          );
        return {
          formulas: grid((cell) => s.cells.get(cell)?.content ?? ''),
          values: grid((cell) => this.excel.valueOf(s, cell).value),
          valueTypes: grid((cell) => this.excel.valueOf(s, cell).type),
          numberFormat: grid((cell) => s.cells.get(cell)?.format ?? 'General'),
          address: `${quoteIfNeeded(s.name)}!${rangeAddress}`,
          cellCount: (box.r1 - box.r0 + 1) * (box.c1 - box.c0 + 1),
        };
      },
      setters,
    );
    this.rangeAddresses.set(loaded, rangeAddress);
    if (sheetOf !== undefined) this.rangeSheets.set(loaded, sheetOf);
    return loaded;
  }

  // --- names ----------------------------------------------------------------------------------

  private addName(name: string, reference: string, comment: string): object {
    this.push(
      'NamedItemCollection.add',
      () => undefined,
      () => {
        if (this.excel.name(name) !== undefined) {
          throw new FakeOfficeError('ItemAlreadyExists', `The name "${name}" already exists.`, 'NamedItemCollection.add');
        }
        this.excel.names.push({ name, formula: reference, comment });
      },
    );
    return {};
  }

  private getName(name: string): object {
    const excel = this.excel;
    const on = (location: string, run: (n: FakeName) => void): void =>
      this.push(
        location,
        () => undefined,
        () => {
          const n = excel.name(name);
          if (n === undefined) throw new FakeOfficeError('ItemNotFound', `There is no name "${name}".`, location);
          run(n);
        },
      );
    return {
      set formula(value: string) {
        on('NamedItem.formula', (n) => (n.formula = value));
      },
      set comment(value: string) {
        on('NamedItem.comment', (n) => (n.comment = value));
      },
      delete: () => on('NamedItem.delete', (n) => excel.names.splice(excel.names.indexOf(n), 1)),
    };
  }
}
