/**
 * The preview's undo and redo of cell edits (Ctrl+Z, Ctrl+Y): each edit keeps the cell's content
 * before and after it, by sheet id so a renamed sheet still finds its cell. Writes that rebuild
 * sheets (a load that replaces sheets, a deleted sheet) clear the history, as Excel clears its undo
 * list after an add-in writes: an old edit could otherwise be put back into a sheet it no longer fits.
 */
import type { RawCellContent, SimpleCellAddress } from 'hyperformula';

/** One cell edit: where, and what the cell held before and after (a formula as its text). */
export interface CellEdit {
  readonly at: SimpleCellAddress;
  readonly before: RawCellContent;
  readonly after: RawCellContent;
}

/** How many edits are kept; older ones fall off, as in Excel (100 steps). */
export const HISTORY_LIMIT = 100;

export class EditHistory {
  private readonly done: CellEdit[] = [];
  private readonly undone: CellEdit[] = [];

  /** Records a new edit; the edits undone before it can no longer be redone. */
  record(edit: CellEdit): void {
    this.done.push(edit);
    if (this.done.length > HISTORY_LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  /** The edit to undo (moved to the redo list), or `undefined` when there is none. */
  undo(): CellEdit | undefined {
    const edit = this.done.pop();
    if (edit !== undefined) this.undone.push(edit);
    return edit;
  }

  /** The edit to redo (moved back to the undo list), or `undefined` when there is none. */
  redo(): CellEdit | undefined {
    const edit = this.undone.pop();
    if (edit !== undefined) this.done.push(edit);
    return edit;
  }

  /** Forgets every edit. */
  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
