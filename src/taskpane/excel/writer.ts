/**
 * Writing a {@link WorkbookPlan} into the open workbook, with an honest undo. One `Excel.run` each
 * for checking, writing and, on failure, undoing:
 *
 * 1. Check (1 sync; 2 or 3 when replacing): read the workbook's sheets (names and ids) and defined
 *    names, and refuse what `src/workbook/checks.ts` refuses before anything changes; then keep a
 *    record of each sheet being replaced (its used range's formulas and number formats, its notes,
 *    its frozen panes).
 * 2. Write (1 sync per sheet): a new sheet is added under a temporary name only this write uses
 *    (its id loaded in the same sync) and given its planned name, with the names that point at it,
 *    in the next batch. A sheet being replaced is first copied whole to a hidden backup sheet
 *    (`Worksheet.copy`, ExcelApi 1.7: contents, fills, fonts, borders, widths, drop-downs, colour
 *    scales, notes), then cleared and rewritten in place, so its identity, and every reference to it
 *    from the user's names and formulas, survives. Each sheet is one batch: the block's formulas and
 *    number formats as 2-D arrays, one style call per role (`getRanges`), widths, panes, drop-downs,
 *    notes, colour scales (ExcelApi 1.6) and charts.
 * 3. Finish (1 sync): the last sheet's rename and names, show the first sheet, delete the backups.
 *    Should only its reply be lost, the backups being gone shows it applied: the write is done.
 *
 * If any step fails, the undo (`undo.ts`) deletes only the sheets this write created (by id, or by
 * the temporary name only it uses; never by a planned name, which may be a sheet the user made
 * meanwhile), copies each backup back over its sheet (`Range.copyFrom`, ExcelApi 1.9) and refreezes
 * its panes, restores the names, reads the workbook back and says exactly what is left; the error is
 * a {@link WorkbookWriteError} naming the sheet and step: WRITE_FAILED when the workbook is as it
 * was, UNDO_FAILED otherwise. The full baseline (5 new sheets) takes 7 syncs, however many rows.
 */
import { nameFormula, parseReference } from '../../workbook/a1';
import { planRefusal, workbookRefusal } from '../../workbook/checks';
import { errorDetail } from '../../workbook/messages';
import type { NamePlan, WorkbookPlan } from '../../workbook/plan';
import { progressReporter, WorkbookWriteError, type WriteOptions } from '../../workbook/writer';
import { type Capabilities, writeSheet } from './sheet';
import { type Backup, type Before, type Contents, deleteNotes, type NameState, readContents, type SheetId, undoWrite } from './undo';

/** `Excel.run` as the writer uses it; tests pass office-addin-mock's instead. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, e.g. `("ExcelApi", "1.18")`. */
export type SetSupported = (set: string, version: string) => boolean;

const lower = (s: string): string => s.toLowerCase();

/** A defined name's formula, as a name added for a plan takes it: `='Force (2)'!$B$13`. */
const referenceOf = (n: NamePlan): string => nameFormula(n.sheet, n.address);

/**
 * A sheet name no workbook holds by chance, for this write's temporary sheets: `DefEcon new 3k9x2 1`
 * (a sheet being added, renamed to its planned name in the same batch) or `DefEcon backup 3k9x2 1`
 * (the hidden copy of a sheet being replaced). At most 31 characters.
 */
