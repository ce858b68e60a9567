import { findAssumption } from '../../src/data/assumptions';
import { runComparison, runTable, runTornado, assumptionInputs, type RunOptions } from '../../src/session/driver';
import {
  axisValues,
  type ComparisonResult,
  MAX_STEPS,
  SensitivityError,
  type TableResult,
  type TableSpec,
  type TornadoResult,
} from '../../src/workbook/sensitivity';
import type { CellRef } from '../../src/workbook/writer';
import { DEFAULT_STEPS, isBaselineSheet, SensitivityController, type SensitivityState } from '../../src/taskpane/sensitivity-controller';
import { FakeDrivableTarget } from './fake-target';

// The driver is mocked: these tests are about what the pane asks of it and does with its answer.
jest.mock('../../src/session/driver', () => ({
  ...jest.requireActual<object>('../../src/session/driver'),
  runTable: jest.fn(),
  runTornado: jest.fn(),
  runComparison: jest.fn(),
  assumptionInputs: jest.fn(),
}));

const mockRunTable = jest.mocked(runTable);
const mockRunTornado = jest.mocked(runTornado);
const mockRunComparison = jest.mocked(runComparison);
const mockAssumptionInputs = jest.mocked(assumptionInputs);

const DEPLOYED: CellRef = { sheet: 'Force', address: 'B13' };
const LINE: CellRef = { sheet: 'Assumptions', address: 'G7' };
const DENSITY: CellRef = { sheet: 'Assumptions', address: 'G9' };

/** Two named assumptions as the driver lists them (values of the Lasting peace column). */
const ASSUMED = [
  { ref: LINE, label: 'Line of contact', name: 'line_km', base: 1040, low: 800, high: 1300 },
  { ref: DENSITY, label: 'Force density', name: 'density_per_km2', base: 9.43, low: 5, high: 15 },
];

function tableResult(spec: TableSpec): TableResult {
  return { spec, values: spec.rows.values.map(() => [1]), live: null, complete: true, computedAt: new Date(0) };
}

/** A workbook with the baseline's Force deployed-force cell selected. */
function workbook(sheets: readonly string[] = ['Assumptions', 'Force']): FakeDrivableTarget {
  const target = new FakeDrivableTarget(sheets);
  target.cells.set('Force!B13', { formula: '=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)', value: 39245 });
  target.cells.set('Force!A13', { formula: null, value: 'Deployed force' });
  target.cells.set('Other!C3', { formula: '=C1*C2', value: 12 });
  target.cells.set('Other!A3', { formula: null, value: 'not a label: Other is not a baseline sheet' });
  target.cells.set('Other!C1', { formula: null, value: 3 });
  target.selected = DEPLOYED;
  return target;
}

async function ready(target: FakeDrivableTarget): Promise<SensitivityController> {
  const controller = new SensitivityController(target);
  await controller.refreshAssumptions();
  await controller.useSelectedOutput();
  return controller;
}

function statuses(controller: SensitivityController): SensitivityState['status'][] {
  const seen: SensitivityState['status'][] = [];
  controller.subscribe((s) => seen.push(s.status));
  return seen;
}

beforeEach(() => {
  jest.resetAllMocks();
  mockAssumptionInputs.mockResolvedValue(ASSUMED);
  mockRunTable.mockImplementation((_t, spec) => Promise.resolve(tableResult(spec)));
});

