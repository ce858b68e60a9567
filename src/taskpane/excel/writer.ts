/**
 * Writing a {@link WorkbookPlan} into the open workbook, with an honest undo. One `Excel.run` each
 * for checking, writing and, on failure, undoing:
 *
 * 1. Check (1 sync; 2 or 3 when replacing): read the workbook's sheets (names and ids) and defined
 *    names, and refuse what `src/workbook/checks.ts` refuses before anything changes; then keep a
 *    copy of each sheet being replaced (its used range's formulas and number formats, its notes).
 * 2. Write (1 sync per sheet): a new sheet is added (its id loaded in the same sync); a sheet being
 *    replaced is cleared and rewritten in place, so its identity, and every reference to it from the
 *    user's names and formulas, survives. Each sheet is one batch: the block's formulas and number
 *    formats as 2-D arrays, one style call per role (`getRanges`), widths, panes, drop-downs, notes,
 *    colour scales (ExcelApi 1.6), charts and the defined names that point at it.
 * 3. Finish (1 sync): show the first sheet. Only once this is confirmed are the copies let go.
 *
 * If any step fails, the undo (`undo.ts`) deletes only the sheets this write created (by id, so a
 * sheet the user made meanwhile under a planned name survives), puts replaced sheets' contents back,
 * restores the names, reads the workbook back and says exactly what is left; the error is a
 * {@link WorkbookWriteError} naming the sheet and step: WRITE_FAILED when the workbook is as it was,
 * UNDO_FAILED otherwise. The full baseline (5 new sheets) takes 7 syncs, however many rows.
 */
import { nameFormula, parseReference } from '../../workbook/a1';
import { planRefusal, workbookRefusal } from '../../workbook/checks';
import { errorDetail } from '../../workbook/messages';
import type { NamePlan, WorkbookPlan } from '../../workbook/plan';
import { progressReporter, WorkbookWriteError, type WriteOptions } from '../../workbook/writer';
import { type Capabilities, writeSheet } from './sheet';
import { type Before, type Contents, deleteNotes, type NameState, readContents, type SheetId, undoWrite } from './undo';

/** `Excel.run` as the writer uses it; tests pass office-addin-mock's instead. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, e.g. `("ExcelApi", "1.18")`. */
export type SetSupported = (set: string, version: string) => boolean;

const lower = (s: string): string => s.toLowerCase();

/** A defined name's formula, as a name added for a plan takes it: `='Force (2)'!$B$13`. */
const referenceOf = (n: NamePlan): string => nameFormula(n.sheet, n.address);

/** Whether an Office error says a `WorksheetCollection.add` found its name taken (then the sheet there is not ours). */
function nameWasTaken(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? error.code : undefined;
  const debugInfo = 'debugInfo' in error ? error.debugInfo : undefined;
  const location = typeof debugInfo === 'object' && debugInfo !== null && 'errorLocation' in debugInfo ? debugInfo.errorLocation : undefined;
  return code === 'ItemAlreadyExists' && location === 'WorksheetCollection.add';
}

/** Writes plans into the workbook `run` opens; see the module comment for the steps. */
export class ExcelPlanWriter {
  constructor(
    private readonly run: ExcelRun,
    private readonly isSetSupported: SetSupported,
  ) {}

  async apply(plan: WorkbookPlan, options: WriteOptions): Promise<void> {
    const invalid = planRefusal(plan);
    if (invalid !== null) throw invalid;
    const capabilities: Capabilities = {
      areas: this.isSetSupported('ExcelApi', '1.9'),
      notes: this.isSetSupported('ExcelApi', '1.18'),
      conditionalFormats: this.isSetSupported('ExcelApi', '1.6'),
    };
    const before = await this.inspect(plan, options.replace, capabilities.notes);
    const refused = workbookRefusal(
      plan,
      before.sheets.map((s) => s.name),
      before.names.map((n) => ({ name: n.name, sheet: parseReference(n.formula)?.sheet, formula: n.formula })),
      options.replace,
    );
    if (refused !== null) throw refused;

    const existingNames = new Set(before.names.map((n) => lower(n.name)));
    const report = progressReporter(plan, options.onProgress);
    let failing = { sheet: '', step: '' };
    const created: string[] = [];
    let adding: string | undefined;

    try {
      await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const workbookNames = context.workbook.names;
        const addName = (n: NamePlan): void => {
          if (existingNames.has(lower(n.name))) {
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
          // Names pointing outside the plan go first, so every sheet's formulas find them.
          if (i === 0) for (const n of plan.names) if (!planSheets.has(lower(n.sheet))) addName(n);
          const old = before.replaced.get(lower(sheet.name));
          let ws: Excel.Worksheet;
          if (old !== undefined) {
            ws = worksheets.getItem(old.id);
            // Notes first: clearing a range leaves them, and the plan's notes go on the same cells.
            deleteNotes(ws, old.contents.notes.length);
            ws.getRange().clear();
            ws.freezePanes.unfreeze();
          } else {
            ws = worksheets.add(sheet.name);
            ws.load('id');
            adding = sheet.name;
          }
          first ??= ws;
          writeSheet(ws, sheet, capabilities);
          for (const n of plan.names) if (lower(n.sheet) === lower(sheet.name)) addName(n);
          // One sync per sheet, by design: progress after each sheet and a bounded request size.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          if (old === undefined) created.push(ws.id);
          adding = undefined;
        }

        failing = { sheet: '', step: 'finishing' };
        report(plan.sheets.length);
        first?.activate();
        await context.sync();
      });
    } catch (error) {
      const undo = await undoWrite(this.run, plan, before, { created, adding: nameWasTaken(error) ? undefined : adding });
      throw new WorkbookWriteError(
        undo.exact ? 'WRITE_FAILED' : 'UNDO_FAILED',
        failing.sheet,
        failing.step,
        `Loading failed while ${failing.step}: ${errorDetail(error)}. ${undo.message}`,
      );
    }
    report(plan.sheets.length + 1);
  }

  /**
   * The workbook before the write: sheets with their ids and names with their references (1 sync),
   * and a copy of the contents of each plan sheet being replaced (1 more sync when there is one).
   */
  private async inspect(plan: WorkbookPlan, replace: readonly string[], notes: boolean): Promise<Before> {
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/name,items/id');
        const names = context.workbook.names.load('items/name,items/formula,items/comment');
        await context.sync();
        const sheetList: SheetId[] = sheets.items.map((s) => ({ name: s.name, id: s.id }));
        const nameList: NameState[] = names.items.map((n) => {
          const formula: unknown = n.formula;
          return { name: n.name, formula: typeof formula === 'string' ? formula : '', comment: n.comment };
        });
        const agreed = new Set(replace.map(lower));
        const planned = new Set(plan.sheets.map((s) => lower(s.name)));
        const replacing = sheetList.filter((s) => planned.has(lower(s.name)) && agreed.has(lower(s.name)));
        const replaced = new Map<string, SheetId & { contents: Contents }>();
        if (replacing.length > 0) {
          const contents = await readContents(
            context,
            replacing.map((s) => s.id),
            notes,
          );
          for (const s of replacing)
            replaced.set(lower(s.name), {
              ...s,
              contents: contents.get(s.id) ?? { address: null, formulas: [], numberFormat: [], valueTypes: [], notes: [] },
            });
        }
        return { notes, sheets: sheetList, names: nameList, replaced };
      });
    } catch (error) {
      throw new WorkbookWriteError(
        'READ_FAILED',
        '',
        'reading the workbook',
        `Could not read the workbook's sheets and names: ${errorDetail(error)}. Nothing was changed.`,
      );
    }
  }
}