function temporaryNames(taken: readonly string[]): (kind: 'new' | 'backup', i: number) => string {
  const used = new Set(taken.map(lower));
  let token = '';
  do token = Math.random().toString(36).slice(2, 7);
  while ([...used].some((n) => n.includes(token)));
  return (kind, i) => `DefEcon ${kind} ${token} ${i + 1}`;
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
    const temporary = temporaryNames(before.sheets.map((s) => s.name));
    const created: string[] = [];
    const temporaryNew = plan.sheets.map((_, i) => temporary('new', i));
    const backups: Backup[] = [];

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
        const addNamesOf = (sheet: string): void => {
          for (const n of plan.names) if (lower(n.sheet) === lower(sheet)) addName(n);
        };
        // New sheets by plan index, for their rename in the batch after their own.
        const added: (Excel.Worksheet | undefined)[] = [];
        /** Queues the rename of plan sheet `k`, when new, to its planned name, then the names pointing at it. */
        const settle = (k: number): void => {
          const sheet = plan.sheets[k];
          if (sheet === undefined) return;
          const ws = added[k];
          if (ws === undefined) return;
          ws.name = sheet.name;
          addNamesOf(sheet.name);
        };
        const planSheets = new Set(plan.sheets.map((s) => lower(s.name)));
        let first: Excel.Worksheet | undefined;

        for (const [i, sheet] of plan.sheets.entries()) {
          const step = `writing sheet "${sheet.name}" (${i + 1} of ${plan.sheets.length})`;
          failing = { sheet: sheet.name, step };
          report(i);
          // Names pointing outside the plan go first, so every sheet's formulas find them.
          if (i === 0) for (const n of plan.names) if (!planSheets.has(lower(n.sheet))) addName(n);
          // The sheet before gets its planned name, and the names pointing at it, only now that its id is known.
          if (i > 0) settle(i - 1);
          const old = before.replaced.get(lower(sheet.name));
          let ws: Excel.Worksheet;
          let copy: Excel.Worksheet | undefined;
          if (old !== undefined) {
            ws = worksheets.getItem(old.id);
            // A hidden copy first, with everything the clear takes (fills, fonts, borders, widths,
            // drop-downs, colour scales, panes): the undo copies it back; it goes once the write is confirmed.
            const backup: Backup = { of: old.id, name: temporary('backup', i), id: undefined };
            backups.push(backup);
            copy = ws.copy('End');
            copy.name = backup.name;
            copy.visibility = 'Hidden';
            copy.load('id');
            // Notes first: clearing a range leaves them, and the plan's notes go on the same cells.
            deleteNotes(ws, old.contents.notes.length);
            ws.getRange().clear();
            ws.freezePanes.unfreeze();
          } else {
            // Added under a name no one else uses, and given its planned name in the next batch, once
            // its id is known: should this batch fail in any way, the undo finds ours by that name or by
            // its id, never by the planned one (which may be a sheet the user made meanwhile). Plan
            // formulas never name their own sheet.
            ws = worksheets.add(temporaryNew[i] ?? sheet.name);
            ws.load('id');
            added[i] = ws;
          }
          first ??= ws;
          writeSheet(ws, sheet, capabilities);
          // A replaced sheet keeps its name: the names pointing at it go in its own batch.
          if (old !== undefined) addNamesOf(sheet.name);
          // One sync per sheet, by design: progress after each sheet and a bounded request size.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          if (old === undefined) created.push(ws.id);
          const backup = backups[backups.length - 1];
          if (copy !== undefined && backup !== undefined) backup.id = copy.id;
        }

        failing = { sheet: '', step: 'finishing' };
        report(plan.sheets.length);
        settle(plan.sheets.length - 1);
        first?.activate();
        for (const b of backups) if (b.id !== undefined) worksheets.getItem(b.id).delete();
        await context.sync();
      });
    } catch (error) {
      // The last batch let the copies go; if they are gone, it applied and only its reply was lost.
      if (failing.step === 'finishing' && ((await this.finished(backups)) || (await this.finished(backups)))) {
        report(plan.sheets.length + 1);
        return;
      }
      const undo = await undoWrite(this.run, plan, before, { created, temporary: temporaryNew, backups });
      throw new WorkbookWriteError(
        undo.exact ? 'WRITE_FAILED' : 'UNDO_FAILED',
        failing.sheet,
        failing.step,
        `Loading failed while ${failing.step}: ${errorDetail(error)}. ${undo.message}`,
      );
    }
    report(plan.sheets.length + 1);
  }

  /** Whether every backup copy is known and gone, so the finishing batch applied (one read, tried twice by the caller; `false` when it fails or there are none). */
  private async finished(backups: readonly Backup[]): Promise<boolean> {
    if (backups.length === 0 || backups.some((b) => b.id === undefined)) return false;
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets.load('items/id');
        await context.sync();
        return !sheets.items.some((s) => backups.some((b) => b.id === s.id));
      });
    } catch {
      return false;
    }
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
              contents: contents.get(s.id) ?? { address: null, formulas: [], numberFormat: [], valueTypes: [], notes: [], panes: null },
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
