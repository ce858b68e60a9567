import {
  address,
  blockAddress,
  blockCells,
  cellReference,
  columnIndex,
  columnName,
  nameFormula,
  normalCell,
  parseBlock,
  parseCell,
  parseCellReference,
  parseReference,
  quoteSheet,
  sameCell,
  sheetInReference,
} from '../../src/workbook/a1';

describe('columnName and columnIndex', () => {
  it('name columns as Excel does, and read them back', () => {
    // Excel's headers: 1st column A, 26th Z, 27th AA, 702nd ZZ, 703rd AAA, 16,384th XFD.
    const cases: [number, string][] = [
      [0, 'A'],
      [25, 'Z'],
      [26, 'AA'],
      [701, 'ZZ'],
      [702, 'AAA'],
      [16383, 'XFD'],
    ];
    for (const [i, name] of cases) {
      expect(columnName(i)).toBe(name);
      expect(columnIndex(name)).toBe(i);
      expect(columnIndex(name.toLowerCase())).toBe(i);
    }
  });
  it('refuse letters past XFD and anything that is not letters', () => {
    expect(columnIndex('XFE')).toBeUndefined();
    expect(columnIndex('ZZZZ')).toBeUndefined();
    expect(columnIndex('A1')).toBeUndefined();
    expect(columnIndex('')).toBeUndefined();
  });
});

describe('parseCell', () => {
  it('reads relative, absolute and lower-case cells as 0-based positions', () => {
    expect(parseCell('B13')).toEqual({ row: 12, col: 1 });
    expect(parseCell('$B$13')).toEqual({ row: 12, col: 1 });
    expect(parseCell(' b13 ')).toEqual({ row: 12, col: 1 });
    expect(parseCell('XFD1048576')).toEqual({ row: 1048575, col: 16383 });
  });
  it('refuses row 0, rows past 1,048,576, blocks, sheets and words', () => {
    for (const bad of ['A0', 'A1048577', 'XFE1', 'A1:B2', 'Sheet!A1', 'Force', '', '1A']) expect(parseCell(bad)).toBeUndefined();
  });
  it('normalises a cell address for comparison', () => {
    expect(normalCell('$g$6')).toBe('G6');
    expect(normalCell('G6:G8')).toBeUndefined();
  });
});

describe('parseBlock and blockAddress', () => {
  it('read a block in either corner order and a single cell', () => {
    expect(parseBlock('B6:L16')).toEqual({ row0: 5, col0: 1, row1: 15, col1: 11 });
    expect(parseBlock('$L$16:$B$6')).toEqual({ row0: 5, col0: 1, row1: 15, col1: 11 });
    expect(parseBlock('C3')).toEqual({ row0: 2, col0: 2, row1: 2, col1: 2 });
    expect(parseBlock('A1:B2:C3')).toBeUndefined();
    expect(parseBlock('A1,B2')).toBeUndefined();
  });
  it('write a block back, a single cell without a colon', () => {
    expect(blockAddress({ row0: 5, col0: 1, row1: 15, col1: 11 })).toBe('B6:L16');
    expect(blockAddress({ row0: 5, col0: 1, row1: 15, col1: 11 }, true)).toBe('$B$6:$L$16');
    expect(blockAddress({ row0: 2, col0: 2, row1: 2, col1: 2 })).toBe('C3');
    expect(address(12, 1, true)).toBe('$B$13');
  });
  it('list the cells of a block row by row', () => {
    expect(blockCells({ row0: 0, col0: 0, row1: 1, col1: 1 })).toEqual(['A1', 'B1', 'A2', 'B2']);
  });
});

describe('sheet names in references', () => {
  it('are quoted always for defined names, doubling apostrophes', () => {
    expect(quoteSheet('Force')).toBe("'Force'");
    expect(quoteSheet("Bob's (2)")).toBe("'Bob''s (2)'");
    expect(nameFormula('Force (2)', '$B$13')).toBe("='Force (2)'!$B$13");
  });
  it('are bare only when Excel would leave them bare', () => {
    expect(sheetInReference('Assumptions')).toBe('Assumptions');
    expect(sheetInReference('Force_2.b')).toBe('Force_2.b');
    // Excel quotes names with spaces, names that read as a cell (A1, XFD1) or an R1C1 reference,
    // and names that start with a digit.
    for (const quoted of ['Force (2)', 'A1', 'xfd1', 'R2C3', 'R', 'C', '2024', "it's"]) {
      expect(sheetInReference(quoted)).toBe(quoteSheet(quoted));
    }
    expect(cellReference({ sheet: 'Force (2)', address: 'B13' })).toBe("'Force (2)'!B13");
    expect(cellReference({ sheet: 'Force', address: 'B13' })).toBe('Force!B13');
  });
});

describe('parseReference and parseCellReference', () => {
  it('read sheet-qualified references with or without = and quotes', () => {
    expect(parseCellReference('Assumptions!$G$6')).toEqual({ sheet: 'Assumptions', address: 'G6' });
    expect(parseCellReference("='Force (2)'!$B$13")).toEqual({ sheet: 'Force (2)', address: 'B13' });
    expect(parseCellReference("'Bob''s'!b2")).toEqual({ sheet: "Bob's", address: 'B2' });
    expect(parseReference("='Fund'!$E$10:$E$36")).toEqual({ sheet: 'Fund', block: { row0: 9, col0: 4, row1: 35, col1: 4 } });
  });
  it('refuse blocks as cells, several areas, missing sheets and functions', () => {
    expect(parseCellReference('Assumptions!G6:G8')).toBeUndefined();
    for (const bad of ['A1', 'Sheet!A1,Sheet!B2', '=SUM(Sheet!A1)', '!A1', "='Force'!#REF!"]) expect(parseReference(bad)).toBeUndefined();
  });
  it('round-trips every reference it writes', () => {
    for (const sheet of ['Force', 'Force (2)', "Bob's", 'A1', 'Données']) {
      const ref = { sheet, address: 'C7' };
      expect(parseCellReference(cellReference(ref))).toEqual(ref);
      expect(parseCellReference(nameFormula(sheet, '$C$7'))).toEqual(ref);
    }
  });
});

describe('sameCell', () => {
  it('ignores case of sheet names and $ signs', () => {
    expect(sameCell({ sheet: 'Force', address: '$B$13' }, { sheet: 'FORCE', address: 'b13' })).toBe(true);
    expect(sameCell({ sheet: 'Force', address: 'B13' }, { sheet: 'Force (2)', address: 'B13' })).toBe(false);
    expect(sameCell({ sheet: 'Force', address: 'B13:B14' }, { sheet: 'Force', address: 'B13:B14' })).toBe(false);
  });
});
