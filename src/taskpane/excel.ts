/**
 * The one module that calls `Excel.run`: it writes a {@link WorkbookPlan} into the open workbook.
 *
 * How a plan is written (one `Excel.run` each for checking, writing and, on failure, undoing):
 *
 * 1. Check (1 sync): read the workbook's sheet names and defined names. A plan sheet that exists
 *    and is not in `replace`, or a plan name that exists and does not point at a sheet being
 *    replaced, makes `apply` throw before anything changes.
 * 2. Write (1 sync per sheet): sheets being replaced are first renamed out of the way (`~1~Force`),
 *    so the new sheet can take its name and nothing is deleted yet. Each sheet is one batch: the
 *    whole block's formulas as one 2-D array, number formats as one 2-D array, one style call per
 *    role over all that role's cells (`getRanges`), column widths, freeze panes, drop-downs, notes,
 *    colour scales (ExcelApi 1.6), charts and the defined names that point at it. Names go in with their sheet, so the sheets written
 *    after it find them.
 * 3. Finish (1 sync): delete the renamed old sheets and show the first new one.
 *
 * If any step fails, an undo run (2 syncs) deletes the sheets this call created, renames the old
 * sheets back, removes the names it added and restores the names it repointed; the error is rethrown
 * as a {@link WorkbookWriteError} naming the sheet and step. The full baseline (5 sheets) takes
 * 7 syncs, however many rows its sheets have.
 *
 * Driving the workbook for sensitivity tables (`readCells`, `evaluate`, `restore`, `resolveName`,
 * `selectedCell`) takes one sync per call, whatever the number of cells; `evaluate` takes a second
 * only the first time it finds the workbook in manual calculation.
 *
 * Why old sheets are renamed rather than new ones written under a temporary name: a formula that
 * names another sheet binds to the sheet holding that name when it is entered, so formulas written
 * while the old sheet still had its name would turn to `#REF!` once it was deleted.
 */
import { nameReference } from "../workbook/baseline";
import { findClash, planProblems } from "../workbook/checks";
import {
  address,
  blockAddress,
  columnName,
  type CellRole,
  type ChartPlan,
  type ColorScalePlan,
  type Constant,
  type NamePlan,
  type SheetPlan,
  type WorkbookPlan,
} from "../workbook/plan";
import type { CellRef, CellState, DrivableTarget, Progress, WriteOptions } from "../workbook/target";

/** `Excel.run` as this module uses it; tests pass office-addin-mock's instead. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, e.g. `("ExcelApi", "1.18")`. */
export type SetSupported = (set: string, version: string) => boolean;

export interface ExcelTargetOptions {
  /** Default: `Excel.run`. */
  readonly run?: ExcelRun;
  /** Default: `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported?: SetSupported;
}

/**
 * - `INVALID_PLAN`: the plan cannot be written as it is (a bad sheet name, ragged rows, a drop-down
 *   item with a comma); found before anything changes.
 * - `SHEET_EXISTS`: a plan sheet exists in the workbook and is not to be replaced; nothing changed.
 * - `NAME_EXISTS`: a plan name is defined in the workbook and does not point at a sheet being
 *   replaced; nothing changed.
 * - `READ_FAILED`: the workbook could not be read; nothing changed.
 * - `WRITE_FAILED`: writing failed part-way; what had been written was undone.
 * - `UNDO_FAILED`: writing failed part-way and undoing it failed too; `leftovers` says what to check.
 */
export type WriteErrorCode = "INVALID_PLAN" | "SHEET_EXISTS" | "NAME_EXISTS" | "READ_FAILED" | "WRITE_FAILED" | "UNDO_FAILED";

export class WorkbookWriteError extends Error {
  readonly code: WriteErrorCode;
  /** The sheet being written when it failed (or that clashes); empty when no single one. */
  readonly sheet: string;
  /** The step that failed, as shown in the message, e.g. `writing sheet "Fund" (4 of 5)`. */
  readonly step: string;

