/**
 * Reading and driving cells of the open workbook for sensitivity tables: resolve a name, read the
 * selection, read cells, set inputs and read outputs, put inputs back, set one value. Each call is
 * one `Excel.run` with one sync, whatever the number of cells; `evaluate` takes a second only the
 * first time it finds the workbook in manual calculation. Failures are {@link WorkbookWriteError}s.
 */
import { cellReference, parseCellReference } from '../../workbook/a1';
import { errorDetail } from '../../workbook/messages';
import type { Constant } from '../../workbook/plan';
import { type CellRef, type CellState, WorkbookWriteError } from '../../workbook/writer';
import { constantOf } from './layout';
import type { ExcelRun } from './writer';

/** An error value as `Range.values` gives it (`#N/A`): written back as it is, so the cell holds the error again. */
const ERROR_VALUE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|CALC!|SPILL!|BUSY!|GETTING_DATA|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/** `Force!B13, Fund!C5`, at most five cells then a count. */
function refList(refs: readonly CellRef[]): string {
  const shown = refs.slice(0, 5).map(cellReference);
  return refs.length > 5 ? `${shown.join(', ')} and ${refs.length - 5} more` : shown.join(', ');
}

/** The cell an address as Excel reports it names (`'Force (2)'!$B$13`), or `null` for anything but one cell on one sheet. */
function cellOf(reference: string): CellRef | null {
  return parseCellReference(reference) ?? null;
}

/** The driving half of the Excel writer; keeps whether the workbook was last seen in manual calculation. */
export class ExcelDriver {
  /** Whether the workbook was in manual calculation at the last `evaluate` (then it calculates up front). */
  private manualCalculation = false;
  /** The cells `readCells` found formatted as text (`@`), by reference: text goes back into them as it is. */
  private readonly textCells = new Set<string>();

  constructor(private readonly run: ExcelRun) {}

  async setValue(sheet: string, cell: string, value: string): Promise<void> {
    try {
      await this.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        await context.sync();
      });
    } catch (error) {
      const where = cellReference({ sheet, address: cell });
      throw new WorkbookWriteError('WRITE_FAILED', sheet, `setting ${where}`, `Could not set ${where}: ${errorDetail(error)}`);
    }
  }

  async resolveName(name: string): Promise<CellRef | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
        range.load('address');
        await context.sync();
        return range.isNullObject ? null : cellOf(range.address);
      });
    } catch (error) {
      throw new WorkbookWriteError('READ_FAILED', '', `reading the name "${name}"`, `Could not read the name "${name}": ${errorDetail(error)}.`);
    }
  }

  async selectedCell(): Promise<CellRef | null> {
    try {
      return await this.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load('address,cellCount');
        await context.sync();
        return range.cellCount === 1 ? cellOf(range.address) : null;
      });
    } catch (error) {
      // A chart or a shape is selected: no cell is.
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'InvalidSelection') return null;
      throw new WorkbookWriteError('READ_FAILED', '', 'reading the selection', `Could not read the selected cell: ${errorDetail(error)}.`);
    }
  }

  /** Reads every cell's formula, value and value type in one sync. */
  async readCells(refs: readonly CellRef[]): Promise<CellState[]> {
    if (refs.length === 0) return [];
    try {
      return await this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const ranges = refs.map((ref) => worksheets.getItem(ref.sheet).getRange(ref.address).load('formulas,values,valueTypes,numberFormat'));
        await context.sync();
        refs.forEach((ref, i) => {
          const key = cellReference(ref);
          if (ranges[i]?.numberFormat[0]?.[0] === '@') this.textCells.add(key);
          else this.textCells.delete(key);
        });
        return ranges.map((range): CellState => {
          const formula: unknown = range.formulas[0]?.[0];
          // Text that starts with `=` (typed as '=x) reads back as its own formula with a String value: a constant.
          const text = String(range.valueTypes[0]?.[0]) === 'String' && range.values[0]?.[0] === formula;
          return {
            formula: typeof formula === 'string' && formula.startsWith('=') && !text ? formula : null,
            value: constantOf(range.values[0]?.[0], range.valueTypes[0]?.[0]),
          };
        });
      });
    } catch (error) {
      throw new WorkbookWriteError('READ_FAILED', refs[0]?.sheet ?? '', 'reading cells', `Could not read ${refList(refs)}: ${errorDetail(error)}.`);
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
        if (calculatedFirst) application.calculate('Recalculate');
        application.load('calculationMode');
        const ranges = outputs.map((ref) => worksheets.getItem(ref.sheet).getRange(ref.address).load('values,valueTypes'));
        await context.sync();
        this.manualCalculation = application.calculationMode === 'Manual';
        if (this.manualCalculation && !calculatedFirst) {
          application.calculate('Recalculate');
          for (const range of ranges) range.load('values,valueTypes');
          await context.sync();
        }
        return ranges.map((range) => constantOf(range.values[0]?.[0], range.valueTypes[0]?.[0]));
      });
    } catch (error) {
      throw new WorkbookWriteError(
        'WRITE_FAILED',
        inputs[0]?.ref.sheet ?? '',
        'evaluating',
        `Could not set ${refList(inputs.map((i) => i.ref))} and read ${refList(outputs)}: ${errorDetail(error)}.`,
      );
    }
  }

  /** Deletes the sheet `name` (one sync). */
  async deleteSheet(name: string): Promise<void> {
    try {
      await this.run(async (context) => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      });
    } catch (error) {
      throw new WorkbookWriteError(
        'WRITE_FAILED',
        name,
        `deleting the sheet "${name}"`,
        `Could not delete the sheet "${name}": ${errorDetail(error)}.`,
      );
    }
  }

  /**
   * A constant as it goes back into a cell so that Excel keeps it as it was: text with a leading `'`
   * (so `2024-08`, `001`, `TRUE` or `=x` stay text, as typing them so does), except in a cell
   * `readCells` found formatted as text, where Excel keeps text as it is, and error values.
   */
  private toWrite(ref: CellRef, value: CellState['value']): string | number | boolean {
    if (value === null) return '';
    if (typeof value !== 'string' || value === '' || ERROR_VALUE.test(value) || this.textCells.has(cellReference(ref))) return value;
    return `'${value}`;
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
          else range.values = [[this.toWrite(ref, state.value)]];
        }
        await context.sync();
      });
    } catch (error) {
      throw new WorkbookWriteError(
        'WRITE_FAILED',
        cells[0]?.ref.sheet ?? '',
        'restoring cells',
        `Could not put back ${refList(cells.map((c) => c.ref))}; check them: ${errorDetail(error)}.`,
      );
    }
  }
}
