/**
 * Driving the baseline in the preview engine: tables (driven and live), tornadoes and scenario
 * comparisons agree with the model core computed directly, every input is put back after success,
 * cancellation and failure, and refusals say why.
 */
import { forceSize } from '../../src/model/force';
import { PreviewTarget } from '../../src/preview/target';
import { assumptionCells, headlineCells } from '../../src/workbook/anchors';
import { baselinePlan } from '../../src/workbook/baseline';
import { assumptionInputs, runComparison, runTable, runTornado, SensitivityError } from '../../src/session/driver';
import type { Constant } from '../../src/workbook/plan';
import { type Axis, axisValues, tablePlan, type TableSpec } from '../../src/workbook/sensitivity';
import type { CellRef, CellState, DrivableTarget, WriteOptions } from '../../src/workbook/writer';

const DEPLOYED: CellRef = { sheet: 'Force', address: 'B13' };
/** Zone depth in every scenario (Assumptions, zone_depth_km). */
const DEPTH = 4;

async function baseline(): Promise<PreviewTarget> {
  const target = new PreviewTarget();
  await target.apply(baselinePlan({ scenario: 'peace' }), { replace: [] });
  return target;
}

/** Every scenario, active, low and high cell of the Assumptions sheet, and the selector. */
function assumptionRefs(): CellRef[] {
  return [
    { sheet: 'Assumptions', address: 'B3' },
    ...assumptionCells().flatMap((a) =>
      [...Object.values(a.scenario), a.active, a.low, a.high].map((address) => ({ sheet: 'Assumptions', address })),
    ),
  ];
}

