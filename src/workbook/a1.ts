/**
 * A1 addresses, the one place that parses and formats them: column letters, cells, blocks, sheet
 * names quoted as Excel quotes them, and references such as `='Force (2)'!$B$13`.
 *
 * Rows and columns are 0-based here (row 0 is Excel's row 1, column 0 is A). Excel's grid is
 * 1,048,576 rows by 16,384 columns (XFD); anything outside it is not an address.
 */

/** Rows in an Excel worksheet. */
export const MAX_ROWS = 1_048_576;
/** Columns in an Excel worksheet (A to XFD). */
export const MAX_COLUMNS = 16_384;

/** A cell as 0-based row and column. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** A rectangular block as 0-based corners, top-left to bottom-right inclusive. */
export interface Block {
  readonly row0: number;
  readonly col0: number;
  readonly row1: number;
  readonly col1: number;
}

/** One cell of a named sheet: `address` is A1 style without `$` (e.g. `B13`). */
export interface SheetCell {
  readonly sheet: string;
  readonly address: string;
}

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** The 0-based index of column letters (`A` → 0, `AA` → 26, case ignored); `undefined` beyond XFD or for non-letters. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  const n = [...letters.toUpperCase()].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return n < MAX_COLUMNS ? n : undefined;
}

/** A1-style address for 0-based row and column; `absolute` gives `$B$13`. */
export function address(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnName(col)}$${row + 1}` : `${columnName(col)}${row + 1}`;
}

/** A block's address: `B6:L16`, or `B6` for a single cell. */
export function blockAddress(block: Block, absolute = false): string {
  const from = address(block.row0, block.col0, absolute);
  return block.row0 === block.row1 && block.col0 === block.col1 ? from : `${from}:${address(block.row1, block.col1, absolute)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** A single cell (`B13`, `$B$13`, `b13`) as 0-based row and column; `undefined` for anything else. */
export function parseCell(text: string): CellPosition | undefined {
  const m = CELL.exec(text.trim());
  if (m === null) return undefined;
  const col = columnIndex(m[1] ?? '');
  const row = Number(m[2]) - 1;
  if (col === undefined || !(row >= 0 && row < MAX_ROWS)) return undefined;
  return { row, col };
}

/** A cell address normalised: `$b$13` → `B13`; `undefined` if it is not one cell. */
export function normalCell(text: string): string | undefined {
  const at = parseCell(text);
  return at === undefined ? undefined : address(at.row, at.col);
}

/**
 * A block (`B6:L16`, `$B$6:$L$16`, or one cell) as 0-based corners, ordered top-left to
 * bottom-right whichever corners are given; `undefined` for anything else.
 */
export function parseBlock(text: string): Block | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 2) return undefined;
  const a = parseCell(parts[0] ?? '');
  const b = parts.length === 2 ? parseCell(parts[1] ?? '') : a;
  if (a === undefined || b === undefined) return undefined;
  return { row0: Math.min(a.row, b.row), col0: Math.min(a.col, b.col), row1: Math.max(a.row, b.row), col1: Math.max(a.col, b.col) };
}

/** Every cell of a block, row by row, as A1 addresses without `$`. */
export function blockCells(block: Block): string[] {
  const out: string[] = [];
  for (let r = block.row0; r <= block.row1; r++) {
    for (let c = block.col0; c <= block.col1; c++) out.push(address(r, c));
  }
  return out;
}

/** A sheet name always quoted, as a defined name's reference or a formula may take it: `'Force (2)'`. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is a plain word that cannot be read
 * as a cell (`Force`, `Assumptions`), quoted otherwise (`'Force (2)'`, `'A1'`, `'R2C3'`, `'2024'`).
 */
export function sheetInReference(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && parseCell(name) === undefined && !/^(?:[Rr][0-9]*)?(?:[Cc][0-9]*)?$/.test(name);
  return plain ? name : quoteSheet(name);
}

/** `Sheet!B13` for display and formulas, quoting the sheet name where Excel would. */
export function cellReference(ref: SheetCell): string {
  return `${sheetInReference(ref.sheet)}!${ref.address}`;
}

/** `'Sheet'!$B$13` as a defined name's formula, from a sheet and an address: `='Force (2)'!$B$13`. */
export function nameFormula(sheet: string, absoluteAddress: string): string {
  return `=${quoteSheet(sheet)}!${absoluteAddress}`;
}

const REFERENCE = /^=?\s*(?:'((?:[^']|'')+)'|([^'!=:]+))!(.+)$/;

/**
 * A sheet-qualified reference as Excel or a formula gives it (`Assumptions!$G$6`, `'Force (2)'!B13`,
 * `='Fund'!$E$10:$E$36`, with or without the leading `=`): the sheet (unquoted) and the block on it;
 * `undefined` for anything else (no sheet, several areas, a function).
 */
export function parseReference(text: string): { readonly sheet: string; readonly block: Block } | undefined {
  const m = REFERENCE.exec(text.trim());
  if (m === null) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '').trim();
  const block = parseBlock(m[3] ?? '');
  if (sheet === '' || block === undefined) return undefined;
  return { sheet, block };
}

/** The single cell a sheet-qualified reference names, without `$`; `undefined` for a block of several cells or anything else. */
export function parseCellReference(text: string): SheetCell | undefined {
  const r = parseReference(text);
  if (r === undefined || r.block.row0 !== r.block.row1 || r.block.col0 !== r.block.col1) return undefined;
  return { sheet: r.sheet, address: address(r.block.row0, r.block.col0) };
}

/** True when two cell references name the same cell (sheet names ignore case, `$` ignored). */
export function sameCell(a: SheetCell, b: SheetCell): boolean {
  return a.sheet.toLowerCase() === b.sheet.toLowerCase() && normalCell(a.address) !== undefined && normalCell(a.address) === normalCell(b.address);
}
