/**
 * Writing a {@link WorkbookPlan} into the open workbook, with undo. One `Excel.run` each for
 * checking, writing and, on failure, undoing:
 *
 * 1. Check (1 sync): read the workbook's sheet names and defined names, and refuse what
 *    `src/workbook/checks.ts` refuses (an existing sheet not in `replace`, an existing name that does
 *    not point at a sheet being replaced, a name pointing at a sheet nobody has) before anything
 *    changes.
 * 2. Write (1 sync per sheet): sheets being replaced are first renamed out of the way (`~1~Force`),
 *    so the new sheet can take its name and nothing is deleted yet. Each sheet is one batch: the
 *    whole block's formulas as one 2-D array, number formats as one 2-D array, one style call per
 *    role over all that role's cells (`getRanges`), column widths, freeze panes, drop-downs, notes,
 *    colour scales (ExcelApi 1.6), charts and the defined names that point at it. Names go in with
 *    their sheet, so the sheets written after it find them.
 * 3. Finish (1 sync): delete the renamed old sheets and show the first new one.
 *
 * If any step fails, an undo run (2 syncs) deletes the sheets this call created, renames the old
 * sheets back, removes the names it added and restores the names it repointed; the error is rethrown
 * as a {@link WorkbookWriteError} naming the sheet and step. The full baseline (5 sheets) takes
 * 7 syncs, however many rows its sheets have. Progress follows `progressSteps` (`src/workbook/writer.ts`).
 *
 * Why old sheets are renamed rather than new ones written under a temporary name: a formula that
 * names another sheet binds to the sheet holding that name when it is entered, so formulas written
 * while the old sheet still had its name would turn to `#REF!` once it was deleted.
 */
import { address, nameFormula, parseReference } from "../../workbook/a1";
import { planRefusal, workbookRefusal } from "../../workbook/checks";
import { errorDetail } from "../../workbook/messages";
import { blockAddress, type NamePlan, type SheetPlan, type WorkbookPlan } from "../../workbook/plan";
import { progressReporter, WorkbookWriteError, type WriteErrorCode, type WriteOptions } from "../../workbook/writer";
import { chunkAddresses, columnWidthRuns, formatsOf, formulasOf, notesOf, rolesToRanges, temporaryName, textMaskOf, validationGroups } from "./layout";
import { type Cells, chartTypeOf, colorScaleCriteria, STYLES } from "./styles";

/** `Excel.run` as the writer uses it; tests pass office-addin-mock's instead. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, e.g. `("ExcelApi", "1.18")`. */
export type SetSupported = (set: string, version: string) => boolean;

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

/** A defined name's formula, as a name added for a plan takes it: `='Force (2)'!$B$13`. */
const referenceOf = (n: NamePlan): string => nameFormula(n.sheet, n.address);

/** Writes plans into the workbook `run` opens; see the module comment for the steps. */
export class ExcelPlanWriter {
  constructor(
    private readonly run: ExcelRun,
    private readonly isSetSupported: SetSupported,
  ) {}

  async apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    const invalid = planRefusal(plan);
    if (invalid !== null) throw invalid;
    const { sheets, names } = await this.inspect();
    const refused = workbookRefusal(
      plan,
      sheets,
      names.map((n) => ({ name: n.name, sheet: parseReference(n.formula)?.sheet, formula: n.formula })),
      options.replace,
    );
    if (refused !== null) throw refused;

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
    const report = progressReporter(plan, options.onProgress);
    let failing = { sheet: "", step: "" };

    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const workbookNames = context.workbook.names;
        const addName = (n: NamePlan): void => {
          if (repointed.has(lower(n.name))) {
            const item = workbookNames.getItem(n.name);
            item.formula = referenceOf(n);
            item.comment = n.comment;
          } else {
            workbookNames.add(n.name, referenceOf(n), n.comment);
          }
        };
        const planSheets = new Set(plan.sheets.map((s) => lower(s.name)));
        let first: Excel.Worksheet | undefined;

        for (const [i, sheet] of plan.sheets.entries()) {
          const step = `writing sheet "${sheet.name}" (${i + 1} of ${plan.sheets.length})`;
          failing = { sheet: sheet.name, step };
          report(i);
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
        report(plan.sheets.length);
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
          `Undoing it failed too (${errorDetail(undoError)}): check the sheets ${plan.sheets.map((s) => `"${s.name}"`).join(", ")}` +
          (temps.length > 0 ? ` and the old sheets renamed ${temps.join(", ")}.` : ".");
      }
      throw new WorkbookWriteError(code, failing.sheet, failing.step, `Loading failed while ${failing.step}: ${errorDetail(error)}. ${undo}`);
    }
    report(plan.sheets.length + 1);
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
      throw new WorkbookWriteError("READ_FAILED", "", "reading the workbook", `Could not read the workbook's sheets and names: ${errorDetail(error)}. Nothing was changed.`);
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

/** Queues one sheet's contents, formats, styles, widths, panes, drop-downs, notes, colour scales and charts (no sync). */
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
