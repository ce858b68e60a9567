/**
 * The parts of the preview's workbook window around the grid: the name box and formula bar above,
 * the scrolling grid area, the sheet tabs and the status bar below. Built once by the view.
 */
import { el } from './grid';

export interface Frame {
  /** `#name-box`: the selected cell's address. */
  readonly nameBox: HTMLElement;
  /** `#formula-bar`: the selected cell's formula or value, editable. */
  readonly formulaBar: HTMLInputElement;
  /** The grid's scrolling area (focusable, role grid). */
  readonly gridArea: HTMLElement;
  /** Shown in the grid area while the workbook has no sheet. */
  readonly empty: HTMLElement;
  readonly tabs: HTMLElement;
  /** `#status-bar`. */
  readonly status: HTMLElement;
}

/** Builds the window's parts into `root`, in order: formula bar, grid area, tabs, status bar. */
export function buildFrame(root: HTMLElement): Frame {
  root.classList.add('wb');
  const bar = el('div', 'wb-formula');
  const nameBox = el('div', 'wb-name-box');
  nameBox.id = 'name-box';
  nameBox.setAttribute('aria-label', 'Name box');
  const fx = el('span', 'wb-fx', 'fx');
  const formulaBar = el('input', 'wb-formula-bar');
  formulaBar.id = 'formula-bar';
  formulaBar.spellcheck = false;
  formulaBar.setAttribute('aria-label', 'Formula bar');
  bar.append(nameBox, fx, formulaBar);

  const gridArea = el('div', 'wb-grid');
  gridArea.tabIndex = 0;
  gridArea.setAttribute('role', 'grid');
  const empty = el('div', 'wb-empty', 'The workbook is empty. Load the baseline from the DefEcon pane.');
  gridArea.append(empty);

  const tabs = el('div', 'wb-tabs');
  tabs.setAttribute('role', 'tablist');
  const status = el('div', 'wb-status');
  status.id = 'status-bar';
  status.setAttribute('role', 'status');

  root.append(bar, gridArea, tabs, status);
  return { nameBox, formulaBar, gridArea, empty, tabs, status };
}

/** The sheet tabs: one button a sheet (`data-sheet`), the active one marked; `activate` gets the clicked name. */
export function tabButtons(names: readonly string[], active: string | null, activate: (name: string) => void): HTMLButtonElement[] {
  return names.map((name) => {
    const b = el('button', 'wb-tab', name);
    b.type = 'button';
    b.dataset.sheet = name;
    b.setAttribute('role', 'tab');
    const on = name === active;
    b.setAttribute('aria-selected', String(on));
    if (on) b.classList.add('active');
    b.addEventListener('click', () => activate(name));
    return b;
  });
}
