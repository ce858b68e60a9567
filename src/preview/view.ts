/**
 * The preview's workbook view: sheet tabs, a grid of formatted values (drawn by `./grid.ts`), a
 * name box and a formula bar, over a {@link PreviewTarget}. Cells can be edited (type, then Enter)
 * and cells with a list validation get a drop-down when selected, so the scenario selector and
 * Participates work as in Excel; the engine recalculates and the view redraws.
 *
 * Stable hooks for tests: tab buttons `[data-sheet="Force"]`, the grid `table[data-grid-sheet="Force"]`,
 * cells `[data-cell="Force!B13"]` (with `data-value`, a number cell's unformatted value, and
 * `data-error`, an error cell's code; a list cell's drop-down is the `select` inside it), the formula
 * bar `#formula-bar`, the name box `#name-box`, the status bar `#status-bar`. Sensitivity sheets: a
 * colour-scaled cell has `data-scale` (its background colour); a chart is a `.wb-chart` with
 * `data-chart-title`, an inline SVG over the grid at the plan's anchor.
 */
import { address, type CellPosition, parseCell } from '../workbook/a1';
import { errorMessage } from '../workbook/messages';
import { formulaText } from './format';
import { buildFrame, tabButtons } from './frame';
import { drawGrid, el, historyKey, isTextField, keyMove, listDropDown, NO_SHEET, positionOf } from './grid';
import { isPreviewError, type PreviewCell, type PreviewChange, type PreviewSheet, type PreviewTarget } from './target';

type Position = CellPosition;

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
    ({
      nameBox: this.nameBox,
      formulaBar: this.formulaBar,
      gridArea: this.gridArea,
      empty: this.empty,
      tabs: this.tabs,
      status: this.status,
    } = buildFrame(root));
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
    // Ctrl+Z and Ctrl+Y work wherever the focus is (a sheet tab, the grid), except in a text field.
    const onHistoryKey = (e: KeyboardEvent): void => {
      const which = historyKey(e);
      if (which === null || isTextField(e.composedPath()[0] ?? null)) return;
      e.preventDefault();
      this.replay(which);
    };
    document.addEventListener('keydown', onHistoryKey);
    this.unsubscribe = () => {
      unsubscribe();
      document.removeEventListener('keydown', onHistoryKey);
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
    const names = this.target.sheets().map((s) => s.name);
    this.tabs.replaceChildren(...tabButtons(names, this.active, (name) => this.activate(name)));
  }

  private renderGrid(sheet: PreviewSheet): void {
    // Redrawing removes the cell editor, if any, without writing it.
    if (this.editor !== null) {
      this.editor.done = true;
      this.editor = null;
    }
    // Cells beyond the used range are empty: read the engine only inside it.
    const cells: PreviewCell[][] = [];
    for (let r = 0; r < sheet.rows; r++) {
      const row: PreviewCell[] = [];
      for (let c = 0; c < sheet.columns; c++) row.push(this.target.cell(sheet.name, r, c));
      cells.push(row);
    }
    const { table, charts } = drawGrid(sheet, {
      cells,
      selected: this.selected,
      width: this.gridArea.clientWidth,
      height: this.gridArea.clientHeight,
    });

    const scroll = { top: this.gridArea.scrollTop, left: this.gridArea.scrollLeft };
    const hadFocus = this.gridArea.contains(document.activeElement);
    if (this.table === null) this.gridArea.append(table);
    else this.table.replaceWith(table);
    this.table = table;
    for (const old of this.charts) old.remove();
    this.charts = [...charts];
    this.gridArea.append(...charts);
    this.gridArea.scrollTop = scroll.top;
    this.gridArea.scrollLeft = scroll.left;
    this.showSelection(sheet);
    if (hadFocus && !this.gridArea.contains(document.activeElement)) this.gridArea.focus({ preventScroll: true });
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
      const select = listDropDown(a1, cell.validation, typeof cell.value === 'string' ? cell.value : '', {
        change: (value) => this.commit(this.selected, value, { row: 0, col: 0 }),
        escape: () => this.gridArea.focus(),
      });
      td.replaceChildren(select);
      td.classList.add('with-list');
    }
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  // ------------------------------------------------------------------------------------------
  // Selecting and editing

  private onMouseDown(e: MouseEvent): void {
    if (this.editor !== null && this.editor.input === e.target) return;
    const at = positionOf(e.target);
    if (at === undefined) return;
    e.preventDefault();
    this.finishEdit();
    this.gridArea.focus({ preventScroll: true });
    if (at.row !== this.selected.row || at.col !== this.selected.col) this.select(at);
  }

  private onDoubleClick(e: MouseEvent): void {
    const at = positionOf(e.target);
    if (at === undefined || this.editor !== null) return;
    this.startEdit(at, this.formulaBar.value);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.editor !== null) return; // the editor handles its own keys
    const move = keyMove(e, this.selected);
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

  /** Undoes or redoes the newest edit, showing the cell it changed (on its sheet) and saying what happened. */
  private replay(which: 'undo' | 'redo'): void {
    const done = which === 'undo' ? this.target.undo() : this.target.redo();
    done.then(
      (ref) => {
        if (ref === null) {
          this.setStatus(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
          return;
        }
        const at = parseCell(ref.address);
        if (this.active !== ref.sheet) this.activate(ref.sheet);
        if (at !== undefined) this.select(at);
        this.setStatus(`${which === 'undo' ? 'Undone' : 'Redone'}: the edit of ${ref.sheet}!${ref.address}.`);
      },
      (error: unknown) => this.setStatus(`Could not ${which}: ${errorMessage(error)}`),
    );
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
      this.setStatus(`${a1}: ${errorMessage(error)}`);
    });
  }
}