  constructor(code: WriteErrorCode, sheet: string, step: string, message: string) {
    super(message);
    // Keeps `instanceof` working where the runtime down-levels classes (Office's IE11 webview).
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "WorkbookWriteError";
    this.code = code;
    this.sheet = sheet;
    this.step = step;
  }
}

// ---------------------------------------------------------------------------------------------
// Pure helpers: what gets written, computed from the plan alone (tested without Excel).
// ---------------------------------------------------------------------------------------------

/** A cell's content as `Range.formulas` takes it: formulas and constants as they are, empty as `""`. */
export function formulasOf(sheet: SheetPlan): (string | number | boolean)[][] {
  return sheet.cells.map((row) => row.map((cell) => cell.content ?? ""));
}

/** Number formats as `Range.numberFormat` takes them: `General` where the plan sets none. */
export function formatsOf(sheet: SheetPlan): string[][] {
  return sheet.cells.map((row) => row.map((cell) => cell.format ?? "General"));
}

function isTextConstant(content: Constant): content is string {
  return typeof content === "string" && content !== "" && !content.startsWith("=");
}

/**
 * Text format (`@`) on every cell holding a text constant, `General` elsewhere; `undefined` when the
 * sheet has no text. Assigned before the formulas so Excel stores text as typed: without it,
 * `Range.formulas` reads `2024-08` as a date, `2018` as a number and `TRUE` as a boolean. The plan's
 * own formats are assigned afterwards (a format change does not re-read a cell).
 */
export function textMaskOf(sheet: SheetPlan): string[][] | undefined {
  let any = false;
  const mask = sheet.cells.map((row) =>
    row.map((cell) => {
      if (!isTextConstant(cell.content)) return "General";
      any = true;
      return "@";
    }),
  );
  return any ? mask : undefined;
}

interface Area {
  readonly role: CellRole;
  readonly c0: number;
  readonly c1: number;
  readonly r0: number;
  r1: number;
}

function areaAddress(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? address(r0, c0) : `${address(r0, c0)}:${address(r1, c1)}`;
}

/**
 * The cells of each role as rectangles (`A5:C9`): runs of one role along a row, merged downwards
 * while the next row has the same run. Roles in order of first appearance; rectangles top to bottom,
 * left to right. Cells without a role are left out. One style call per role covers them all.
 */
export function rolesToRanges(sheet: SheetPlan): Map<CellRole, string[]> {
  let open: Area[] = [];
  const closed: Area[] = [];
  sheet.cells.forEach((row, r) => {
    const next: Area[] = [];
    let c = 0;
    while (c < row.length) {
      const role = row[c]?.role;
      let end = c;
      while (end + 1 < row.length && row[end + 1]?.role === role) end++;
      if (role !== undefined) {
        const i = open.findIndex((a) => a.role === role && a.c0 === c && a.c1 === end);
        const above = i >= 0 ? open.splice(i, 1)[0] : undefined;
        if (above !== undefined) {
          above.r1 = r;
          next.push(above);
        } else {
          next.push({ role, c0: c, c1: end, r0: r, r1: r });
        }
      }
      c = end + 1;
    }
    closed.push(...open);
    open = next;
  });
  closed.push(...open);
  closed.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const byRole = new Map<CellRole, string[]>();
  for (const a of closed) {
    const list = byRole.get(a.role) ?? [];
    list.push(areaAddress(a.r0, a.c0, a.r1, a.c1));
    byRole.set(a.role, list);
  }
  return byRole;
}

/**
 * Address lists for `Worksheet.getRanges`, each at most `maxLength` characters (`"A1:B2, C5"`).
 * Excel caps a range address at 8,192 characters; the default keeps well under it.
 */
export function chunkAddresses(addresses: readonly string[], maxLength = 2000): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current !== "" && current.length + 2 + a.length > maxLength) {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? a : `${current}, ${a}`;
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/**
 * Column width in points (what `RangeFormat.columnWidth` takes) for a width in characters of the
 * default font, as Excel converts them: 7 pixels per character plus 5 pixels of padding, at 0.75
 * points per pixel. The default column, 8.43 characters, is 48 points.
 */
export function columnPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 4) / 4;
}

/** Runs of adjacent columns of equal width: one `getRange("A:C").format.columnWidth` each. */
export function columnWidthRuns(sheet: SheetPlan): { readonly columns: string; readonly points: number }[] {
  const runs: { columns: string; points: number }[] = [];
  const w = sheet.columnWidths;
  let start = 0;
  for (let i = 0; i < w.length; i++) {
    if (i + 1 < w.length && w[i + 1] === w[i]) continue;
    runs.push({ columns: `${columnName(start)}:${columnName(i)}`, points: columnPoints(w[i] ?? 0) });
    start = i + 1;
  }
  return runs;
}