const lineAxis = (named: boolean, steps = 11): Axis => ({
  ref: { sheet: 'Assumptions', address: 'D6' },
  label: 'Line of contact',
  ...(named ? { name: 'line_km' } : {}),
  values: axisValues(800, 1250, steps),
  base: 1040,
});
const densityAxis = (named: boolean, steps = 11): Axis => ({
  ref: { sheet: 'Assumptions', address: 'D8' },
  label: 'Density',
  ...(named ? { name: 'density_per_km2' } : {}),
  values: axisValues(4.59, 14.15, steps),
  base: 9.43,
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

/** A target whose `evaluate` throws on its `failAt`-th call; everything else goes to `inner`. */
class FailingTarget implements DrivableTarget {
  calls = 0;
  constructor(
    private readonly inner: PreviewTarget,
    private readonly failAt: number,
  ) {}
  sheetNames(): Promise<string[]> {
    return this.inner.sheetNames();
  }
  definedNames(): Promise<string[]> {
    return this.inner.definedNames();
  }
  apply(plan: Parameters<PreviewTarget['apply']>[0], options: WriteOptions): Promise<void> {
    return this.inner.apply(plan, options);
  }
  setValue(sheet: string, address: string, value: string): Promise<void> {
    return this.inner.setValue(sheet, address, value);
  }
  resolveName(name: string): Promise<CellRef | null> {
    return this.inner.resolveName(name);
  }
  selectedCell(): Promise<CellRef | null> {
    return this.inner.selectedCell();
  }
  readCells(refs: readonly CellRef[]): Promise<CellState[]> {
    return this.inner.readCells(refs);
  }
  async evaluate(inputs: readonly { readonly ref: CellRef; readonly value: number }[], outputs: readonly CellRef[]): Promise<Constant[]> {
    this.calls += 1;
    if (this.calls === this.failAt) {
      await this.inner.evaluate(inputs, outputs); // the inputs are changed, then the round trip fails
      throw new Error('the connection to the workbook was lost');
    }
    return this.inner.evaluate(inputs, outputs);
  }
  restore(cells: readonly { readonly ref: CellRef; readonly state: CellState }[]): Promise<void> {
    return this.inner.restore(cells);
  }
  deleteSheet(name: string): Promise<void> {
    return this.inner.deleteSheet(name);
  }
}

describe('runTable', () => {
  it('drives a two-way table of deployed force over line and density that equals forceSize(line x depth, density) in every cell', async () => {
    const target = await baseline();
    const before = await target.readCells(assumptionRefs());
    const spec: TableSpec = { output: DEPLOYED, outputLabel: 'Deployed force', rows: lineAxis(false), cols: densityAxis(false) };
    const progress: number[] = [];
    const result = await runTable(target, spec, { onProgress: (p) => progress.push(p.done) });
    expect(result.live).toBeNull();
    expect(result.complete).toBe(true);
    expect(result.values).toHaveLength(11);
    spec.rows.values.forEach((line, r) =>
      spec.cols?.values.forEach((density, c) => expect(result.values[r]?.[c]).toBeCloseTo(forceSize(line * DEPTH, density), 6)),
    );
    expect(progress).toHaveLength(121);
    expect(await target.readCells(assumptionRefs())).toEqual(before);
    expect((await target.readCells([DEPLOYED]))[0]?.value).toBeCloseTo(39228.8, 6);
  });

  it('returns the output formula for a live table over named inputs, whose spilled table equals forceSize in every cell', async () => {
    const target = await baseline();
    const spec: TableSpec = { output: DEPLOYED, outputLabel: 'Deployed force', rows: lineAxis(true), cols: densityAxis(true) };
    const result = await runTable(target, spec);
    expect(result.live).toBe('=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)');
    expect(result.values).toEqual([]);
    await target.apply(tablePlan(result, 'Sensitivity'), { replace: [] });
    expect(target.cellAt('Sensitivity', 'B6').formula).toBe('=DEF.FORCE_SIZE($A$6:$A$16*zone_depth_km,$B$5:$L$5)');
    spec.rows.values.forEach((line, r) =>
      spec.cols?.values.forEach((density, c) =>
        expect(target.cell('Sensitivity', 5 + r, 1 + c).value).toBeCloseTo(forceSize(line * DEPTH, density), 6),
      ),
    );
  });

  it('drives a one-way table when the output formula reads a cell (the annual cost)', async () => {
    const target = await baseline();
    const cost = headlineCells()[2]?.ref ?? DEPLOYED;
    const result = await runTable(target, { output: cost, outputLabel: 'Annual cost', rows: densityAxis(true, 3) });
    expect(result.live).toBeNull();
    // 1,040 km x 4 km x density x EUR 120,000 / 10^9, at density 4.59, 9.37 and 14.15
    [4.59, 9.37, 14.15].forEach((d, r) => expect(result.values[r]?.[0]).toBeCloseTo((1040 * 4 * d * 120000) / 1e9, 9));
  });

  it('stops when the signal is aborted, throws CANCELLED with the rows done, and restores every input', async () => {
    const target = await baseline();
    const before = await target.readCells(assumptionRefs());
    const abort = new AbortController();
    const spec: TableSpec = { output: DEPLOYED, outputLabel: 'Deployed force', rows: lineAxis(false), cols: densityAxis(false) };
    const e = await rejection(runTable(target, spec, { signal: abort.signal, onProgress: (p) => p.done === 15 && abort.abort() }));
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toMatch(/after 15 of 121 points; the inputs were restored/);
    expect(e.partial?.complete).toBe(false);
    expect(e.partial?.values[0]).toHaveLength(11);
    expect(e.partial?.values[1]).toHaveLength(4);
    expect(await target.readCells(assumptionRefs())).toEqual(before);
  });

  it('throws FAILED and restores every input when the workbook fails on the 3rd point', async () => {
    const inner = await baseline();
    const target = new FailingTarget(inner, 3);
    const before = await inner.readCells(assumptionRefs());
    const e = await rejection(runTable(target, { output: DEPLOYED, outputLabel: 'Deployed force', rows: lineAxis(false), cols: densityAxis(false) }));
    expect(e.code).toBe('FAILED');
    expect(e.message).toMatch(/the connection to the workbook was lost/);
    expect(target.calls).toBe(3);
    expect(await inner.readCells(assumptionRefs())).toEqual(before);
  });

  it('refuses an input that holds a formula (the Active column)', async () => {
    const target = await baseline();
    const axis: Axis = { ...lineAxis(false), ref: { sheet: 'Assumptions', address: 'G6' } };
    const e = await rejection(runTable(target, { output: DEPLOYED, outputLabel: 'Deployed force', rows: axis }));
    expect(e.code).toBe('INPUT_NOT_CONSTANT');
    expect(e.message).toMatch(/Assumptions!G6\) holds a formula/);
  });

  it('refuses an output that is a constant', async () => {
    const target = await baseline();
    const e = await rejection(runTable(target, { output: { sheet: 'Assumptions', address: 'D7' }, outputLabel: 'Depth', rows: lineAxis(false) }));
    expect(e.code).toBe('OUTPUT_NOT_FORMULA');
  });

  it('refuses an output that does not depend on the input (the cost of the munitions gap against the line), and restores it', async () => {
    const target = await baseline();
    const before = await target.readCells(assumptionRefs());
    const cost = { sheet: 'Munitions', address: 'B18' };
    expect((await target.readCells([cost]))[0]?.formula).toMatch(/shell_cost/);
    const e = await rejection(runTable(target, { output: cost, outputLabel: 'Cost of the gap', rows: lineAxis(true) }));
    expect(e.code).toBe('NO_DEPENDENCE');
    expect(e.message).toMatch(/at both ends of Line of contact .* it does not depend on it/);
    expect(await target.readCells(assumptionRefs())).toEqual(before);
  });

  it('refuses a 60 x 60 table, naming the limit', async () => {
    const target = await baseline();
    const big = (a: Axis): Axis => ({ ...a, values: Array.from({ length: 60 }, (_, i) => 1 + i) });
    const e = await rejection(
      runTable(target, { output: DEPLOYED, outputLabel: 'Deployed force', rows: big(lineAxis(false)), cols: big(densityAxis(false)) }),
    );
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/60 x 60 = 3600 points is more than the limit of 2500/);
  });
});

