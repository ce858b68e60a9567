/**
 * Drawing one sheet of the preview as a table: column and row headers, frozen panes, cells shown as
 * Excel formats them (text running on over empty neighbours), colour-scaled backgrounds and the
 * charts placed over the grid at their anchors. The view ({@link WorkbookView} in `./view.ts`)
 * swaps the drawing in and handles selection and editing.
 */
import { address, type CellPosition, columnName, parseBlock } from '../workbook/a1';
import { columnPixels, DEFAULT_WIDTH_CHARS } from '../workbook/look';
import type { ValidationPlan } from '../workbook/plan';
import { chartElement } from './chart';
import { displayValue } from './format';
import { scaleBackgrounds } from './scale';
import { isPreviewError, type PreviewCell, type PreviewSheet } from './target';

/** Row height and the column-header row's height, in pixels. */
export const ROW_HEIGHT = 20;
export const HEADER_HEIGHT = 20;
/** The row-number column's width, in pixels. */
const ROW_HEADER_WIDTH = 40;
/** Horizontal padding inside a cell (preview.html's CSS), in pixels. */
const CELL_PADDING = 3;
/** Empty rows and columns drawn past the used range, as Excel's grid goes on. */
const EXTRA_ROWS = 12;
const EXTRA_COLUMNS = 4;
const MIN_ROWS = 40;
const MIN_COLUMNS = 10;

/** What the grid shows before anything is loaded: empty cells, as a new workbook. */
export const NO_SHEET: PreviewSheet = { name: '', rows: 0, columns: 0, columnWidths: [] };

/** A new element with an optional class and text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className !== undefined) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A drawn sheet: the table and the chart boxes to lay over it. */
export interface GridDrawing {
  readonly table: HTMLTableElement;
  readonly charts: readonly HTMLElement[];
}

export interface GridOptions {
  /** The cells of the used range, row by row. */
  readonly cells: readonly (readonly PreviewCell[])[];
  /** The selected cell, whose row and column headers are highlighted. */
  readonly selected: CellPosition;
  /** The grid area's size in pixels, filled with empty rows and columns. */
  readonly width: number;
  readonly height: number;
}

/** Writes a cell's shown value and looks into its element; `room` is the width its text may run over. */
function fillCell(td: HTMLTableCellElement, cell: PreviewCell, room: () => number): void {
  const shown = displayValue(cell.value, cell.format);
  td.classList.add(`align-${shown.align}`);
  if (cell.role !== undefined) td.classList.add(`role-${cell.role}`);
  if (typeof cell.value === 'number') td.dataset.value = String(cell.value);
  if (shown.align === 'left' && shown.text !== '') {
    // Text runs on over empty neighbours, as in Excel, and is cut at the first full one.
    const text = el('span', 'spill', shown.text);
    text.style.width = `${Math.max(0, room() - 2 * CELL_PADDING)}px`;
    td.append(text);
    td.classList.add('overflow');
  } else {
    td.textContent = shown.text;
  }
  const tips: string[] = [];
  if (isPreviewError(cell.value)) {
    td.classList.add('is-error');
    td.dataset.error = cell.value.code;
    if (cell.value.message !== '') tips.push(cell.value.message);
  }
  if (cell.note !== undefined) {
    td.classList.add('has-note');
    tips.push(cell.note);
  }
  if (cell.validation !== undefined) td.classList.add('has-list');
  if (tips.length > 0) td.title = tips.join('\n');
}