/** Drop-downs grouped by list and prompt, so cells sharing one get it in one call. */
export function validationGroups(sheet: SheetPlan): { readonly addresses: string[]; readonly source: string; readonly prompt: string }[] {
  const groups = new Map<string, { addresses: string[]; source: string; prompt: string }>();
  for (const v of sheet.validations) {
    const source = v.list.join(",");
    const key = JSON.stringify([source, v.prompt]);
    const group = groups.get(key) ?? { addresses: [], source, prompt: v.prompt };
    group.addresses.push(v.address);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The cells that carry a note. */
export function notesOf(sheet: SheetPlan): { readonly address: string; readonly note: string }[] {
  const notes: { address: string; note: string }[] = [];
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.note !== undefined && cell.note !== "") notes.push({ address: address(r, c), note: cell.note });
    }),
  );
  return notes;
}

/** The sheet a name's formula points at (`='Force (2)'!$A$1` → `Force (2)`); `undefined` for anything else. */
export function sheetOfReference(formula: string): string | undefined {
  const m = /^=(?:'((?:[^']|'')+)'|([^'!=]+))!/.exec(formula.trim());
  if (m === null) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/** A free temporary name for an old sheet being replaced: `~1~Force`, at most 31 characters. */
export function temporaryName(name: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const prefix = `~${i}~`;
    const candidate = prefix + name.slice(0, 31 - prefix.length);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Message and, when Office gives one, where in the batch it failed (`Range.formulas`). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const debugInfo: unknown = (error as { debugInfo?: unknown }).debugInfo;
  const location =
    typeof debugInfo === "object" && debugInfo !== null ? (debugInfo as { errorLocation?: unknown }).errorLocation : undefined;
  return typeof location === "string" && location !== "" ? `${error.message} (at ${location})` : error.message;
}

/**
 * The cell an address as Excel reports it names (`Assumptions!$G$6`, `'Force (2)'!B13`), without
 * `$`; `null` for anything that is not one cell on one sheet (`Assumptions!G6:G8`, `A1,B2`).
 */
export function parseCellAddress(reference: string): CellRef | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(reference.trim());
  if (m === null) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (sheet === undefined || m[3] === undefined || m[4] === undefined) return null;
  return { sheet, address: `${m[3].toUpperCase()}${m[4]}` };
}

/** What `Range.values` and `Range.valueTypes` give for one cell, as a {@link Constant}: empty is `null`, an error its code. */
export function constantOf(value: unknown, valueType: unknown): Constant {
  if (valueType === "Empty") return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" && valueType !== "Error" ? null : value;
  return null;
}

const SCALE_LOW = "#F8696B";
const SCALE_MID = "#FFEB84";
const SCALE_HIGH = "#63BE7B";

/** Excel's red-yellow-green scale: lowest red, 50th percentile yellow, highest green (swapped when `reverse`). */
export function colorScaleCriteria(plan: ColorScalePlan): Excel.ConditionalColorScaleCriteria {
  const low = plan.reverse === true ? SCALE_HIGH : SCALE_LOW;
  const high = plan.reverse === true ? SCALE_LOW : SCALE_HIGH;
  return {
    minimum: { type: "LowestValue", color: low },
    midpoint: { type: "Percentile", formula: "50", color: SCALE_MID },
    maximum: { type: "HighestValue", color: high },
  };
}

/** The Excel chart type of a chart plan: lines, or clustered horizontal bars (a tornado). */
export function chartTypeOf(plan: ChartPlan): "Line" | "BarClustered" {
  return plan.kind === "line" ? "Line" : "BarClustered";
}

// ---------------------------------------------------------------------------------------------
// Styles by role.
// ---------------------------------------------------------------------------------------------

/** What both a `Range` and a `RangeAreas` offer for styling. */
type Cells = Pick<Excel.Range, "format" | "dataValidation">;

const GREY = "#616161";