describe('assumptionInputs', () => {
  it("gives the active scenario's constant cell of each numeric assumption with a low and a high", async () => {
    const target = await baseline();
    await target.setValue('Assumptions', 'B3', 'Truce collapses');
    const inputs = await assumptionInputs(target);
    const density = inputs.find((i) => i.name === 'density_per_km2');
    expect(density).toEqual({
      ref: { sheet: 'Assumptions', address: 'E8' },
      label: 'Peace-enforcement troops per km2 of zone',
      low: 4.59,
      high: 14.15,
      name: 'density_per_km2',
      base: 14.15,
    });
    // line_km has a high (1,250) but no low: its range runs from the base, 1,040 (baseline_assumptions.csv).
    expect(inputs.find((i) => i.name === 'line_km')).toMatchObject({ low: 1040, high: 1250, base: 1040 });
    // fund_key is text; nsatu_staff has no bounds.
    expect(inputs.map((i) => i.name)).not.toContain('fund_key');
    expect(inputs.map((i) => i.name)).not.toContain('nsatu_staff');
  });
});

describe('runTornado', () => {
  it('ranks the assumptions that move deployed force by swing, as computed directly, and leaves out those that do not', async () => {
    const target = await baseline();
    const before = await target.readCells(assumptionRefs());
    const result = await runTornado(target, DEPLOYED, 'Deployed force', await assumptionInputs(target));
    // Lasting peace: line 1,040 km, depth 4 km (2-5), density 9.43 (4.59-14.15).
    const density = forceSize(1040 * 4, 14.15) - forceSize(1040 * 4, 4.59); // 39,769.6
    const depth = forceSize(1040 * 5, 9.43) - forceSize(1040 * 2, 9.43); // 29,421.6
    const line = forceSize(1250 * 4, 9.43) - forceSize(1040 * 4, 9.43); // 7,921.2: from the base to the high
    expect(result.base).toBeCloseTo(39228.8, 6);
    expect(result.rows.map((r) => r.input.label)).toEqual([
      'Peace-enforcement troops per km2 of zone',
      'Depth of the monitored zone',
      'Line of contact to be covered',
    ]);
    expect(result.rows[2]?.swing).toBeCloseTo(line, 6);
    expect(result.rows[0]?.swing).toBeCloseTo(density, 6);
    expect(result.rows[1]?.swing).toBeCloseTo(depth, 6);
    expect(result.rows[1]?.atLow).toBeCloseTo(forceSize(1040 * 2, 9.43), 6);
    expect(result.unaffected?.map((u) => u.label)).toContain('155 mm unit cost');
    expect(await target.readCells(assumptionRefs())).toEqual(before);
  });

  it('restores every input when cancelled', async () => {
    const target = await baseline();
    const before = await target.readCells(assumptionRefs());
    const abort = new AbortController();
    const e = await rejection(
      runTornado(target, DEPLOYED, 'Deployed force', await assumptionInputs(target), {
        signal: abort.signal,
        onProgress: (p) => p.done === 3 && abort.abort(),
      }),
    );
    expect(e.code).toBe('CANCELLED');
    expect(await target.readCells(assumptionRefs())).toEqual(before);
  });
});