describe('isBaselineSheet', () => {
  it('knows the baseline’s sheets and their copies, and nothing else', () => {
    expect(['Force', 'Force (2)', 'assumptions', 'Fund (12)'].map(isBaselineSheet)).toEqual([true, true, true, true]);
    expect(['Sensitivity', 'Forces', 'Force 2', 'Other'].map(isBaselineSheet)).toEqual([false, false, false, false]);
  });

  it('compares whole names, so a name that merely looks like a copy is not one', () => {
    expect(['Force (02)', 'Force (1)', 'Force (2', 'F.rce', 'Force (\\d+)', 'Munitions (3) '].map(isBaselineSheet)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('SensitivityController', () => {
  it('starts with no output, no inputs and 11 steps per axis', () => {
    const controller = new SensitivityController(workbook());
    expect(controller.state).toMatchObject({ output: null, inputs: [null, null], steps: DEFAULT_STEPS, status: { kind: 'idle' } });
    expect(DEFAULT_STEPS).toBe(11);
  });

  it('takes the selected cell as output, with its formula and the label in column A of its row on a baseline sheet', async () => {
    const controller = await ready(workbook());
    expect(controller.state.output).toEqual({
      ref: DEPLOYED,
      label: 'Deployed force',
      formula: '=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)',
      value: 39245,
    });
  });

  it('takes the label from the baseline’s plan, not from what the workbook holds in column A', async () => {
    const target = workbook();
    target.cells.set('Force!A13', { formula: null, value: 'edited by hand' });
    target.cells.set('Force (2)!B16', { formula: '=DEF.FORCE_COST(B13,cost_per_troop_year_2)/10^9', value: 4.7 });
    const controller = await ready(target);
    expect(controller.state.output?.label).toBe('Deployed force');
    target.selected = { sheet: 'Force (2)', address: 'B16' };
    await controller.useSelectedOutput();
    expect(controller.state.output?.label).toBe('Annual cost of the deployed force');
  });

  it('quotes a sheet name in an address label where Excel would', async () => {
    const target = workbook();
    target.cells.set('R2C3!B1', { formula: '=1+1', value: 2 });
    target.cells.set('Fund 2024!B1', { formula: '=1+1', value: 2 });
    const controller = await ready(target);
    target.selected = { sheet: 'R2C3', address: 'B1' };
    await controller.useSelectedOutput();
    expect(controller.state.output?.label).toBe("'R2C3'!B1");
    target.selected = { sheet: 'Fund 2024', address: 'B1' };
    await controller.useSelectedOutput();
    expect(controller.state.output?.label).toBe("'Fund 2024'!B1");
  });

  it('labels an output off the baseline’s sheets by its address', async () => {
    const target = workbook();
    target.selected = { sheet: 'Other', address: 'C3' };
    const controller = await ready(target);
    expect(controller.state.output?.label).toBe('Other!C3');
  });

  it('says to select a cell when none is selected', async () => {
    const target = workbook();
    target.selected = null;
    const controller = await ready(target);
    expect(controller.state.output).toBeNull();
    expect(controller.state.status).toEqual({ kind: 'error', message: expect.stringMatching(/^Select one cell \(the output\)/) as string });
  });

  it('offers the named assumptions, and none when the workbook has no Assumptions sheet', async () => {
    const controller = await ready(workbook());
    expect(controller.state.assumptions.map((a) => a.name)).toEqual(['line_km', 'density_per_km2']);
    mockAssumptionInputs.mockRejectedValue(new Error('no Assumptions sheet'));
    await controller.refreshAssumptions();
    expect(controller.state.assumptions).toEqual([]);
  });

  it('chooses a named assumption with its default bounds, editable', async () => {
    const controller = await ready(workbook());
    await controller.chooseInput(0, 'density_per_km2');
    controller.setBound(0, 'high', 20);
    expect(controller.state.inputs[0]).toEqual({ ref: DENSITY, label: 'Force density', name: 'density_per_km2', base: 9.43, low: 5, high: 20 });
  });

  it('chooses the selected cell as an input, its value as base and ±20% as bounds', async () => {
    const target = workbook();
    const controller = await ready(target);
    target.selected = { sheet: 'Other', address: 'C1' };
    await controller.chooseInput(1, 'selected');
    // 3 ± 20% of 3 = 2.4 and 3.6
    expect(controller.state.inputs[1]).toMatchObject({ ref: { sheet: 'Other', address: 'C1' }, label: 'Other!C1', base: 3 });
    expect(controller.state.inputs[1]?.low).toBeCloseTo(2.4, 12);
    expect(controller.state.inputs[1]?.high).toBeCloseTo(3.6, 12);
  });

  it('labels a selected Assumptions cell by its assumption’s label, not by the id in column A', async () => {
    const target = workbook();
    target.cells.set('Assumptions!D6', { formula: null, value: 1040 });
    target.cells.set('Assumptions!A6', { formula: null, value: 'line_km' });
    const controller = await ready(target);
    target.selected = { sheet: 'Assumptions', address: 'D6' };
    await controller.chooseInput(0, 'selected');
    expect(controller.state.inputs[0]?.label).toBe(findAssumption('line_km')?.label);
  });

  it('refuses a selected input that holds no number', async () => {
    const target = workbook();
    const controller = await ready(target);
    target.selected = { sheet: 'Force', address: 'A13' };
    await controller.chooseInput(0, 'selected');
    expect(controller.state.inputs[0]).toBeNull();
    expect(controller.state.status).toEqual({ kind: 'error', message: 'Force!A13 does not hold a number, so it cannot be an input.' });
  });

  it('takes whole steps from 2 to MAX_STEPS', () => {
    const controller = new SensitivityController(workbook());
    controller.setSteps(2);
    expect(controller.state.steps).toBe(2);
    controller.setSteps(MAX_STEPS);
    expect(controller.state.steps).toBe(MAX_STEPS);
    expect(controller.state.status).toEqual({ kind: 'idle' });
  });

  it.each([
    [MAX_STEPS + 1, `${MAX_STEPS + 1} was refused`],
    [1000, '1000 was refused'],
    [0, '0 was refused'],
    [-3, '-3 was refused'],
    [7.4, '7.4 was refused'],
    [Number.NaN, 'the field is empty'],
  ])('refuses %p steps per axis with a message, keeping the steps it had (issue 13, defect 5)', (steps, why) => {
    const controller = new SensitivityController(workbook());
    controller.setSteps(5);
    controller.setSteps(steps);
    expect(controller.state.steps).toBe(5);
    expect(controller.state.status).toEqual({
      kind: 'error',
      message: `Steps per axis must be a whole number from 2 to ${MAX_STEPS}; ${why}, so the tables keep 5 steps.`,
    });
    controller.setSteps(6);
    expect(controller.state).toMatchObject({ steps: 6, status: { kind: 'idle' } });
  });

  it('runs a two-way table over the chosen inputs’ axes and writes it to a new sheet', async () => {
    const target = workbook();
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    await controller.chooseInput(1, 'density_per_km2');
    controller.setSteps(5);
    await controller.runTwoWay();
    expect(mockRunTable).toHaveBeenCalledTimes(1);
    const spec = mockRunTable.mock.calls[0]?.[1];
    expect(spec).toEqual({
      output: DEPLOYED,
      outputLabel: 'Deployed force',
      rows: { ref: LINE, label: 'Line of contact', name: 'line_km', values: axisValues(800, 1300, 5), base: 1040 },
      cols: { ref: DENSITY, label: 'Force density', name: 'density_per_km2', values: axisValues(5, 15, 5), base: 9.43 },
    });
    expect(target.applied.map((a) => [a.plan.sheets.map((s) => s.name), a.replace])).toEqual([[['Sensitivity'], []]]);
    expect(controller.state.status).toEqual({ kind: 'done', message: 'Wrote the two-way table to the new sheet Sensitivity.', sheet: 'Sensitivity' });
  });

  it('writes to a free sheet name, never over an existing sheet', async () => {
    const target = workbook(['Assumptions', 'Force', 'Sensitivity', 'sensitivity (2)']);
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    await controller.runOneWay();
    expect(mockRunTable.mock.calls[0]?.[1].cols).toBeUndefined();
    expect(target.applied[0]?.plan.sheets.map((s) => s.name)).toEqual(['Sensitivity (3)']);
    expect(target.applied[0]?.replace).toEqual([]);
  });

  it('shows progress as point i of n while the driver runs', async () => {
    const controller = await ready(workbook());
    await controller.chooseInput(0, 'line_km');
    mockRunTable.mockImplementation((_t, spec, options?: RunOptions) => {
      options?.onProgress?.({ done: 3, total: 11, step: 'Point 3 of 11' });
      return Promise.resolve(tableResult(spec));
    });
    const seen = statuses(controller);
    await controller.runOneWay();
    expect(seen).toContainEqual({ kind: 'running', run: 'one-way', done: 3, total: 11, step: 'Point 3 of 11' });
    expect(seen[seen.length - 1]?.kind).toBe('done');
  });

  it('cancels through the signal it gave the driver, writes nothing and says cancelled', async () => {
    const target = workbook();
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    let signal: AbortSignal | undefined;
    mockRunTable.mockImplementation(
      (_t, _spec, options?: RunOptions) =>
        new Promise((_resolve, reject) => {
          signal = options?.signal;
          signal?.addEventListener('abort', () =>
            reject(new SensitivityError('CANCELLED', 'cancelled after 4 of 11 points; the inputs were restored.')),
          );
        }),
    );
    const running = controller.runOneWay();
    await Promise.resolve();
    expect(controller.state.status.kind).toBe('running');
    controller.cancel();
    await running;
    expect(signal?.aborted).toBe(true);
    expect(target.applied).toEqual([]);
    expect(controller.state.status).toEqual({
      kind: 'cancelled',
      message: 'The one-way table was cancelled after 4 of 11 points; the inputs were restored. No sheet was written.',
    });
  });

  it('reports a cancel whose inputs could not be put back as failed, lists them until dismissed, and removes the recovery sheet', async () => {
    const target = workbook(['Assumptions', 'Force', 'DefEcon recovery']);
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    const recovery = {
      cells: [{ ref: LINE, state: { formula: null, value: 400 }, reason: 'Excel is in cell-edit mode' }],
      sheet: 'DefEcon recovery',
    };
    mockRunTable.mockImplementation(
      (_t, _spec, options?: RunOptions) =>
        new Promise((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () =>
            reject(
              new SensitivityError(
                'RESTORE_FAILED',
                'cancelled after 3 of 11 points, and an input could not be put back: Assumptions!G7 (was 400).',
                undefined,
                recovery,
              ),
            ),
          );
        }),
    );
    const running = controller.runOneWay();
    await Promise.resolve();
    controller.cancel();
    await running;
    // Defect 1: never "cancelled", whatever the user pressed.
    expect(controller.state.status).toEqual({
      kind: 'error',
      message: 'The one-way table failed: cancelled after 3 of 11 points, and an input could not be put back: Assumptions!G7 (was 400).',
    });
    expect(controller.state.recovery).toEqual(recovery);
    mockRunTable.mockRejectedValueOnce(new Error('the workbook is busy'));
    await controller.runOneWay(); // another run does not drop the list
    expect(controller.state.recovery).toEqual(recovery);
    await controller.dismissRecovery();
    expect(controller.state.recovery).toBeNull();
    expect(target.sheets).toEqual(['Assumptions', 'Force']);
  });

  it('keeps what a stopped table had computed on a sheet marked partial, when asked to', async () => {
    const target = workbook(['Assumptions', 'Force', 'Sensitivity (partial)']);
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    controller.setKeepPartial(true);
    mockRunTable.mockImplementation((_t, spec) => {
      // Four of the eleven points were computed before the failure; the rest are still empty.
      const values = spec.rows.values.map((_, i) => [i < 4 ? 100 + i : null]);
      const partial: TableResult = { spec, values, live: null, complete: false, computedAt: new Date(0) };
      return Promise.reject(new SensitivityError('FAILED', 'stopped after 4 of 11 points: the sheet is locked; the inputs were restored.', partial));
    });
    await controller.runOneWay();
    // A free name: "Sensitivity (partial)" exists, so "(2)" after it; nothing is replaced.
    expect(target.applied.map((a) => [a.plan.sheets.map((sh) => sh.name), a.replace])).toEqual([[['Sensitivity (partial) (2)'], []]]);
    expect(controller.state.status).toEqual({
      kind: 'error',
      message:
        'Could not make the one-way table: stopped after 4 of 11 points: the sheet is locked; the inputs were restored. ' +
        'What it had computed is on the new sheet Sensitivity (partial) (2).',
    });
  });

  it('writes nothing when a table stops and partial results were not asked for', async () => {
    const target = workbook();
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    mockRunTable.mockImplementation((_t, spec) =>
      Promise.reject(
        new SensitivityError('FAILED', 'stopped after 1 of 11 points', { spec, values: [[1]], live: null, complete: false, computedAt: new Date(0) }),
      ),
    );
    await controller.runOneWay();
    expect(target.applied).toEqual([]);
  });

  it.each([
    ['INPUT_NOT_CONSTANT', 'Assumptions!G7 holds a formula, not a constant: it cannot be varied'],
    ['NO_DEPENDENCE', 'Force!B13 does not depend on Other!C1'],
    ['TOO_LARGE', '60 x 60 = 3600 points is more than the 2500 allowed'],
  ] as const)('shows the driver’s %s error with its message', async (code, message) => {
    const target = workbook();
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    mockRunTable.mockRejectedValue(new SensitivityError(code, message));
    await controller.runOneWay();
    expect(controller.state.status).toEqual({ kind: 'error', message: `Could not make the one-way table: ${message}` });
    expect(target.applied).toEqual([]);
  });

  it('shows a failed write with its message', async () => {
    const target = workbook();
    target.failWith = new Error('the workbook is protected');
    const controller = await ready(target);
    await controller.chooseInput(0, 'line_km');
    await controller.runOneWay();
    expect(controller.state.status).toEqual({ kind: 'error', message: 'Could not make the one-way table: the workbook is protected' });
  });

  it('refuses bounds in the wrong order before running', async () => {
    const controller = await ready(workbook());
    await controller.chooseInput(0, 'line_km');
    controller.setBound(0, 'low', 2000);
    await controller.runOneWay();
    expect(mockRunTable).not.toHaveBeenCalled();
    // Numbers as the pane shows them (issue 13, defect 6): grouped, 6 significant digits.
    expect(controller.state.status).toEqual({ kind: 'error', message: 'Line of contact: low (2,000) must be below high (1,300).' });
    // 28.076923077 to 6 significant digits is 28.0769.
    controller.setBound(0, 'low', 28.076923077);
    controller.setBound(0, 'high', 20);
    await controller.runOneWay();
    expect(controller.state.status).toEqual({ kind: 'error', message: 'Line of contact: low (28.0769) must be below high (20).' });
  });

  it('asks for the output, and for two inputs, before a two-way table', async () => {
    const target = workbook();
    target.selected = null;
    const controller = await ready(target);
    await controller.runTwoWay();
    expect(controller.state.status).toEqual({ kind: 'error', message: 'Choose two inputs for the two-way table.' });
    await controller.chooseInput(0, 'line_km');
    await controller.chooseInput(1, 'density_per_km2');
    await controller.runTwoWay();
    expect(controller.state.status).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Choose the output first/) as string });
    expect(mockRunTable).not.toHaveBeenCalled();
  });

  it('runs a tornado over every named assumption, with bounds edited in the inputs, into a Tornado sheet', async () => {
    const target = workbook(['Assumptions', 'Force', 'Tornado']);
    const controller = await ready(target);
    await controller.chooseInput(0, 'density_per_km2');
    controller.setBound(0, 'low', 6);
    const result: TornadoResult = { output: DEPLOYED, outputLabel: 'Deployed force', base: 39245, rows: [], computedAt: new Date(0) };
    mockRunTornado.mockResolvedValue(result);
    await controller.runTornado();
    expect(mockRunTornado).toHaveBeenCalledWith(
      target,
      DEPLOYED,
      'Deployed force',
      [
        { ref: LINE, label: 'Line of contact', low: 800, high: 1300 },
        { ref: DENSITY, label: 'Force density', low: 6, high: 15 },
      ],
      expect.objectContaining({ signal: expect.any(AbortSignal) as AbortSignal }),
    );
    expect(target.applied[0]?.plan.sheets.map((s) => s.name)).toEqual(['Tornado (2)']);
    expect(controller.state.status).toMatchObject({ kind: 'done', sheet: 'Tornado (2)' });
  });

  it('compares the scenarios with no inputs chosen, into a Scenarios sheet', async () => {
    const target = workbook();
    const controller = new SensitivityController(target);
    const result: ComparisonResult = { rows: [], computedAt: new Date(0) };
    mockRunComparison.mockResolvedValue(result);
    await controller.runComparison();
    expect(mockRunComparison).toHaveBeenCalledTimes(1);
    expect(target.applied[0]?.plan.sheets.map((s) => s.name)).toEqual(['Scenarios']);
    expect(controller.state.status).toEqual({
      kind: 'done',
      message: 'Wrote the scenario comparison to the new sheet Scenarios.',
      sheet: 'Scenarios',
    });
  });

  it('refuses a second run while one is under way', async () => {
    const controller = await ready(workbook());
    await controller.chooseInput(0, 'line_km');
    let finish: (() => void) | undefined;
    mockRunTable.mockImplementation(
      (_t, spec) =>
        new Promise((resolve) => {
          finish = () => resolve(tableResult(spec));
        }),
    );
    const first = controller.runOneWay();
    await Promise.resolve();
    await controller.runComparison();
    expect(mockRunComparison).not.toHaveBeenCalled();
    finish?.();
    await first;
    expect(controller.state.status.kind).toBe('done');
  });
});
