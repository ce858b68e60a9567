/**
 * Issue 8, defects 1 and 2: inputs are put back one by one, read back and retried; a run whose
 * inputs cannot all be put back is RESTORE_FAILED (never a clean cancel), lists each cell with what
 * it held, and keeps the list on a recovery sheet.
 */
import { PreviewTarget } from '../../src/preview/target';
import { recoveryPlan, restoreCells, RECOVERY_SHEET } from '../../src/session/restore';
import { runTable, SensitivityError } from '../../src/session/driver';
import { baselinePlan } from '../../src/workbook/baseline';
import { axisValues, type TableSpec } from '../../src/workbook/sensitivity';
import type { CellRef, CellState } from '../../src/workbook/writer';

const LINE: CellRef = { sheet: 'Assumptions', address: 'D6' };
const DENSITY: CellRef = { sheet: 'Assumptions', address: 'D8' };
const DEPLOYED: CellRef = { sheet: 'Force', address: 'B13' };
const noPause = (): Promise<void> => Promise.resolve();

/** The preview engine, whose `restore` of a cell fails the given number of times (Infinity: always), after applying or not. */
class FlakyRestore extends PreviewTarget {
  readonly failures = new Map<string, number>();
  applyThenFail = false;
  restores = 0;
  override async restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void> {
    this.restores += 1;
    const key = cells.map((c) => `${c.ref.sheet}!${c.ref.address}`).join(',');
    const left = this.failures.get(key) ?? 0;
    if (left > 0) {
      this.failures.set(key, left - 1);
      if (this.applyThenFail) await super.restore(cells);
      throw new Error('Excel is in cell-edit mode');
    }
    return super.restore(cells);
  }
}

async function baseline(): Promise<FlakyRestore> {
  const t = new FlakyRestore();
  await t.apply(baselinePlan({ scenario: 'peace' }), { replace: [] });
  return t;
}

const spec = (): TableSpec => ({
  output: DEPLOYED,
  outputLabel: 'Deployed force',
  rows: { ref: LINE, label: 'Line of contact', values: axisValues(800, 1250, 5), base: 1040 },
  cols: { ref: DENSITY, label: 'Density', values: axisValues(4.59, 14.15, 3), base: 9.43 },
});

async function rejection(p: Promise<unknown>): Promise<SensitivityError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SensitivityError) return e;
    throw e;
  }
  throw new Error('expected a SensitivityError');
}

describe('recoveryPlan', () => {
  it('has no scenario cell: a recovery sheet is no scenario sheet (issue 7: a plan without one has none)', () => {
    const plan = recoveryPlan(
      [{ ref: { sheet: 'Assumptions', address: 'G6' }, state: { formula: null, value: 400 }, reason: 'edit mode' }],
      RECOVERY_SHEET,
    );
    expect(plan.scenarioCell).toBeUndefined();
    expect(plan.sheets.map((s) => s.name)).toEqual([RECOVERY_SHEET]);
  });
});

describe('restoreCells', () => {
  it('retries a cell whose restore fails once and checks it by reading it back', async () => {
    const t = await baseline();
    await t.setValue('Assumptions', 'D6', '999');
    t.failures.set('Assumptions!D6', 1);
    expect(await restoreCells(t, [{ ref: LINE, state: { formula: null, value: 1040 } }], { pause: noPause })).toEqual([]);
    expect(t.restores).toBe(2);
    expect((await t.readCells([LINE]))[0]).toEqual({ formula: null, value: 1040 });
  });

  it('counts a restore reported as failed but applied as done, by reading it back', async () => {
    const t = await baseline();
    await t.setValue('Assumptions', 'D6', '999');
    t.failures.set('Assumptions!D6', 1);
    t.applyThenFail = true;
    expect(await restoreCells(t, [{ ref: LINE, state: { formula: null, value: 1040 } }], { pause: noPause })).toEqual([]);
    expect(t.restores).toBe(1);
  });

  it('puts back every other cell when one cannot be, and returns that one with its original value and the reason', async () => {
    const t = await baseline();
    await t.setValue('Assumptions', 'D6', '999');
    await t.setValue('Assumptions', 'D8', '1');
    t.failures.set('Assumptions!D6', Infinity);
    const left = await restoreCells(
      t,
      [
        { ref: LINE, state: { formula: null, value: 1040 } },
        { ref: DENSITY, state: { formula: null, value: 9.43 } },
      ],
      { pause: noPause },
    );
    expect(left).toEqual([{ ref: LINE, state: { formula: null, value: 1040 }, reason: 'it holds 999' }]);
    expect((await t.readCells([DENSITY]))[0]).toEqual({ formula: null, value: 9.43 });
    expect(t.restores).toBe(4); // 3 tries of D6, 1 of D8
  });
});

describe('a driven run whose inputs cannot all be put back', () => {
  it('is RESTORE_FAILED, not CANCELLED, when cancelled: it lists the cell and what it held, and keeps the list on a recovery sheet', async () => {
    const t = await baseline();
    t.failures.set('Assumptions!D6', Infinity);
    const abort = new AbortController();
    const e = await rejection(runTable(t, spec(), { signal: abort.signal, pause: noPause, onProgress: (p) => p.done === 4 && abort.abort() }));
    expect(e.code).toBe('RESTORE_FAILED');
    // Line of contact base: 1,040 km (Assumptions, D6 lasting peace); density put back.
    expect(e.message).toBe(
      `cancelled after 4 of 15 points, and an input could not be put back: Assumptions!D6 (was 1040). It is listed on the sheet ${RECOVERY_SHEET} until you dismiss the list.`,
    );
    expect(e.recovery?.cells.map((c) => [c.ref, c.state])).toEqual([[LINE, { formula: null, value: 1040 }]]);
    expect(e.recovery?.sheet).toBe(RECOVERY_SHEET);
    expect((await t.readCells([DENSITY]))[0]).toEqual({ formula: null, value: 9.43 });
    expect(t.cellAt(RECOVERY_SHEET, 'A4').value).toBe('Assumptions!D6');
    expect(t.cellAt(RECOVERY_SHEET, 'B4').value).toBe(1040);
    expect(e.partial?.values[0]).toHaveLength(3);
  });

  it('is RESTORE_FAILED after a complete table too, with the table kept as the partial result', async () => {
    const t = await baseline();
    t.failures.set('Assumptions!D8', Infinity);
    const e = await rejection(runTable(t, spec(), { pause: noPause }));
    expect(e.code).toBe('RESTORE_FAILED');
    expect(e.message).toMatch(/^the table was complete \(15 points\), and an input could not be put back: Assumptions!D8 \(was 9\.43\)\./);
  });

  it('says so when the recovery sheet cannot be written either', async () => {
    const t = await baseline();
    t.failures.set('Assumptions!D6', Infinity);
    t.apply = (): Promise<void> => Promise.reject(new Error('the workbook is protected'));
    const e = await rejection(runTable(t, spec(), { pause: noPause }));
    expect(e.recovery?.sheet).toBeNull();
    expect(e.message).toMatch(/It could not be listed in the workbook either: type it back by hand\.$/);
  });
});