/** The style of each role; `text` keeps Excel's defaults. Inputs are blue on light blue, by convention. */
const STYLES: Readonly<Record<CellRole, ((cells: Cells) => void) | undefined>> = {
  title: (c) => {
    c.format.font.bold = true;
    c.format.font.size = 14;
  },
  subtitle: (c) => {
    c.format.font.italic = true;
    c.format.font.color = GREY;
  },
  header: (c) => {
    c.format.font.bold = true;
    c.format.fill.color = "#F3F2F1";
    c.format.borders.getItem("EdgeBottom").style = "Continuous";
  },
  label: (c) => {
    c.format.font.bold = true;
  },
  input: (c) => {
    c.format.font.color = "#0F6CBD";
    c.format.fill.color = "#EFF6FC";
  },
  output: (c) => {
    c.format.font.color = "#000000";
  },
  check: (c) => {
    c.format.font.bold = true;
  },
  text: undefined,
  source: (c) => {
    c.format.font.color = GREY;
    c.format.wrapText = false;
  },
};

// ---------------------------------------------------------------------------------------------
// The writer.
// ---------------------------------------------------------------------------------------------

interface ExistingName {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
}

interface Replacement {
  /** The old sheet's name as the workbook spells it. */
  readonly existing: string;
  /** Its name while the new sheet is written. */
  readonly temporary: string;
}

interface Capabilities {
  /** `getRanges` (ExcelApi 1.9): one call styles many areas. */
  readonly areas: boolean;
  /** `worksheet.notes` (ExcelApi 1.18). */
  readonly notes: boolean;
  /** `range.conditionalFormats` (ExcelApi 1.6): colour scales. */
  readonly conditionalFormats: boolean;
}

const lower = (s: string): string => s.toLowerCase();

export class ExcelTarget implements DrivableTarget {
  private readonly run: ExcelRun;
  private readonly isSetSupported: SetSupported;

