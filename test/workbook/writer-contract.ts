/**
 * The writer contract (src/workbook/writer.ts) as one test suite, run against every writer: the
 * Excel writer over office-addin-mock, the preview's engine, the pane's test fake (and, later, the
 * .xlsx writer). A writer joins with one call, `writerContract(name, make)`, where `make` gives a
 * fresh writer over an empty workbook and a way to read what a cell holds.
 *
 * Every expected value here is worked out by hand from the small plans below, never by calling the
 * code under test.
 */
import { EMPTY, type Constant, type SheetPlan, type WorkbookPlan } from '../../src/workbook/plan';
import { type DrivableTarget, type Progress, type WorkbookTarget, WorkbookWriteError, type WriteErrorCode } from '../../src/workbook/writer';

/** A writer under test, fresh over an empty workbook (Excel's holds its one default sheet). */
export interface WriterUnderTest {
  readonly target: WorkbookTarget;
  /** The same writer as a {@link DrivableTarget}, when it can be driven; the drive tests run only then. */
  readonly drivable?: DrivableTarget;
  /** What a cell holds as written: a formula's text, else the constant; `null` when empty. */
  content(sheet: string, address: string): Constant;
}

/** Sheet names the plans use: one plain, one Excel must quote in a reference. */
const IN = 'In';
const OUT = 'Out (2)';

function sheet(name: string, cells: SheetPlan['cells'], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, kind: 'force', cells, columnWidths: cells[0]?.map(() => 10) ?? [], validations: [], ...extra };
}

/**
 * Sheet In: x = `inputs` in A1 (named x) and the text Yes in B1 (a Yes/No drop-down); sheet
 * "Out (2)": =x*2 in A1 (named y) and a label in B1. With x = 21, y shows 42.
 */
function twoSheets(x: number | null = 21, b1: Constant = 'Yes'): WorkbookPlan {
  return {
    sheets: [
      sheet(IN, [[{ content: x, role: 'input' }, { content: b1 }]], { validations: [{ address: 'B1', list: ['Yes', 'No'], prompt: 'Yes or No' }] }),
      sheet(OUT, [
        [
          { content: '=x*2', role: 'output', format: '0.00' },
          { content: 'twice x', role: 'label' },
        ],
      ]),
    ],
    names: [
      { name: 'x', sheet: IN, address: '$A$1', comment: 'the input' },
      { name: 'y', sheet: OUT, address: '$A$1', comment: 'twice the input' },
    ],
    scenarioCell: { sheet: IN, address: 'A1' },
  };
}

/** A plan of one sheet holding `text` in A1, with the given names. */
function oneSheet(name: string, text: string, names: WorkbookPlan['names'] = []): WorkbookPlan {
  return { sheets: [sheet(name, [[{ content: text }, EMPTY]])], names, scenarioCell: { sheet: name, address: 'A1' } };
}

async function refusal(p: Promise<unknown>): Promise<WorkbookWriteError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookWriteError) return e;
    throw new Error(`expected a WorkbookWriteError, got ${String(e)}`);
  }
  throw new Error('expected the write to be refused');
}

const sorted = (names: readonly string[]): string[] => names.map((n) => n.toLowerCase()).sort();

