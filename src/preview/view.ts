/**
 * The preview's workbook view: sheet tabs, a grid of formatted values, a name box and a formula
 * bar, over a {@link PreviewTarget}. Cells can be edited (type, then Enter) and cells with a list
 * validation get a drop-down when selected, so the scenario selector and Participates work as in
 * Excel; the engine recalculates and the view redraws.
 *
 * Stable hooks for tests: tab buttons `[data-sheet="Force"]`, the grid `table[data-grid-sheet="Force"]`,
 * cells `[data-cell="Force!B13"]` (with `data-value`, a number cell's unformatted value, and
 * `data-error`, an error cell's code; a list cell's drop-down is the `select` inside it), the formula
 * bar `#formula-bar`, the name box `#name-box`, the status bar `#status-bar`. Sensitivity sheets: a
 * colour-scaled cell has `data-scale` (its background colour); a chart is a `.wb-chart` with
 * `data-chart-title`, an inline SVG over the grid at the plan's anchor.
 */
import { address, type ChartPlan, columnName, type ColorScalePlan } from '../workbook/plan';
import { displayValue, formatGeneral } from './format';
import { isPreviewError, type PreviewCell, type PreviewChange, type PreviewSheet, type PreviewTarget } from './target';

/** Pixels per character of column width (Excel's default font), plus padding. */
const PX_PER_CHAR = 7;
const PX_PADDING = 5;
const DEFAULT_WIDTH_CHARS = 8.43;
const ROW_HEIGHT = 20;
const HEADER_HEIGHT = 20;
const ROW_HEADER_WIDTH = 40;
/** Horizontal padding inside a cell (preview.html's CSS), in pixels. */
const CELL_PADDING = 3;
/** Empty rows and columns drawn past the used range, as Excel's grid goes on. */
const EXTRA_ROWS = 12;
const EXTRA_COLUMNS = 4;
const MIN_ROWS = 40;
const MIN_COLUMNS = 10;

/** Excel's default three-colour scale: red (low), yellow (middle), green (high). */
const SCALE_COLOURS: readonly (readonly [number, number, number])[] = [
  [0xf8, 0x69, 0x6b],
  [0xff, 0xeb, 0x84],
  [0x63, 0xbe, 0x7b],
];
const SVG_NS = 'http://www.w3.org/2000/svg';
const CHART_WIDTH = 440;
const CHART_HEIGHT = 260;
const SERIES_COLOURS = ['#4472c4', '#ed7d31', '#a5a5a5', '#ffc000', '#5b9bd5', '#70ad47'];

/** A block address (`B6:L16`, or one cell) as 0-based corners. */
export function parseBlock(block: string): { row0: number; col0: number; row1: number; col1: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(block);
  if (m === null) return undefined;
  const col = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [, c0 = 'A', r0 = '1', c1 = c0, r1 = r0] = m;
  return { row0: Number(r0) - 1, col0: col(c0), row1: Number(r1) - 1, col1: col(c1) };
}

/**
 * Background colours of a three-colour scale, as Excel draws its default one: the lowest value red,
 * the 50th percentile yellow, the highest green (the other way round when `reverse`), linear between.
 * Non-numbers get `undefined`.
 */
export function scaleColours(values: readonly unknown[], reverse = false): (string | undefined)[] {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const lo = nums[0];
  const hi = nums[nums.length - 1];
  if (lo === undefined || hi === undefined) return values.map(() => undefined);
  const k = (nums.length - 1) / 2;
  const mid = ((nums[Math.floor(k)] ?? lo) + (nums[Math.ceil(k)] ?? hi)) / 2;
  const [red, yellow, green] = SCALE_COLOURS;
  const [low = red, high = green] = reverse ? [green, red] : [red, green];
  const mix = (a: readonly number[], b: readonly number[], t: number): string =>
    `rgb(${a.map((x, i) => Math.round(x + ((b[i] ?? x) - x) * t)).join(', ')})`;
  return values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || low === undefined || high === undefined || yellow === undefined) return undefined;
    if (hi === lo) return mix(yellow, yellow, 0);
    if (v <= mid) return mix(low, yellow, mid === lo ? 1 : (v - lo) / (mid - lo));
    return mix(yellow, high, hi === mid ? 1 : (v - mid) / (hi - mid));
  });
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A modest inline chart of a block (header row, category column, one series per further column):
 * lines over the categories, or horizontal bars from zero (a tornado).
 */