  constructor(options: ExcelTargetOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.isSetSupported = options.isSetSupported ?? ((set, version) => Office.context.requirements.isSetSupported(set, version));
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async definedNames(): Promise<string[]> {
    return this.run(async (context) => {
      const names = context.workbook.names.load("items/name");
      await context.sync();
      return names.items.map((n) => n.name);
    });
  }

  async setValue(sheet: string, cell: string, value: string): Promise<void> {
    try {
      await this.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        await context.sync();
      });
    } catch (error) {
      const step = `setting ${sheet}!${cell}`;
      throw new WorkbookWriteError("WRITE_FAILED", sheet, step, `Could not set ${sheet}!${cell}: ${describeError(error)}`);
    }
  }

  // --- Driving the workbook (sensitivity tables): a constant number of syncs per call ---------

  /** Whether the workbook was in manual calculation at the last `evaluate` (then it calculates up front). */
  private manualCalculation = false;

  async resolveName(name: string): Promise<CellRef | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
        range.load("address");
        await context.sync();
        return range.isNullObject ? null : parseCellAddress(range.address);
      });
    } catch (error) {
      throw new WorkbookWriteError("READ_FAILED", "", `reading the name "${name}"`, `Could not read the name "${name}": ${describeError(error)}.`);
    }
  }

  async selectedCell(): Promise<CellRef | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("address,cellCount");
        await context.sync();
        return range.cellCount === 1 ? parseCellAddress(range.address) : null;
      });
    } catch (error) {
      // A chart or a shape is selected: no cell is.
      if ((error as { code?: unknown }).code === "InvalidSelection") return null;
      throw new WorkbookWriteError("READ_FAILED", "", "reading the selection", `Could not read the selected cell: ${describeError(error)}.`);
    }
  }

  /** Reads every cell's formula, value and value type in one sync. */
  async readCells(refs: readonly CellRef[]): Promise<CellState[]> {
    if (refs.length === 0) return [];
    try {
      return await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const ranges = refs.map((ref) => worksheets.getItem(ref.sheet).getRange(ref.address).load("formulas,values,valueTypes"));
        await context.sync();
        return ranges.map((range): CellState => {
          const formula: unknown = range.formulas[0]?.[0];
          return {
            formula: typeof formula === "string" && formula.startsWith("=") ? formula : null,
            value: constantOf(range.values[0]?.[0], range.valueTypes[0]?.[0]),
          };
        });
      });
    } catch (error) {
      throw new WorkbookWriteError("READ_FAILED", refs[0]?.sheet ?? "", "reading cells", `Could not read ${refList(refs)}: ${describeError(error)}.`);
    }
  }

  /**
   * Sets the inputs and reads the outputs in one sync: Excel recalculates (custom functions
   * included) before it returns the values. In manual calculation it calculates first; the first
   * call that finds the workbook in manual mode takes a second sync to calculate and read again.
   */
  async evaluate(inputs: readonly { readonly ref: CellRef; readonly value: number }[], outputs: readonly CellRef[]): Promise<Constant[]> {
    try {
      return await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const application = context.workbook.application;
        for (const input of inputs) worksheets.getItem(input.ref.sheet).getRange(input.ref.address).values = [[input.value]];
        const calculatedFirst = this.manualCalculation;
        if (calculatedFirst) application.calculate("Recalculate");
        application.load("calculationMode");
        const ranges = outputs.map((ref) => worksheets.getItem(ref.sheet).getRange(ref.address).load("values,valueTypes"));
        await context.sync();
        this.manualCalculation = application.calculationMode === "Manual";
        if (this.manualCalculation && !calculatedFirst) {
          application.calculate("Recalculate");
          for (const range of ranges) range.load("values,valueTypes");
          await context.sync();
        }
        return ranges.map((range) => constantOf(range.values[0]?.[0], range.valueTypes[0]?.[0]));
      });
    } catch (error) {
      throw new WorkbookWriteError(
        "WRITE_FAILED",
        inputs[0]?.ref.sheet ?? "",
        "evaluating",
        `Could not set ${refList(inputs.map((i) => i.ref))} and read ${refList(outputs)}: ${describeError(error)}.`,
      );
    }
  }

  /** Puts each cell's formula back, or its value where it held a constant (empty as `""`), in one sync. */
  async restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void> {
    if (cells.length === 0) return;
    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        for (const { ref, state } of cells) {
          const range = worksheets.getItem(ref.sheet).getRange(ref.address);
          if (state.formula !== null) range.formulas = [[state.formula]];
          else range.values = [[state.value ?? ""]];
        }
        await context.sync();
      });
    } catch (error) {
      throw new WorkbookWriteError(
        "WRITE_FAILED",
        cells[0]?.ref.sheet ?? "",
        "restoring cells",
        `Could not put back ${refList(cells.map((c) => c.ref))}; check them: ${describeError(error)}.`,
      );
    }
  }

  async apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    const problems = planProblems(plan);
    if (problems.length > 0) {
      throw new WorkbookWriteError("INVALID_PLAN", "", "checking the plan", `The plan cannot be written: ${problems.join("; ")}.`);
    }
    const { sheets, names } = await this.inspect();

    // Refuse clashes (src/workbook/checks.ts: the rules the preview applies too).
    const clash = findClash(plan, sheets, names.map((n) => ({ name: n.name, sheet: sheetOfReference(n.formula) })), options.replace);
    if (clash?.kind === "sheets") {
      const clashing = clash.sheets;
      const list = clashing.map((s) => `"${s}"`).join(", ");
      throw new WorkbookWriteError(
        "SHEET_EXISTS",
        clashing[0] ?? "",
        "checking the workbook",
        `The workbook already has ${clashing.length === 1 ? "a sheet" : "sheets"} ${list}; nothing was changed. Load a new copy, or choose to replace ${clashing.length === 1 ? "it" : "them"}.`,
      );
    }
    if (clash?.kind === "name") {
      const old = names.find((n) => lower(n.name) === lower(clash.name.name));
      throw new WorkbookWriteError(
        "NAME_EXISTS",
        clash.name.sheet ?? "",
        "checking the workbook",
        `The workbook already defines the name "${clash.name.name}" (${old?.formula ?? "?"}); nothing was changed. Load a new copy, whose names do not clash.`,
      );
    }

    // Temporary names for the old sheets being replaced.
    const existing = new Map(sheets.map((s) => [lower(s), s]));
    const taken = new Set([...existing.keys(), ...plan.sheets.map((s) => lower(s.name))]);
    const replacements = new Map<string, Replacement>();
    for (const s of plan.sheets) {
      const old = existing.get(lower(s.name));
      if (old === undefined) continue;
      const temporary = temporaryName(old, taken);
      taken.add(lower(temporary));
      replacements.set(lower(s.name), { existing: old, temporary });
    }

    // Names the plan redefines (each points at a sheet being replaced: checked above).
    const existingNames = new Map(names.map((n) => [lower(n.name), n]));
    const repointed = new Map<string, ExistingName>();
    for (const n of plan.names) {
      const old = existingNames.get(lower(n.name));
      if (old !== undefined) repointed.set(lower(n.name), old);
    }

    const capabilities: Capabilities = {
      areas: this.isSetSupported("ExcelApi", "1.9"),
      notes: this.isSetSupported("ExcelApi", "1.18"),
      conditionalFormats: this.isSetSupported("ExcelApi", "1.6"),
    };
    const total = plan.sheets.length + 1;
    const report = (done: number, step: string): void => options.onProgress?.({ done, total, step } satisfies Progress);
    let failing = { sheet: "", step: "" };

    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const workbookNames = context.workbook.names;
        const addName = (n: NamePlan): void => {
          if (repointed.has(lower(n.name))) {
            const item = workbookNames.getItem(n.name);
            item.formula = nameReference(n);
            item.comment = n.comment;
          } else {
            workbookNames.add(n.name, nameReference(n), n.comment);
          }
        };
        const planSheets = new Set(plan.sheets.map((s) => lower(s.name)));
        let first: Excel.Worksheet | undefined;

        for (const [i, sheet] of plan.sheets.entries()) {
          const step = `writing sheet "${sheet.name}" (${i + 1} of ${plan.sheets.length})`;
          failing = { sheet: sheet.name, step };
          report(i, `Writing sheet "${sheet.name}"`);
          if (i === 0) {
            for (const r of replacements.values()) worksheets.getItem(r.existing).name = r.temporary;
            // Names pointing outside the plan go first, so every sheet's formulas find them.
            for (const n of plan.names) if (!planSheets.has(lower(n.sheet))) addName(n);
          }
          const ws = worksheets.add(sheet.name);
          first ??= ws;
          writeSheet(ws, sheet, capabilities);
          for (const n of plan.names) if (lower(n.sheet) === lower(sheet.name)) addName(n);
          // One sync per sheet, by design: progress after each sheet and a bounded request size.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }

        failing = { sheet: "", step: "removing the replaced sheets" };
        report(plan.sheets.length, "Removing replaced sheets");
        for (const r of replacements.values()) worksheets.getItem(r.temporary).delete();
        first?.activate();
        await context.sync();
      });
    } catch (error) {
      let undo = "The sheets it had created were removed and any replaced sheets restored; nothing else changed.";
      let code: WriteErrorCode = "WRITE_FAILED";
      try {
        await this.undo(plan, replacements, repointed);
      } catch (undoError) {
        code = "UNDO_FAILED";
        const temps = [...replacements.values()].map((r) => `"${r.temporary}"`);
        undo =
          `Undoing it failed too (${describeError(undoError)}): check the sheets ${plan.sheets.map((s) => `"${s.name}"`).join(", ")}` +
          (temps.length > 0 ? ` and the old sheets renamed ${temps.join(", ")}.` : ".");
      }
      throw new WorkbookWriteError(code, failing.sheet, failing.step, `Loading failed while ${failing.step}: ${describeError(error)}. ${undo}`);
    }
    report(total, "Done");
  }

  /** Sheet names and workbook-level names with their references (1 sync). */
  private async inspect(): Promise<{ sheets: string[]; names: ExistingName[] }> {
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        const names = context.workbook.names.load("items/name,items/formula,items/comment");
        await context.sync();
        return {
          sheets: sheets.items.map((s) => s.name),
          names: names.items.map((n) => {
            const formula: unknown = n.formula;
            return { name: n.name, formula: typeof formula === "string" ? formula : "", comment: n.comment };
          }),
        };
      });
    } catch (error) {
      throw new WorkbookWriteError("READ_FAILED", "", "reading the workbook", `Could not read the workbook's sheets and names: ${describeError(error)}. Nothing was changed.`);
    }
  }

  /**
   * Puts the workbook back as it was before `apply`, from what is there now (a failed batch may have
   * run part-way): deletes plan sheets this call created, renames old sheets back, deletes names it
   * added and restores names it repointed. A plan sheet that was to be replaced counts as new only
   * while its renamed old sheet still exists.
   */
  private async undo(plan: WorkbookPlan, replacements: ReadonlyMap<string, Replacement>, repointed: ReadonlyMap<string, ExistingName>): Promise<void> {
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name");
      const names = context.workbook.names.load("items/name");
      await context.sync();
      const sheetsNow = new Map(worksheets.items.map((s) => [lower(s.name), s.name]));
      const namesNow = new Set(names.items.map((n) => lower(n.name)));
      let changes = 0;
      for (const s of plan.sheets) {
        const now = sheetsNow.get(lower(s.name));
        const r = replacements.get(lower(s.name));
        const renamed = r === undefined ? undefined : sheetsNow.get(lower(r.temporary));
        if (r !== undefined && renamed === undefined) continue; // the old sheet was never renamed (or is gone): keep what holds the name
        if (now !== undefined) {
          worksheets.getItem(now).delete();
          changes++;
        }
        if (r !== undefined && renamed !== undefined) {
          worksheets.getItem(renamed).name = r.existing;
          changes++;
        }
      }
      for (const n of plan.names) {
        const old = repointed.get(lower(n.name));
        const present = namesNow.has(lower(n.name));
        if (old !== undefined && present) {
          const item = context.workbook.names.getItem(n.name);
          item.formula = old.formula;
          item.comment = old.comment;
          changes++;
        } else if (old !== undefined) {
          context.workbook.names.add(old.name, old.formula, old.comment);
          changes++;
        } else if (present) {
          context.workbook.names.getItem(n.name).delete();
          changes++;
        }
      }
      if (changes > 0) await context.sync();
    });
  }
}