/** Registers the contract's tests for one writer. */
export function writerContract(name: string, make: () => WriterUnderTest): void {
  /** The workbook as the contract sees it: sheets, names, and the cells the plans use. */
  async function state(w: WriterUnderTest): Promise<unknown> {
    const sheets = await w.target.sheetNames();
    const cells = [IN, OUT, 'Keep']
      .filter((s) => sheets.some((x) => x.toLowerCase() === s.toLowerCase()))
      .map((s) => [s, w.content(s, 'A1'), w.content(s, 'B1')]);
    return { sheets, names: sorted(await w.target.definedNames()), cells };
  }

  /** Expects `apply(plan)` to be refused with `code`, leaving the workbook as it was. */
  async function expectRefused(
    w: WriterUnderTest,
    plan: WorkbookPlan,
    replace: readonly string[],
    code: WriteErrorCode,
  ): Promise<WorkbookWriteError> {
    const before = await state(w);
    const error = await refusal(w.target.apply(plan, { replace }));
    expect(error.code).toBe(code);
    expect(await state(w)).toEqual(before);
    return error;
  }

  describe(`${name} keeps the writer contract`, () => {
    it('writes a plan: its sheets after those there were, values and formulas as planned, its names', async () => {
      const w = make();
      const sheets = await w.target.sheetNames();
      const names = await w.target.definedNames();
      await w.target.apply(twoSheets(), { replace: [] });
      expect(await w.target.sheetNames()).toEqual([...sheets, IN, OUT]);
      expect(sorted(await w.target.definedNames())).toEqual(sorted([...names, 'x', 'y']));
      expect([w.content(IN, 'A1'), w.content(IN, 'B1'), w.content(OUT, 'A1'), w.content(OUT, 'B1')]).toEqual([21, 'Yes', '=x*2', 'twice x']);
    });

    it('refuses a plan sheet that exists (ignoring case) and is not to be replaced, with SHEET_EXISTS, before changing anything', async () => {
      const w = make();
      await w.target.apply(twoSheets(), { replace: [] });
      const error = await expectRefused(w, oneSheet('IN', 'other'), [], 'SHEET_EXISTS');
      expect(error.sheet).toBe(IN); // as the workbook names it
      expect(error.message).toBe('The workbook already has a sheet "In"; nothing was changed. Load a new copy, or choose to replace it.');
      // Listing only some of the clashing sheets is not leave to write over the others.
      await expectRefused(w, twoSheets(5), [IN], 'SHEET_EXISTS');
    });

    it('refuses a plan name that exists and does not point at a sheet being replaced, with NAME_EXISTS, before changing anything', async () => {
      const w = make();
      await w.target.apply(twoSheets(), { replace: [] });
      const error = await expectRefused(w, oneSheet('Keep', 'mine', [{ name: 'X', sheet: 'Keep', address: '$A$1', comment: '' }]), [], 'NAME_EXISTS');
      expect(error.message).toMatch(
        /^The workbook already defines the name "x"( \(.+\))?; nothing was changed\. Load a new copy, whose names do not clash\.$/,
      );
    });

    it('refuses a name pointing at a sheet neither the plan nor the workbook has, with DANGLING_NAME, before changing anything', async () => {
      const w = make();
      const error = await expectRefused(
        w,
        oneSheet('Keep', 'mine', [{ name: 'z', sheet: 'Nowhere', address: '$A$1', comment: '' }]),
        [],
        'DANGLING_NAME',
      );
      expect(error.message).toBe('The name "z" refers to a sheet "Nowhere" that neither the plan nor the workbook has; nothing was changed.');
    });

    it('accepts a name pointing at a sheet the workbook has though the plan does not', async () => {
      const w = make();
      await w.target.apply(twoSheets(), { replace: [] });
      await w.target.apply(oneSheet('Keep', 'mine', [{ name: 'z', sheet: IN, address: '$B$1', comment: '' }]), { replace: [] });
      expect(sorted(await w.target.definedNames())).toEqual(expect.arrayContaining(['x', 'y', 'z']));
    });

    it('refuses a plan that cannot be written, with INVALID_PLAN, before changing anything', async () => {
      const w = make();
      await expectRefused(w, oneSheet('A/B', 'x'), [], 'INVALID_PLAN');
    });

    it('replaces only the sheets listed, which keep nothing of what they held, and repoints their names', async () => {
      const w = make();
      await w.target.apply(twoSheets(), { replace: [] });
      await w.target.apply(oneSheet('Keep', 'mine'), { replace: [] });
      const sheets = await w.target.sheetNames();
      const names = sorted(await w.target.definedNames());
      await w.target.apply(twoSheets(5, null), { replace: [IN, OUT] });
      expect([...(await w.target.sheetNames())].sort()).toEqual([...sheets].sort());
      expect(sorted(await w.target.definedNames())).toEqual(names);
      expect([w.content(IN, 'A1'), w.content(IN, 'B1'), w.content(OUT, 'A1')]).toEqual([5, null, '=x*2']);
      expect(w.content('Keep', 'A1')).toBe('mine');
    });

    it('reports the contract’s progress: one step per sheet, then Finishing, then Done at the total', async () => {
      const w = make();
      const seen: Progress[] = [];
      await w.target.apply(twoSheets(), { replace: [], onProgress: (p) => seen.push(p) });
      // Two sheets: steps 0 and 1 write them, step 2 finishes, 3 of 3 is done.
      expect(seen).toEqual([
        { done: 0, total: 3, step: 'Writing sheet "In"' },
        { done: 1, total: 3, step: 'Writing sheet "Out (2)"' },
        { done: 2, total: 3, step: 'Finishing' },
        { done: 3, total: 3, step: 'Done' },
      ]);
    });

    it('undoes a write that fails part-way, leaving sheets, names and cells as they were, replaced sheets included (issue 8)', async () => {
      const w = make();
      await w.target.apply(twoSheets(), { replace: [] });
      await w.target.apply(oneSheet('Keep', 'mine'), { replace: [] });
      const before = await state(w);
      // The progress listener throwing as the second sheet starts: the first is already rewritten.
      const stop = (p: Progress): void => {
        if (p.done === 1) throw new Error('stopped by the test');
      };
      const error = await refusal(w.target.apply(twoSheets(5, 'No'), { replace: [IN, OUT], onProgress: stop }));
      expect(error.code).toBe('WRITE_FAILED');
      expect(await state(w)).toEqual(before);
      const fresh = make();
      const empty = await state(fresh);
      expect((await refusal(fresh.target.apply(twoSheets(), { replace: [], onProgress: stop }))).code).toBe('WRITE_FAILED');
      expect(await state(fresh)).toEqual(empty);
    });

    it('reports no progress for a refused plan', async () => {
      const w = make();
      const seen: Progress[] = [];
      await refusal(
        w.target.apply(oneSheet('Keep', 'x', [{ name: 'z', sheet: 'Nowhere', address: '$A$1', comment: '' }]), {
          replace: [],
          onProgress: (p) => seen.push(p),
        }),
      );
      expect(seen).toEqual([]);
    });

    it('sets a cell as a user typing it would, and refuses a sheet that is not there with WRITE_FAILED', async () => {
      const w = make();
      await w.target.apply(twoSheets(), { replace: [] });
      await w.target.setValue(IN, 'B1', 'No');
      expect(w.content(IN, 'B1')).toBe('No');
      expect((await refusal(w.target.setValue('Nowhere', 'B1', 'No'))).code).toBe('WRITE_FAILED');
    });

    // Registered only for a writer that can be driven (the pane's fake cannot evaluate formulas).
    if (make().drivable === undefined) return;
    describe('as a DrivableTarget', () => {
      const driven = async (): Promise<DrivableTarget> => {
        const w = make();
        if (w.drivable === undefined) throw new Error(`${name} was drivable and is no longer`);
        await w.drivable.apply(twoSheets(), { replace: [] });
        return w.drivable;
      };

      it('resolves a one-cell name to its cell, a quoted sheet unquoted, and an unknown name to null', async () => {
        const t = await driven();
        expect(await t.resolveName('x')).toEqual({ sheet: IN, address: 'A1' });
        expect(await t.resolveName('y')).toEqual({ sheet: OUT, address: 'A1' });
        expect(await t.resolveName('nope')).toBeNull();
      });

      it('reads cells as formula and value, an empty cell as null', async () => {
        const t = await driven();
        expect(
          await t.readCells([
            { sheet: IN, address: 'A1' },
            { sheet: OUT, address: 'A1' },
            { sheet: IN, address: 'C1' },
          ]),
        ).toEqual([
          { formula: null, value: 21 },
          { formula: '=x*2', value: 42 }, // 21 × 2
          { formula: null, value: null },
        ]);
      });

      it('evaluates outputs with inputs set, and restore puts the inputs back', async () => {
        const t = await driven();
        const x = { sheet: IN, address: 'A1' };
        const y = { sheet: OUT, address: 'A1' };
        const [before] = await t.readCells([x]);
        expect(await t.evaluate([{ ref: x, value: 5 }], [y])).toEqual([10]); // 5 × 2
        await t.restore([{ ref: x, state: before ?? { formula: null, value: null } }]);
        expect(await t.readCells([x, y])).toEqual([
          { formula: null, value: 21 },
          { formula: '=x*2', value: 42 },
        ]);
      });

      it('recalculates after setValue: typing 4.5 into x makes y 9', async () => {
        const t = await driven();
        await t.setValue(IN, 'A1', '4.5');
        expect(await t.readCells([{ sheet: OUT, address: 'A1' }])).toEqual([{ formula: '=x*2', value: 9 }]); // 4.5 × 2
      });

      it('replaces a sheet in place: a name defined by another load that points at it still resolves there (issue 8, defect 4)', async () => {
        const t = await driven();
        await t.apply(oneSheet('Keep', 'mine', [{ name: 'mine', sheet: IN, address: '$B$1', comment: '' }]), { replace: [] });
        await t.apply(twoSheets(5), { replace: [IN, OUT] });
        expect(await t.resolveName('mine')).toEqual({ sheet: IN, address: 'B1' });
        expect(await t.resolveName('x')).toEqual({ sheet: IN, address: 'A1' });
      });

      it('deletes a sheet by name, and no other', async () => {
        const t = await driven();
        await t.apply(oneSheet('Keep', 'mine'), { replace: [] });
        const sheets = await t.sheetNames();
        await t.deleteSheet('Keep');
        expect(await t.sheetNames()).toEqual(sheets.filter((s) => s !== 'Keep'));
      });

      it('refuses to read a sheet that is not there, with READ_FAILED', async () => {
        const t = await driven();
        expect((await refusal(t.readCells([{ sheet: 'Nowhere', address: 'A1' }]))).code).toBe('READ_FAILED');
      });
    });
  });
}