/** Draws `sheet` (or {@link NO_SHEET}) as a table with enough empty rows and columns to fill the area, and its charts. */
export function drawGrid(sheet: PreviewSheet, options: GridOptions): GridDrawing {
  const { cells, selected } = options;
  const named = sheet !== NO_SHEET;
  // Enough empty rows and columns past the used range to fill the window, as Excel's grid goes on.
  const usedWidth = ROW_HEADER_WIDTH + sheet.columnWidths.reduce((a, w) => a + columnPixels(w), 0);
  const fillColumns = Math.ceil(Math.max(0, options.width - usedWidth) / columnPixels(DEFAULT_WIDTH_CHARS));
  const fillRows = Math.ceil(options.height / ROW_HEIGHT);
  const rows = Math.max(MIN_ROWS, fillRows, sheet.rows + EXTRA_ROWS);
  const cols = Math.max(MIN_COLUMNS, sheet.columns + Math.max(EXTRA_COLUMNS, fillColumns));
  const frozenRows = sheet.freeze?.rows ?? 0;
  const frozenCols = sheet.freeze?.columns ?? 0;
  const widths = Array.from({ length: cols }, (_, c) => columnPixels(sheet.columnWidths[c] ?? DEFAULT_WIDTH_CHARS));
  const left = (c: number): number => ROW_HEADER_WIDTH + widths.slice(0, c).reduce((a, b) => a + b, 0);

  const table = el('table', 'grid');
  if (named) table.dataset.gridSheet = sheet.name;
  const colgroup = el('colgroup');
  const corner = el('col');
  corner.style.width = `${ROW_HEADER_WIDTH}px`;
  colgroup.append(corner);
  for (const w of widths) {
    const col = el('col');
    col.style.width = `${w}px`;
    colgroup.append(col);
  }
  table.style.width = `${left(cols)}px`;

  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', 'corner'));
  for (let c = 0; c < cols; c++) {
    const th = el('th', 'col-head', columnName(c));
    if (c === selected.col) th.classList.add('sel');
    if (c < frozenCols) {
      th.classList.add('frozen-col');
      th.style.left = `${left(c)}px`;
    }
    if (c === frozenCols - 1) th.classList.add('freeze-right');
    headRow.append(th);
  }
  head.append(headRow);

  // Colour scales: each block's numbers coloured as Excel's default three-colour scale.
  const backgrounds = new Map<string, string>();
  for (const scale of sheet.colorScales ?? []) {
    for (const [key, colour] of scaleBackgrounds(scale, (r, c) => cells[r]?.[c]?.value)) backgrounds.set(key, colour);
  }
  const isEmpty = (r: number, c: number): boolean => {
    const v = cells[r]?.[c]?.value;
    return v === undefined || v === null || v === '';
  };
  /** Text runs on over the empty cells to its right, as in Excel: the width it may take, in pixels. */
  const room = (r: number, c: number): number => {
    let px = widths[c] ?? 0;
    for (let k = c + 1; k < cols && isEmpty(r, k); k++) px += widths[k] ?? 0;
    return px;
  };

  const body = el('tbody');
  for (let r = 0; r < rows; r++) {
    const tr = el('tr');
    const rh = el('th', 'row-head', String(r + 1));
    if (r === selected.row) rh.classList.add('sel');
    tr.append(rh);
    const frozenRow = r < frozenRows;
    if (frozenRow) tr.classList.add('frozen-row');
    if (r === frozenRows - 1) rh.classList.add('freeze-bottom');
    for (let c = 0; c < cols; c++) {
      const td = el('td');
      if (named) td.dataset.cell = `${sheet.name}!${address(r, c)}`;
      const cell = cells[r]?.[c];
      if (cell !== undefined) fillCell(td, cell, () => room(r, c));
      const background = backgrounds.get(`${r},${c}`);
      if (background !== undefined) {
        td.style.backgroundColor = background;
        td.dataset.scale = background;
      }
      if (frozenRow) {
        td.classList.add('frozen-row');
        td.style.top = `${HEADER_HEIGHT + r * ROW_HEIGHT}px`;
        if (r === frozenRows - 1) td.classList.add('freeze-bottom');
      }
      if (c < frozenCols) {
        td.classList.add('frozen-col');
        td.style.left = `${left(c)}px`;
        if (c === frozenCols - 1) td.classList.add('freeze-right');
      }
      tr.append(td);
    }
    if (frozenRow) rh.style.top = `${HEADER_HEIGHT + r * ROW_HEIGHT}px`;
    body.append(tr);
  }
  table.append(colgroup, head, body);

  const charts: HTMLElement[] = [];
  for (const chart of sheet.charts ?? []) {
    const at = parseBlock(chart.anchor);
    const drawn = chartElement(chart, (r, c) => {
      const v = cells[r]?.[c]?.value;
      return v === undefined || isPreviewError(v) ? undefined : v;
    });
    if (at === undefined || drawn === undefined) continue;
    const box = el('div', 'wb-chart');
    box.dataset.chartTitle = chart.title;
    Object.assign(box.style, {
      position: 'absolute',
      left: `${left(at.col0)}px`,
      top: `${HEADER_HEIGHT + at.row0 * ROW_HEIGHT}px`,
      zIndex: '2',
      boxShadow: '0 1px 4px rgba(0,0,0,0.2)',
    });
    box.append(drawn);
    charts.push(box);
  }
  return { table, charts };
}

/**
 * The drop-down of a list cell (`a1`, holding `current`): its items, with a current value that is
 * not in the list shown first; `on.change` gets the item chosen, `on.escape` is called on Escape.
 */
export function listDropDown(
  a1: string,
  validation: ValidationPlan,
  current: string,
  on: { change: (value: string) => void; escape: () => void },
): HTMLSelectElement {
  const select = el('select', 'wb-list');
  select.setAttribute('aria-label', `${a1}: ${validation.prompt}`);
  const options = validation.list.includes(current) ? validation.list : [current, ...validation.list];
  for (const item of options) {
    const o = el('option', undefined, item);
    o.value = item;
    o.selected = item === current;
    select.append(o);
  }
  select.addEventListener('mousedown', (e) => e.stopPropagation());
  select.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') on.escape();
  });
  select.addEventListener('change', () => on.change(select.value));
  return select;
}

/** True for elements that keep their own undo (text boxes, lists, editable text). */
export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Ctrl+Z (Cmd+Z) is `undo`; Ctrl+Y and Ctrl+Shift+Z are `redo`, as in Excel; any other key `null`. */
export function historyKey(e: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y' && !e.shiftKey) return 'redo';
  return null;
}

/** Where a key moves the selection from `at` (arrows, Enter down, Tab right, Shift+Tab left); `undefined` for other keys. */
export function keyMove(e: KeyboardEvent, at: CellPosition): CellPosition | undefined {
  const { row, col } = at;
  switch (e.key) {
    case 'ArrowUp':
      return { row: row - 1, col };
    case 'ArrowDown':
    case 'Enter':
      return { row: row + 1, col };
    case 'ArrowLeft':
      return { row, col: col - 1 };
    case 'ArrowRight':
      return { row, col: col + 1 };
    case 'Tab':
      return { row, col: e.shiftKey ? col - 1 : col + 1 };
    default:
      return undefined;
  }
}

/** The 0-based row and column of the grid cell an event happened in (`undefined` outside the cells). */
export function positionOf(target: EventTarget | null): CellPosition | undefined {
  if (!(target instanceof Element)) return undefined;
  const td = target.closest('td');
  const tr = td?.parentElement;
  if (td === null || td === undefined || !(tr instanceof HTMLTableRowElement)) return undefined;
  return { row: tr.sectionRowIndex, col: td.cellIndex - 1 };
}