describe('runComparison', () => {
  it('reads the headline outputs under each scenario and puts the selector back', async () => {
    const target = await baseline();
    await target.setValue('Assumptions', 'B3', 'Truce collapses');
    const before = await target.readCells(assumptionRefs());
    const result = await runComparison(target);
    // 1,040 x 4 x 9.43 = 39,228.8; 1,040 x 4 x 14.15 = 58,864; no agreement: density 0
    const deployed = result.rows[0];
    expect(deployed?.label).toBe('Force: Deployed force');
    expect(deployed?.values.peace).toBeCloseTo(39228.8, 6);
    expect(deployed?.values.collapse).toBeCloseTo(58864, 6);
    expect(deployed?.values.no_deal).toBe(0);
    expect(result.rows.map((r) => r.label)).toHaveLength(11);
    expect(result.rows[5]?.values).toEqual({ peace: 20, collapse: 40, no_deal: 55 });
    expect(result.rows[6]?.label).toBe('Fund contribution: Germany');
    expect(await target.readCells(assumptionRefs())).toEqual(before);
    expect(target.cellAt('Assumptions', 'B3').value).toBe('Truce collapses');
  });
});

describe('runComparison reads the plan’s anchors', () => {
  /** The preview engine, recording every cell read and every value set. */
  class RecordingTarget extends PreviewTarget {
    readonly reads: string[][] = [];
    readonly sets: string[] = [];
    override readCells(refs: readonly CellRef[]): Promise<CellState[]> {
      this.reads.push(refs.map((r) => `${r.sheet}!${r.address}`));
      return super.readCells(refs);
    }
    override setValue(sheet: string, address: string, value: string): Promise<void> {
      this.sets.push(`${sheet}!${address}=${value}`);
      return super.setValue(sheet, address, value);
    }
  }

  it('reads the same cells as before anchors: the selector, six headlines, the contribution column and the country names beside it', async () => {
    const target = new RecordingTarget();
    await target.apply(baselinePlan({ scenario: 'peace' }), { replace: [] });
    await runComparison(target);
    // The Fund table holds 29 countries from row 9 to row 37 (header in row 8).
    const rows = Array.from({ length: 29 }, (_, i) => 9 + i);
    const outputs = ['Force!B13', 'Force!B15', 'Force!B16', 'Munitions!B13', 'Munitions!B17', 'Fund!C3', ...rows.map((r) => `Fund!E${r}`)];
    // Issue 8: the selector is read back once after it is put back, to check the restore.
    expect(target.reads).toEqual([['Assumptions!B3'], outputs, outputs, outputs, ['Assumptions!B3'], rows.map((r) => `Fund!B${r}`)]);
    expect(target.sets).toEqual(['Assumptions!B3=Lasting peace', 'Assumptions!B3=Truce collapses', 'Assumptions!B3=No agreement']);
  });

  it('reads a later copy’s sheets', async () => {
    const target = new RecordingTarget();
    await target.apply(baselinePlan({ scenario: 'peace', copy: 2 }), { replace: [] });
    const result = await runComparison(target, 2);
    expect(target.reads[0]).toEqual(['Assumptions (2)!B3']);
    expect(target.reads[1]?.[0]).toBe('Force (2)!B13');
    expect(result.rows[0]?.label).toBe('Force (2): Deployed force');
    // 1,040 x 4 x 9.43 = 39,228.8
    expect(result.rows[0]?.values.peace).toBeCloseTo(39228.8, 6);
  });
});
