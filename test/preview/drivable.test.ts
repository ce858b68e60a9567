/**
 * PreviewTarget as a DrivableTarget (src/workbook/writer.ts): names resolve to cells, cells read
 * as formula and value (errors as their code), evaluate sets inputs and reads outputs in one step,
 * restore puts formulas and values back; and the view's colour-scale arithmetic.
 */
import { PreviewTarget } from '../../src/preview/target';
import { parseBlock } from '../../src/workbook/a1';
import { baselinePlan } from '../../src/workbook/baseline';
import type { WorkbookPlan } from '../../src/workbook/plan';

/** Sheet In: x = 2 in A1 (named x), =x*3 in B1, =1/0 in C1; sheet "Out 'q' 2" with =x+1. */
const plan: WorkbookPlan = {
  sheets: [
    {
      name: 'In',
      kind: 'assumptions',
      cells: [[{ content: 2 }, { content: '=x*3' }, { content: '=1/0' }]],
      columnWidths: [8, 8, 8],
      validations: [],
    },
    { name: "Out 'q' 2", kind: 'force', cells: [[{ content: '=x+1' }]], columnWidths: [8], validations: [] },
  ],
  names: [
    { name: 'x', sheet: 'In', address: '$A$1', comment: '' },
    { name: 'q', sheet: "Out 'q' 2", address: '$A$1', comment: '' },
  ],
  scenarioCell: { sheet: 'In', address: 'A1' },
};

async function loaded(): Promise<PreviewTarget> {
  const t = new PreviewTarget();
  await t.apply(plan, { replace: [] });
  return t;
}

describe('PreviewTarget.resolveName', () => {
  it('gives the cell a defined name points at, quoted sheet names included, and null for an unknown name', async () => {
    const t = await loaded();
    expect(await t.resolveName('x')).toEqual({ sheet: 'In', address: 'A1' });
    expect(await t.resolveName('q')).toEqual({ sheet: "Out 'q' 2", address: 'A1' });
    expect(await t.resolveName('nope')).toBeNull();
  });

  it('resolves the baseline names to the Active column', async () => {
    const t = new PreviewTarget();
    await t.apply(baselinePlan({ scenario: 'peace' }), { replace: [] });
    expect(await t.resolveName('density_per_km2')).toEqual({ sheet: 'Assumptions', address: 'G8' });
  });
});

describe('PreviewTarget.readCells', () => {
  it('reads formula and value, with errors as their code', async () => {
    const t = await loaded();
    expect(
      await t.readCells([
        { sheet: 'In', address: 'A1' },
        { sheet: 'In', address: 'B1' },
        { sheet: 'In', address: 'C1' },
        { sheet: 'In', address: 'D1' },
      ]),
    ).toEqual([
      { formula: null, value: 2 },
      { formula: '=x*3', value: 6 },
      { formula: '=1/0', value: '#DIV/0!' },
      { formula: null, value: null },
    ]);
  });
});

describe('PreviewTarget.evaluate and restore', () => {
  it('sets the inputs, reads the recalculated outputs, and restore puts values and formulas back', async () => {
    const t = await loaded();
    const refs = [
      { sheet: 'In', address: 'A1' },
      { sheet: 'In', address: 'B1' },
    ];
    const before = await t.readCells(refs);
    expect(
      await t.evaluate(
        [{ ref: { sheet: 'In', address: 'A1' }, value: 5 }],
        [
          { sheet: 'In', address: 'B1' },
          { sheet: "Out 'q' 2", address: 'A1' },
        ],
      ),
    ).toEqual([15, 6]);
    await t.evaluate([{ ref: { sheet: 'In', address: 'B1' }, value: 1 }], []);
    await t.restore(refs.map((ref, i) => ({ ref, state: before[i] ?? { formula: null, value: null } })));
    expect(await t.readCells(refs)).toEqual(before);
  });
});

describe('PreviewTarget.selectedCell', () => {
  it('is what the view last set', async () => {
    const t = await loaded();
    expect(await t.selectedCell()).toBeNull();
    t.setSelection({ sheet: 'In', address: 'B1' });
    expect(await t.selectedCell()).toEqual({ sheet: 'In', address: 'B1' });
  });

  it('keeps colour scales and charts of a plan for the view', async () => {
    const t = new PreviewTarget();
    await t.apply(
      {
        ...plan,
        names: [],
        sheets: [
          {
            name: 'S',
            kind: 'sensitivity',
            cells: [[{ content: 1 }]],
            columnWidths: [8],
            validations: [],
            colorScales: [{ address: 'A1' }],
            charts: [{ kind: 'line', title: 't', dataAddress: 'A1:A1', anchor: 'C2' }],
          },
        ],
      },
      { replace: [] },
    );
    expect(t.sheet('S')).toMatchObject({ colorScales: [{ address: 'A1' }], charts: [{ kind: 'line', anchor: 'C2' }] });
  });
});

describe('parseBlock', () => {
  it('reads a block or one cell as 0-based corners', () => {
    expect(parseBlock('B6:L16')).toEqual({ row0: 5, col0: 1, row1: 15, col1: 11 });
    expect(parseBlock('$AA$1')).toEqual({ row0: 0, col0: 26, row1: 0, col1: 26 });
    expect(parseBlock('nonsense')).toBeUndefined();
  });
});