/** `Force!B13, Fund!C5`, at most five cells then a count. */
function refList(refs: readonly CellRef[]): string {
  const shown = refs.slice(0, 5).map((r) => `${r.sheet}!${r.address}`);
  return refs.length > 5 ? `${shown.join(", ")} and ${refs.length - 5} more` : shown.join(", ");
}

/** Queues one sheet's contents, formats, styles, widths, panes, drop-downs and notes (no sync). */
function writeSheet(ws: Excel.Worksheet, sheet: SheetPlan, can: Capabilities): void {
  const block = ws.getRange(blockAddress(sheet));
  const mask = textMaskOf(sheet);
  if (mask !== undefined) block.numberFormat = mask;
  block.formulas = formulasOf(sheet);
  block.numberFormat = formatsOf(sheet);

  const each = (addresses: readonly string[], f: (cells: Cells) => void): void => {
    if (can.areas) for (const chunk of chunkAddresses(addresses)) f(ws.getRanges(chunk));
    else for (const a of addresses) f(ws.getRange(a));
  };
  for (const [role, addresses] of rolesToRanges(sheet)) {
    const style = STYLES[role];
    if (style !== undefined) each(addresses, style);
  }
  for (const run of columnWidthRuns(sheet)) ws.getRange(run.columns).format.columnWidth = run.points;

  const freeze = sheet.freeze;
  if (freeze !== undefined && freeze.rows > 0 && freeze.columns > 0) {
    ws.freezePanes.freezeAt(`A1:${address(freeze.rows - 1, freeze.columns - 1)}`);
  } else if (freeze !== undefined && freeze.rows > 0) {
    ws.freezePanes.freezeRows(freeze.rows);
  } else if (freeze !== undefined && freeze.columns > 0) {
    ws.freezePanes.freezeColumns(freeze.columns);
  }

  for (const g of validationGroups(sheet)) {
    each(g.addresses, (cells) => {
      cells.dataValidation.rule = { list: { inCellDropDown: true, source: g.source } };
      cells.dataValidation.prompt = { showPrompt: true, title: "", message: g.prompt };
    });
  }
  if (can.notes) for (const n of notesOf(sheet)) ws.notes.add(n.address, n.note);

  if (can.conditionalFormats) {
    for (const scale of sheet.colorScales ?? []) {
      const format = ws.getRange(scale.address).conditionalFormats.add("ColorScale");
      format.colorScale.criteria = colorScaleCriteria(scale);
    }
  }
  for (const plan of sheet.charts ?? []) {
    const chart = ws.charts.add(chartTypeOf(plan), ws.getRange(plan.dataAddress), "Columns");
    chart.title.text = plan.title;
    if (plan.xTitle !== undefined) chart.axes.categoryAxis.title.text = plan.xTitle;
    if (plan.yTitle !== undefined) chart.axes.valueAxis.title.text = plan.yTitle;
    chart.setPosition(plan.anchor);
  }
}