/** A cell's value as a chart reads it: errors and cells outside the sheet are `undefined`. */
type ChartValue = number | string | boolean | null | undefined;

function chartElement(chart: ChartPlan, value: (row: number, col: number) => ChartValue): SVGSVGElement | undefined {
  const block = parseBlock(chart.dataAddress);
  if (block === undefined) return undefined;
  const { row0, col0, row1, col1 } = block;
  const categories: string[] = [];
  for (let r = row0 + 1; r <= row1; r++) {
    const v = value(r, col0);
    categories.push(typeof v === 'number' ? formatGeneral(v) : String(v ?? ''));
  }
  const series: { name: string; values: (number | undefined)[] }[] = [];
  for (let c = col0 + 1; c <= col1; c++) {
    const vals: (number | undefined)[] = [];
    for (let r = row0 + 1; r <= row1; r++) {
      const v = value(r, c);
      vals.push(typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    }
    series.push({ name: String(value(row0, c) ?? ''), values: vals });
  }
  const all = series.flatMap((x) => x.values).filter((v): v is number => v !== undefined);
  if (all.length === 0 || categories.length === 0) return undefined;
  let lo = Math.min(...all, ...(chart.kind === 'bar' ? [0] : []));
  let hi = Math.max(...all, ...(chart.kind === 'bar' ? [0] : []));
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const root = svg('svg', { width: CHART_WIDTH, height: CHART_HEIGHT, viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`, role: 'img', 'aria-label': chart.title });
  root.dataset.chart = chart.kind;
  root.append(svg('rect', { x: 0, y: 0, width: CHART_WIDTH, height: CHART_HEIGHT, fill: '#ffffff', stroke: '#bfbfbf' }));
  const title = chart.title.length > 60 ? `${chart.title.slice(0, 59)}…` : chart.title;
  root.append(svg('text', { x: CHART_WIDTH / 2, y: 18, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 600 }, title));
  const plot = { x: chart.kind === 'bar' ? 150 : 60, y: 30, w: 0, h: 0 };
  plot.w = CHART_WIDTH - plot.x - 15;
  plot.h = CHART_HEIGHT - plot.y - 45;
  const legend = svg('g', {});
  series.forEach((x, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#4472c4';
    legend.append(svg('rect', { x: plot.x + i * 130, y: CHART_HEIGHT - 16, width: 10, height: 10, fill: colour }));
    legend.append(svg('text', { x: plot.x + i * 130 + 14, y: CHART_HEIGHT - 7, 'font-size': 11 }, x.name.slice(0, 18)));
  });
  root.append(legend);
  const fmt = (v: number): string => formatGeneral(Number(v.toPrecision(3)));
  if (chart.kind === 'line') {
    const x = (i: number): number => plot.x + (categories.length === 1 ? plot.w / 2 : (plot.w * i) / (categories.length - 1));
    const y = (v: number): number => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;
    root.append(svg('line', { x1: plot.x, y1: plot.y + plot.h, x2: plot.x + plot.w, y2: plot.y + plot.h, stroke: '#808080' }));
    root.append(svg('text', { x: plot.x - 4, y: y(hi) + 4, 'text-anchor': 'end', 'font-size': 10 }, fmt(hi)));
    root.append(svg('text', { x: plot.x - 4, y: y(lo) + 4, 'text-anchor': 'end', 'font-size': 10 }, fmt(lo)));
    root.append(svg('text', { x: plot.x, y: plot.y + plot.h + 14, 'font-size': 10 }, categories[0] ?? ''));
    root.append(svg('text', { x: plot.x + plot.w, y: plot.y + plot.h + 14, 'text-anchor': 'end', 'font-size': 10 }, categories[categories.length - 1] ?? ''));
    if (chart.xTitle !== undefined) root.append(svg('text', { x: plot.x + plot.w / 2, y: plot.y + plot.h + 14, 'text-anchor': 'middle', 'font-size': 10 }, chart.xTitle.slice(0, 40)));
    series.forEach((s, i) => {
      const points = s.values.flatMap((v, k) => (v === undefined ? [] : [`${x(k).toFixed(1)},${y(v).toFixed(1)}`]));
      root.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#4472c4', 'stroke-width': 2 }));
    });
  } else {
    const x = (v: number): number => plot.x + ((v - lo) / (hi - lo)) * plot.w;
    const band = plot.h / categories.length;
    const barH = Math.max(2, (band * 0.8) / series.length);
    root.append(svg('line', { x1: x(0), y1: plot.y, x2: x(0), y2: plot.y + plot.h, stroke: '#808080' }));
    root.append(svg('text', { x: plot.x, y: plot.y + plot.h + 14, 'font-size': 10 }, fmt(lo)));
    root.append(svg('text', { x: plot.x + plot.w, y: plot.y + plot.h + 14, 'text-anchor': 'end', 'font-size': 10 }, fmt(hi)));
    categories.forEach((cat, k) => {
      root.append(svg('text', { x: plot.x - 4, y: plot.y + band * k + band / 2 + 4, 'text-anchor': 'end', 'font-size': 10 }, cat.slice(0, 24)));
      series.forEach((s, i) => {
        const v = s.values[k];
        if (v === undefined) return;
        const y = plot.y + band * k + band * 0.1 + i * barH;
        root.append(svg('rect', { x: Math.min(x(0), x(v)), y, width: Math.max(1, Math.abs(x(v) - x(0))), height: barH, fill: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#4472c4' }));
      });
    });
  }
  return root;
}

/** What the grid shows before anything is loaded: empty cells, as a new workbook. */
const NO_SHEET: PreviewSheet = { name: '', rows: 0, columns: 0, columnWidths: [] };

interface Position {
  readonly row: number;
  readonly col: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className !== undefined) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function columnPixels(chars: number | undefined): number {
  return Math.round((chars ?? DEFAULT_WIDTH_CHARS) * PX_PER_CHAR + PX_PADDING);
}

/** What the formula bar shows: the formula, else the value unformatted (as Excel does). */
function formulaText(cell: PreviewCell): string {
  if (cell.formula !== undefined) return cell.formula;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'number') return formatGeneral(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isPreviewError(v)) return v.code;
  return v;
}

export class WorkbookView {
  private active: string | null = null;
  private selected: Position = { row: 0, col: 0 };
  /** The cell being edited, and its editor, when editing in the cell. */
  private editor: { at: Position; input: HTMLInputElement; done: boolean } | null = null;
  private readonly unsubscribe: () => void;

  private readonly nameBox: HTMLElement;
  private readonly formulaBar: HTMLInputElement;
  private readonly gridArea: HTMLElement;
  private readonly tabs: HTMLElement;
  private readonly status: HTMLElement;
  private readonly empty: HTMLElement;
  private table: HTMLTableElement | null = null;
  /** The charts drawn over the grid, removed at each redraw. */
  private charts: Element[] = [];

  constructor(
    root: HTMLElement,
    private readonly target: PreviewTarget,
  ) {
    root.classList.add('wb');
    const bar = el('div', 'wb-formula');
    this.nameBox = el('div', 'wb-name-box');
    this.nameBox.id = 'name-box';
    this.nameBox.setAttribute('aria-label', 'Name box');
    const fx = el('span', 'wb-fx', 'fx');
    this.formulaBar = el('input', 'wb-formula-bar');
    this.formulaBar.id = 'formula-bar';
    this.formulaBar.spellcheck = false;
    this.formulaBar.setAttribute('aria-label', 'Formula bar');
    bar.append(this.nameBox, fx, this.formulaBar);

    this.gridArea = el('div', 'wb-grid');
    this.gridArea.tabIndex = 0;
    this.gridArea.setAttribute('role', 'grid');
    this.empty = el('div', 'wb-empty', 'The workbook is empty. Load the baseline from the DefEcon pane.');
    this.gridArea.append(this.empty);

    this.tabs = el('div', 'wb-tabs');
    this.tabs.setAttribute('role', 'tablist');
    this.status = el('div', 'wb-status');
    this.status.id = 'status-bar';
    this.status.setAttribute('role', 'status');

    root.append(bar, this.gridArea, this.tabs, this.status);

    this.gridArea.addEventListener('mousedown', (e) => this.onMouseDown(e));
    this.gridArea.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    this.gridArea.addEventListener('keydown', (e) => this.onKeyDown(e));
    this.formulaBar.addEventListener('keydown', (e) => this.onFormulaBarKey(e));
    const unsubscribe = target.subscribe((change) => this.onChange(change));
    // Redraw when the window grows, so the grid still fills it.
    let pending = 0;
    const onResize = (): void => {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => this.render(), 150);
    };
    window.addEventListener('resize', onResize);
    this.unsubscribe = () => {
      unsubscribe();
      window.removeEventListener('resize', onResize);
      window.clearTimeout(pending);
    };
    this.render();
  }

  /** Stops listening to the target and the window. */
  dispose(): void {
    this.unsubscribe();
  }

  /** Shows a sheet (by name). */
  activate(sheet: string): void {
    if (this.target.writing || this.target.sheet(sheet) === undefined) return;
    if (this.active !== sheet) this.selected = { row: 0, col: 0 };
    this.active = sheet;
    this.render();
  }

  /** Selects a cell of the active sheet by 0-based row and column. */
  select(at: Position): void {
    const sheet = this.activeSheet();
    if (sheet === undefined) return;
    this.cancelEdit();
    const row = Math.max(0, at.row);
    const col = Math.max(0, at.col);
    this.selected = { row, col };
    this.renderGrid(sheet);
    this.cellElement(this.selected)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  private activeSheet(): PreviewSheet | undefined {
    if (this.target.writing) return undefined;
    const sheets = this.target.sheets();
    const found = this.active === null ? undefined : sheets.find((s) => s.name === this.active);
    const sheet = found ?? sheets[0];
    this.active = sheet?.name ?? null;
    return sheet;
  }

  private onChange(change: PreviewChange): void {
    if (change.type === 'sheets' && change.activate !== undefined) {
      this.active = change.activate;
      this.selected = { row: 0, col: 0 };
    }
    this.render();
  }

  private render(): void {
    // While a plan is written the engine cannot be read; the target says when it is done.
    if (this.target.writing) return;
    const sheet = this.activeSheet();
    this.renderTabs();
    this.empty.hidden = sheet !== undefined;
    this.formulaBar.disabled = sheet === undefined;
    this.renderGrid(sheet ?? NO_SHEET);
  }

  private renderTabs(): void {
    const buttons = this.target.sheets().map((s) => {
      const b = el('button', 'wb-tab', s.name);
      b.type = 'button';
      b.dataset.sheet = s.name;
      b.setAttribute('role', 'tab');
      const on = s.name === this.active;
      b.setAttribute('aria-selected', String(on));
      if (on) b.classList.add('active');
      b.addEventListener('click', () => this.activate(s.name));
      return b;
    });
    this.tabs.replaceChildren(...buttons);
  }

  private renderGrid(sheet: PreviewSheet): void {
    // Redrawing removes the cell editor, if any, without writing it.
    if (this.editor !== null) {
      this.editor.done = true;
      this.editor = null;
    }
    // Enough empty rows and columns past the used range to fill the window, as Excel's grid goes on.
    const usedWidth = ROW_HEADER_WIDTH + sheet.columnWidths.reduce((a, w) => a + columnPixels(w), 0);
    const fillColumns = Math.ceil(Math.max(0, this.gridArea.clientWidth - usedWidth) / columnPixels(undefined));
    const fillRows = Math.ceil(this.gridArea.clientHeight / ROW_HEIGHT);
    const rows = Math.max(MIN_ROWS, fillRows, sheet.rows + EXTRA_ROWS);
    const cols = Math.max(MIN_COLUMNS, sheet.columns + Math.max(EXTRA_COLUMNS, fillColumns));
    const frozenRows = sheet.freeze?.rows ?? 0;
    const frozenCols = sheet.freeze?.columns ?? 0;
    const widths = Array.from({ length: cols }, (_, c) => columnPixels(sheet.columnWidths[c]));
    const left = (c: number): number => ROW_HEADER_WIDTH + widths.slice(0, c).reduce((a, b) => a + b, 0);

    const table = el('table', 'grid');
    if (sheet !== NO_SHEET) table.dataset.gridSheet = sheet.name;
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
      if (c === this.selected.col) th.classList.add('sel');
      if (c < frozenCols) {
        th.classList.add('frozen-col');
        th.style.left = `${left(c)}px`;
      }
      if (c === frozenCols - 1) th.classList.add('freeze-right');
      headRow.append(th);
    }
    head.append(headRow);

    // Cells beyond the used range are empty: read the engine only inside it.
    const cells: PreviewCell[][] = [];
    for (let r = 0; r < sheet.rows; r++) {
      const row: PreviewCell[] = [];
      for (let c = 0; c < sheet.columns; c++) row.push(this.target.cell(sheet.name, r, c));
      cells.push(row);
    }
    // Colour scales: each block's numbers coloured as Excel's default three-colour scale.
    const backgrounds = new Map<string, string>();
    for (const scale of sheet.colorScales ?? []) this.scaleBackgrounds(scale, cells, backgrounds);
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
      if (r === this.selected.row) rh.classList.add('sel');
      tr.append(rh);
      const frozenRow = r < frozenRows;
      if (frozenRow) tr.classList.add('frozen-row');
      if (r === frozenRows - 1) rh.classList.add('freeze-bottom');
      for (let c = 0; c < cols; c++) {
        const td = el('td');
        const at = address(r, c);
        if (sheet !== NO_SHEET) td.dataset.cell = `${sheet.name}!${at}`;
        const cell = cells[r]?.[c];
        if (cell !== undefined) this.fillCell(td, cell, () => room(r, c));
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

    const scroll = { top: this.gridArea.scrollTop, left: this.gridArea.scrollLeft };
    const hadFocus = this.gridArea.contains(document.activeElement);
    if (this.table === null) this.gridArea.append(table);
    else this.table.replaceWith(table);
    this.table = table;
    for (const old of this.charts) old.remove();
    this.charts = [];
    for (const chart of sheet.charts ?? []) {
      const at = parseBlock(chart.anchor);
      const drawn = chartElement(chart, (r, c) => {
        const v = cells[r]?.[c]?.value;
        return v === undefined || isPreviewError(v) ? undefined : v;
      });
      if (at === undefined || drawn === undefined) continue;
      const box = el('div', 'wb-chart');
      box.dataset.chartTitle = chart.title;
      Object.assign(box.style, { position: 'absolute', left: `${left(at.col0)}px`, top: `${HEADER_HEIGHT + at.row0 * ROW_HEIGHT}px`, zIndex: '2', boxShadow: '0 1px 4px rgba(0,0,0,0.2)' });
      box.append(drawn);
      this.gridArea.append(box);
      this.charts.push(box);
    }
    this.gridArea.scrollTop = scroll.top;
    this.gridArea.scrollLeft = scroll.left;
    this.showSelection(sheet);
    if (hadFocus && !this.gridArea.contains(document.activeElement)) this.gridArea.focus({ preventScroll: true });
  }

  /** Adds the background of each number of `scale`'s block to `out`, keyed `row,col`. */
  private scaleBackgrounds(scale: ColorScalePlan, cells: readonly (readonly PreviewCell[])[], out: Map<string, string>): void {
    const block = parseBlock(scale.address);
    if (block === undefined) return;
    const keys: string[] = [];
    const values: unknown[] = [];
    for (let r = block.row0; r <= block.row1; r++) {
      for (let c = block.col0; c <= block.col1; c++) {
        keys.push(`${r},${c}`);
        values.push(cells[r]?.[c]?.value);
      }
    }
    scaleColours(values, scale.reverse === true).forEach((colour, i) => {
      const k = keys[i];
      if (colour !== undefined && k !== undefined) out.set(k, colour);
    });
  }

  /** Writes a cell's shown value and looks into its element; `room` is the width its text may run over. */
  private fillCell(td: HTMLTableCellElement, cell: PreviewCell, room: () => number): void {
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

  private cellElement(at: Position): HTMLTableCellElement | null {
    const row = this.table?.tBodies[0]?.rows[at.row];
    const cell = row?.cells[at.col + 1];
    return cell instanceof HTMLTableCellElement ? cell : null;
  }

  /** Marks the selected cell, fills the name box and formula bar, and adds the drop-down of a list cell. */
  private showSelection(sheet: PreviewSheet): void {
    const td = this.cellElement(this.selected);
    if (td === null) return;
    td.classList.add('selected');
    const a1 = address(this.selected.row, this.selected.col);
    this.target.setSelection(sheet === NO_SHEET ? null : { sheet: sheet.name, address: a1 });
    this.nameBox.textContent = a1;
    const inUse = this.selected.row < sheet.rows && this.selected.col < sheet.columns;
    const cell = inUse ? this.target.cell(sheet.name, this.selected.row, this.selected.col) : undefined;
    this.formulaBar.value = cell === undefined ? '' : formulaText(cell);

    const notes: string[] = [];
    if (cell !== undefined && isPreviewError(cell.value)) notes.push(`${cell.value.code} ${cell.value.message}`.trim());
    if (cell?.validation !== undefined) notes.push(cell.validation.prompt);
    if (cell?.note !== undefined) notes.push(cell.note);
    this.setStatus(notes.length > 0 ? `${a1}: ${notes.join(' · ')}` : 'Ready');

    if (cell?.validation !== undefined) {
      const select = el('select', 'wb-list');
      select.setAttribute('aria-label', `${a1}: ${cell.validation.prompt}`);
      const current = typeof cell.value === 'string' ? cell.value : '';
      const options = cell.validation.list.includes(current) ? cell.validation.list : [current, ...cell.validation.list];
      for (const item of options) {
        const o = el('option', undefined, item);
        o.value = item;
        o.selected = item === current;
        select.append(o);
      }
      select.addEventListener('mousedown', (e) => e.stopPropagation());
      select.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if (e.key === 'Escape') this.gridArea.focus();
      });
      select.addEventListener('change', () => this.commit(this.selected, select.value, { row: 0, col: 0 }));
      td.replaceChildren(select);
      td.classList.add('with-list');
    }
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  // ------------------------------------------------------------------------------------------
  // Selecting and editing

  private positionOf(target: EventTarget | null): Position | undefined {
    if (!(target instanceof Element)) return undefined;
    const td = target.closest('td');
    const tr = td?.parentElement;
    if (td === null || td === undefined || !(tr instanceof HTMLTableRowElement)) return undefined;
    return { row: tr.sectionRowIndex, col: td.cellIndex - 1 };
  }

  private onMouseDown(e: MouseEvent): void {
    if (this.editor !== null && this.editor.input === e.target) return;
    const at = this.positionOf(e.target);
    if (at === undefined) return;
    e.preventDefault();
    this.finishEdit();
    this.gridArea.focus({ preventScroll: true });
    if (at.row !== this.selected.row || at.col !== this.selected.col) this.select(at);
  }

  private onDoubleClick(e: MouseEvent): void {
    const at = this.positionOf(e.target);
    if (at === undefined || this.editor !== null) return;
    this.startEdit(at, this.formulaBar.value);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.editor !== null) return; // the editor handles its own keys
    const { row, col } = this.selected;
    const moves: Readonly<Record<string, Position>> = {
      ArrowUp: { row: row - 1, col },
      ArrowDown: { row: row + 1, col },
      ArrowLeft: { row, col: col - 1 },
      ArrowRight: { row, col: col + 1 },
      Enter: { row: row + 1, col },
      Tab: { row, col: e.shiftKey ? col - 1 : col + 1 },
    };
    const move = moves[e.key];
    if (e.key === 'ArrowDown' && e.altKey) {
      e.preventDefault();
      this.cellElement(this.selected)?.querySelector('select')?.focus();
      return;
    }
    if (move !== undefined) {
      e.preventDefault();
      this.select(move);
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      this.startEdit(this.selected, this.formulaBar.value);
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.commit(this.selected, '', { row: 0, col: 0 });
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(this.selected, e.key);
    }
  }

  private startEdit(at: Position, text: string): void {
    if (this.activeSheet() === undefined) return;
    const td = this.cellElement(at);
    if (td === null) return;
    const input = el('input', 'wb-editor');
    input.value = text;
    input.spellcheck = false;
    const editor = { at, input, done: false };
    this.editor = editor;
    input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        this.finishEdit(e.key === 'Enter' ? { row: 1, col: 0 } : { row: 0, col: e.shiftKey ? -1 : 1 });
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.cancelEdit();
        this.gridArea.focus({ preventScroll: true });
      }
    });
    input.addEventListener('input', () => {
      this.formulaBar.value = input.value;
    });
    input.addEventListener('blur', () => {
      if (this.editor === editor) this.finishEdit();
    });
    td.replaceChildren(input);
    td.classList.add('editing');
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  /** Ends the edit in progress (if any) by writing it, then moves the selection by `then`. */
  private finishEdit(then: Position = { row: 0, col: 0 }): void {
    const editor = this.editor;
    if (editor === null || editor.done) return;
    editor.done = true;
    this.editor = null;
    this.commit(editor.at, editor.input.value, then);
  }

  private cancelEdit(): void {
    const editor = this.editor;
    if (editor === null) return;
    editor.done = true;
    this.editor = null;
    const sheet = this.activeSheet();
    if (sheet !== undefined) this.renderGrid(sheet);
  }

  private onFormulaBarKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.commit(this.selected, this.formulaBar.value, { row: 0, col: 0 });
      this.gridArea.focus({ preventScroll: true });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      const sheet = this.activeSheet();
      if (sheet !== undefined) this.renderGrid(sheet);
      this.gridArea.focus({ preventScroll: true });
    }
  }

  /** Writes what the user typed or chose into a cell, as Excel would take it, then moves the selection. */
  private commit(at: Position, text: string, then: Position): void {
    const sheet = this.activeSheet();
    if (sheet === undefined) return;
    const inUse = at.row < sheet.rows && at.col < sheet.columns;
    const cell = inUse ? this.target.cell(sheet.name, at.row, at.col) : undefined;
    const list = cell?.validation?.list;
    const a1 = address(at.row, at.col);
    if (list !== undefined && text !== '' && !list.some((x) => x.toLowerCase() === text.trim().toLowerCase())) {
      this.renderGrid(sheet);
      this.setStatus(`${a1}: "${text}" is not in this cell's list (${list.join(', ')}); nothing was changed.`);
      return;
    }
    const value = list?.find((x) => x.toLowerCase() === text.trim().toLowerCase()) ?? text;
    this.selected = { row: Math.max(0, at.row + then.row), col: Math.max(0, at.col + then.col) };
    this.target.setValue(sheet.name, a1, value).catch((error: unknown) => {
      this.setStatus(`${a1}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
