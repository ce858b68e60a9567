import { chunkAddresses, columnWidthRuns, constantOf, formatsOf, formulasOf, rolesToRanges, textMaskOf } from '../../../src/taskpane/excel/layout';
import { parseCellReference, parseReference } from '../../../src/workbook/a1';
import { baselinePlan } from '../../../src/workbook/baseline';
import { c, SheetBuilder } from '../../../src/workbook/builder';
import { columnPoints } from '../../../src/workbook/look';
import { address, type CellRole } from '../../../src/workbook/plan';
import { parseArea } from '../mock/excel-mock';

const BASELINE = baselinePlan({ scenario: 'peace' });

describe('rolesToRanges', () => {
  it('merges runs of one role along a row, and downwards while the next row has the same run', () => {
    const s = new SheetBuilder('T', 'force', [10, 10, 10]);
    s.row([c('Title', 'title')]);
    s.row([c('a', 'input'), c('b', 'input'), c('x', 'label')]);
    s.row([c('a', 'input'), c('b', 'input'), c('y', 'label')]);
    s.row([c('a', 'input'), null, c('z', 'input')]);
    const ranges = rolesToRanges(s.build());
    expect([...ranges.entries()]).toEqual([
      ['title', ['A1']],
      ['input', ['A2:B3', 'A4', 'C4']],
      ['label', ['C2:C3']],
    ]);
  });

  it('covers every cell that has a role exactly once, with that role, on every baseline sheet', () => {
    for (const sheet of BASELINE.sheets) {
      const seen = new Map<string, CellRole>();
      for (const [role, areas] of rolesToRanges(sheet)) {
        for (const area of areas) {
          const b = parseArea(area);
          for (let r = b.r0; r <= b.r1; r++) {
            for (let col = b.c0; col <= b.c1; col++) {
              expect(seen.has(address(r, col))).toBe(false);
              seen.set(address(r, col), role);
            }
          }
        }
      }
      const expected = new Map(
        sheet.cells.flatMap((row, r) => row.flatMap((cell, col) => (cell.role === undefined ? [] : [[address(r, col), cell.role] as const]))),
      );
      expect(seen).toEqual(expected);
    }
  });

  it('needs far fewer areas than cells for the baseline (one style call per role covers them)', () => {
    const fund = BASELINE.sheets.find((s) => s.kind === 'fund');
    if (fund === undefined) throw new Error('no fund sheet');
    const areas = [...rolesToRanges(fund).values()].flat().length;
    const styled = fund.cells.flat().filter((cell) => cell.role !== undefined).length;
    expect(areas).toBeLessThan(styled / 3);
  });
});

describe('formulasOf, formatsOf and textMaskOf', () => {
  const s = new SheetBuilder('T', 'force', [10, 10, 10]);
  s.row([c('2024-08', 'source'), c('=A1', 'output', '0.00%'), null]);
  const sheet = s.build();

  it("gives contents as they are, with empty cells as ''", () => {
    expect(formulasOf(sheet)).toEqual([['2024-08', '=A1', '']]);
  });

  it('gives General where the plan sets no format', () => {
    expect(formatsOf(sheet)).toEqual([['General', '0.00%', 'General']]);
  });

  it('marks text constants (not formulas, not empty cells) as text', () => {
    expect(textMaskOf(sheet)).toEqual([['@', 'General', 'General']]);
  });
});

describe('chunkAddresses', () => {
  it('joins addresses with commas into lists no longer than the limit', () => {
    expect(chunkAddresses(['A1', 'B2:C3', 'D4'], 10)).toEqual(['A1, B2:C3', 'D4']);
    expect(chunkAddresses([])).toEqual([]);
  });
});

describe('columnPoints and columnWidthRuns', () => {
  it("converts Excel's default width of 8.43 characters to its 48 points", () => {
    // (8.43 × 7 + 5) px × 0.75 pt/px = 48.0 pt, rounded to a quarter point.
    expect(columnPoints(8.43)).toBe(48);
  });

  it('sets adjacent columns of equal width in one call', () => {
    const sheet = new SheetBuilder('T', 'force', [14, 14, 14, 90]).build();
    expect(columnWidthRuns(sheet)).toEqual([
      { columns: 'A:C', points: columnPoints(14) },
      { columns: 'D:D', points: columnPoints(90) },
    ]);
  });
});

describe("parseReference as the writer reads a defined name's sheet", () => {
  const sheetOfReference = (formula: string): string | undefined => parseReference(formula)?.sheet;

  it('reads the sheet from quoted and unquoted references, and nothing from anything else', () => {
    expect(sheetOfReference("='Force (2)'!$A$1")).toBe('Force (2)');
    expect(sheetOfReference('=Assumptions!$G$6')).toBe('Assumptions');
    expect(sheetOfReference("='It''s'!$A$1")).toBe("It's");
    expect(sheetOfReference('=#REF!$G$6')).toBe('#REF');
    expect(sheetOfReference('=0.5')).toBeUndefined();
  });
});

describe('parseCellReference as the writer reads an address Excel reports', () => {
  const parseCellAddress = (reference: string): { sheet: string; address: string } | null => parseCellReference(reference) ?? null;

  it('reads a single cell with or without $ and with a quoted sheet name', () => {
    expect(parseCellAddress('Assumptions!$G$6')).toEqual({ sheet: 'Assumptions', address: 'G6' });
    expect(parseCellAddress("'Force (2)'!B13")).toEqual({ sheet: 'Force (2)', address: 'B13' });
    expect(parseCellAddress("'It''s'!$A$1")).toEqual({ sheet: "It's", address: 'A1' });
  });

  it('gives null for a block, a list of cells or an address without a sheet', () => {
    expect(parseCellAddress('Assumptions!G6:G8')).toBeNull();
    expect(parseCellAddress('Assumptions!G6,Assumptions!G8')).toBeNull();
    expect(parseCellAddress('G6')).toBeNull();
  });
});

describe('constantOf', () => {
  it('keeps errors as their code, empty cells as null and numbers, text and booleans as they are', () => {
    expect(constantOf('#N/A', 'Error')).toBe('#N/A');
    expect(constantOf('', 'Empty')).toBeNull();
    expect(constantOf(6000, 'Double')).toBe(6000);
    expect(constantOf('x', 'String')).toBe('x');
    expect(constantOf(true, 'Boolean')).toBe(true);
  });
});
