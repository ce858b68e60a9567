/**
 * The pane's Sensitivity section: built once, then updated from each {@link SensitivityState}. Like
 * `view.ts` it holds no logic: choices and clicks go to the handlers, which call the controller.
 * Its messages (done, cancelled, errors) are shown in its own message bar under its buttons
 * (`sens-message`, text in `sens-message-text`, `data-kind` the status kind), numbers in them grouped
 * to 6 significant digits.
 *
 * Stable hooks for tests (ids): `sensitivity`, `sens-use-output`, `sens-output` (the output's label
 * and address), `sens-output-formula`, `sens-input-1` and `sens-input-2` (selects valued by
 * assumption name, `selected` or `none`), `sens-low-1`, `sens-high-1`, `sens-low-2`, `sens-high-2`,
 * `sens-input-1-info`, `sens-input-2-info`, `sens-input-1-use`, `sens-input-2-use` (take the selected cell), `sens-steps`, `sens-one-way`, `sens-two-way`,
 * `sens-tornado`, `sens-scenarios`, `sens-progress` (with `sens-progress-bar`, `sens-progress-step`
 * and `sens-cancel`), `sens-recovery` (inputs a run could not put back, one `li` each, shown until
 * `sens-recovery-dismiss` is clicked). The section's `data-status` is the state's status kind.
 */
import type { ProgressBar } from '@fluentui/web-components';
import { cellReference } from '../workbook/a1';
import { MAX_STEPS } from '../workbook/sensitivity';
import { unrestoredLabel } from '../session/restore';
import { type InputChoice, isSensitivityBusy, type SensitivityState, type Slot } from './sensitivity-controller';
import { h } from './view';

export interface SensitivityHandlers {
  readonly useOutput: () => void;
  readonly chooseInput: (slot: Slot, choice: string) => void;
  readonly setBound: (slot: Slot, which: 'low' | 'high', value: number) => void;
  readonly setSteps: (steps: number) => void;
  readonly setKeepPartial: (keep: boolean) => void;
  readonly oneWay: () => void;
  readonly twoWay: () => void;
  readonly tornado: () => void;
  readonly scenarios: () => void;
  readonly cancel: () => void;
  readonly dismissRecovery: () => void;
}

export interface SensitivityView {
  /** The section, for the pane to place. */
  readonly element: HTMLElement;
  /** Updates the section; `locked` when the rest of the pane is writing, so nothing may run. */
  render(state: SensitivityState, locked: boolean): void;
  dispose(): void;
}

/** A number as an input box shows it: up to 10 significant digits, no float noise. */
function boxText(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(10))) : '';
}

/** The message bar's intent for each status that has something to say. */
const MESSAGE_INTENT: Partial<Record<SensitivityState['status']['kind'], string>> = { done: 'success', cancelled: 'warning', error: 'error' };

/** A message with its long decimals (`28.076923077`) shown as the section shows numbers (`28.0769`). */
export function readableNumbers(text: string): string {
  return text.replace(/-?\d+\.\d{5,}/g, (m) => shown(Number(m)));
}

/** A value as the section states it: grouped, up to 6 significant digits. */
function shown(x: number): string {
  return x.toLocaleString('en-GB', { maximumSignificantDigits: 6 });
}

function numberBox(id: string, label: string, attrs: Readonly<Record<string, string>> = {}): HTMLInputElement {
  const input = h('input', { id, type: 'number', step: 'any', class: 'sens-number', 'aria-label': label, ...attrs }) as HTMLInputElement;
  return input;
}

interface InputRow {
  readonly select: HTMLSelectElement;
  readonly low: HTMLInputElement;
  readonly high: HTMLInputElement;
  readonly info: HTMLElement;
  /** Takes the cell selected now (again), without going through the select. */
  readonly use: HTMLElement;
  readonly element: HTMLElement;
  /** The assumption names the select lists now, joined, to rebuild it only when they change. */
  names: string;
}

function inputRow(slot: Slot): InputRow {
  const n = slot + 1;
  const select = h('select', { id: `sens-input-${n}`, class: 'sens-select', 'aria-labelledby': `sens-input-${n}-label` }) as HTMLSelectElement;
  const low = numberBox(`sens-low-${n}`, `Input ${n} low`);
  const high = numberBox(`sens-high-${n}`, `Input ${n} high`);
  const info = h('div', { id: `sens-input-${n}-info`, class: 'hint' });
  const use = h('fluent-button', { id: `sens-input-${n}-use`, size: 'small' }, 'Use selected cell');
  const element = h(
    'div',
    { class: 'sens-input' },
    h(
      'div',
      { class: 'row' },
      h('label', { id: `sens-input-${n}-label`, for: `sens-input-${n}`, class: 'sens-label' }, n === 1 ? 'Input 1 (rows)' : 'Input 2 (columns)'),
      use,
    ),
    select,
    h('div', { class: 'sens-bounds' }, h('label', { for: `sens-low-${n}` }, 'Low'), low, h('label', { for: `sens-high-${n}` }, 'High'), high),
    info,
  );
  return { select, low, high, info, use, element, names: '\u0000' };
}

function fillSelect(row: InputRow, state: SensitivityState): void {
  const names = state.assumptions.map((a) => a.name).join('\n');
  if (names === row.names) return;
  row.names = names;
  const options: HTMLElement[] = [h('option', { value: 'none' }, '(none)')];
  if (state.assumptions.length > 0) {
    options.push(
      h(
        'optgroup',
        { label: 'Named assumptions' },
        ...state.assumptions.map((a) => h('option', { value: a.name, title: a.label }, `${a.name}: ${a.label}`)),
      ),
    );
  }
  options.push(h('option', { value: 'selected' }, 'Selected cell (select it in the sheet first)'));
  row.select.replaceChildren(...options);
}

function describe(input: InputChoice | null): string {
  if (input === null) return '';
  const where = input.name === undefined ? cellReference(input.ref) : `${input.name}, ${cellReference(input.ref)}`;
  return `${input.label === cellReference(input.ref) ? where : `${input.label} (${where})`}; now ${shown(input.base)}`;
}

/** Builds the section (not yet on the page) and returns how to update and remove it. */
export function createSensitivityView(handlers: SensitivityHandlers): SensitivityView {
  const useOutput = h('fluent-button', { id: 'sens-use-output', size: 'small' }, 'Use selected cell');
  const outputText = h('div', { id: 'sens-output' }, 'No output chosen: select its cell in the workbook.');
  const formula = h('code', { id: 'sens-output-formula' });
  const rows: readonly [InputRow, InputRow] = [inputRow(0), inputRow(1)];
  const steps = numberBox('sens-steps', 'Steps per axis', { min: '2', max: String(MAX_STEPS), step: '1' });
  const keepPartial = h('input', { id: 'sens-keep-partial', type: 'checkbox' }) as HTMLInputElement;
  const oneWay = h('fluent-button', { id: 'sens-one-way' }, 'One-way table');
  const twoWay = h('fluent-button', { id: 'sens-two-way', appearance: 'primary' }, 'Two-way table');
  const tornado = h('fluent-button', { id: 'sens-tornado' }, 'Tornado');
  const scenarios = h('fluent-button', { id: 'sens-scenarios' }, 'Compare scenarios');
  const bar = h('fluent-progress-bar', { id: 'sens-progress-bar', 'aria-labelledby': 'sens-progress-step' }) as ProgressBar;
  const step = h('span', { id: 'sens-progress-step', class: 'hint' });
  const cancel = h('fluent-button', { id: 'sens-cancel', size: 'small', appearance: 'subtle' }, 'Cancel');
  const progress = h('div', { id: 'sens-progress', role: 'status', hidden: true }, bar, h('div', { class: 'sens-progress-line' }, step, cancel));
  const messageText = h('span', { id: 'sens-message-text' });
  const message = h('fluent-message-bar', { id: 'sens-message', layout: 'multiline', role: 'status', hidden: true }, messageText);
  const recoveryList = h('ul', { id: 'sens-recovery-list' });
  const recoveryWhere = h('p', { class: 'hint' });
  const dismiss = h('fluent-button', { id: 'sens-recovery-dismiss', size: 'small' }, 'I have put them back: dismiss');
  const recovery = h(
    'div',
    { id: 'sens-recovery', role: 'alert', hidden: true },
    h('strong', {}, 'These inputs could not be put back. Type each original back into its cell:'),
    recoveryList,
    recoveryWhere,
    dismiss,
  );

  const element = h(
    'section',
    { id: 'sensitivity', 'aria-labelledby': 'sensitivity-heading' },
    h('h2', { id: 'sensitivity-heading' }, 'Sensitivity'),
    h(
      'p',
      { class: 'hint' },
      'A table over one of the baseline’s models (both inputs named assumptions) is a live DEF formula that recalculates with the workbook. ',
      'Any other output is computed point by point: set the inputs, recalculate, read; the inputs are put back afterwards. Results go to a new sheet.',
    ),
    h('div', { class: 'sens-output' }, h('div', { class: 'row' }, h('span', { class: 'sens-label' }, 'Output'), useOutput), outputText, formula),
    rows[0].element,
    rows[1].element,
    h('div', { class: 'sens-bounds' }, h('label', { for: 'sens-steps' }, `Steps per axis (2–${MAX_STEPS})`), steps),
    h('div', { class: 'sens-bounds' }, keepPartial, h('label', { for: 'sens-keep-partial' }, 'Keep partial results if a table is stopped')),
    h('div', { class: 'sens-actions' }, oneWay, twoWay, tornado, scenarios),
    message,
    h(
      'p',
      { class: 'hint' },
      'Tornado varies every named assumption between its low and high and keeps those the output depends on. Compare scenarios needs no inputs.',
    ),
    progress,
    recovery,
  );

  const listeners: [EventTarget, string, () => void][] = [
    [keepPartial, 'change', () => handlers.setKeepPartial(keepPartial.checked)],
    [useOutput, 'click', () => handlers.useOutput()],
    [oneWay, 'click', () => handlers.oneWay()],
    [twoWay, 'click', () => handlers.twoWay()],
    [tornado, 'click', () => handlers.tornado()],
    [scenarios, 'click', () => handlers.scenarios()],
    [cancel, 'click', () => handlers.cancel()],
    [dismiss, 'click', () => handlers.dismissRecovery()],
    [steps, 'change', () => handlers.setSteps(steps.valueAsNumber)],
  ];
  rows.forEach((row, i) => {
    const slot: Slot = i === 0 ? 0 : 1;
    listeners.push(
      [row.select, 'change', () => handlers.chooseInput(slot, row.select.value)],
      [row.use, 'click', () => handlers.chooseInput(slot, 'selected')],
      [row.low, 'change', () => handlers.setBound(slot, 'low', row.low.value === '' ? Number.NaN : row.low.valueAsNumber)],
      [row.high, 'change', () => handlers.setBound(slot, 'high', row.high.value === '' ? Number.NaN : row.high.valueAsNumber)],
    );
  });
  for (const [el, type, fn] of listeners) el.addEventListener(type, fn);

  /** Sets a box's text unless the user is typing in it. */
  const show = (box: HTMLInputElement, text: string): void => {
    if (document.activeElement !== box && box.value !== text) box.value = text;
  };

  return {
    element,
    render(state: SensitivityState, locked: boolean): void {
      const status = state.status;
      const busy = isSensitivityBusy(status);
      element.dataset.status = status.kind;
      const out = state.output;
      outputText.textContent =
        out === null
          ? 'No output chosen: select its cell in the workbook.'
          : `${out.label === cellReference(out.ref) ? cellReference(out.ref) : `${out.label} (${cellReference(out.ref)})`}; now ${
              typeof out.value === 'number' ? shown(out.value) : String(out.value ?? '(empty)')
            }`;
      formula.textContent = out?.formula ?? (out === null ? '' : 'a constant, not a formula');
      formula.hidden = out === null;
      rows.forEach((row, i) => {
        const input = state.inputs[i] ?? null;
        fillSelect(row, state);
        const value = input === null ? 'none' : (input.name ?? 'selected');
        if (row.select.value !== value) row.select.value = value;
        show(row.low, input === null ? '' : boxText(input.low));
        show(row.high, input === null ? '' : boxText(input.high));
        row.low.disabled = input === null || busy || locked;
        row.high.disabled = input === null || busy || locked;
        row.select.disabled = busy || locked;
        row.use.toggleAttribute('disabled', busy || locked);
        row.info.textContent = describe(input);
      });
      show(steps, String(state.steps));
      keepPartial.checked = state.keepPartial;
      keepPartial.disabled = busy || locked;
      steps.disabled = busy || locked;
      for (const b of [useOutput, oneWay, twoWay, tornado, scenarios]) b.toggleAttribute('disabled', busy || locked);

      recovery.hidden = state.recovery === null;
      const lost = state.recovery?.cells ?? [];
      if (recoveryList.childElementCount !== lost.length || recoveryList.textContent !== lost.map(unrestoredLabel).join('')) {
        recoveryList.replaceChildren(...lost.map((c) => h('li', {}, unrestoredLabel(c))));
      }
      const sheet = state.recovery?.sheet ?? null;
      recoveryWhere.textContent =
        sheet === null
          ? 'The list could not be kept in the workbook: note it before dismissing.'
          : `The same list is on the sheet ${sheet}; dismissing removes it.`;
      dismiss.toggleAttribute('disabled', busy || locked);

      const intent = MESSAGE_INTENT[status.kind];
      const said = status.kind === 'done' || status.kind === 'cancelled' || status.kind === 'error' ? readableNumbers(status.message) : '';
      const wasHidden = message.hidden;
      message.hidden = intent === undefined;
      if (intent !== undefined) message.setAttribute('intent', intent);
      message.dataset.kind = status.kind;
      if (messageText.textContent !== said) {
        messageText.textContent = said;
        if (!message.hidden || wasHidden) message.scrollIntoView?.({ block: 'nearest' });
      }

      progress.hidden = status.kind !== 'running';
      if (status.kind === 'running') {
        step.textContent =
          status.total > 0
            ? `Point ${status.done} of ${status.total}${status.step.startsWith('Point') ? '' : `: ${status.step}`}`
            : `${status.step}…`;
        if (status.total > 0) {
          bar.setAttribute('max', String(status.total));
          bar.setAttribute('value', String(Math.min(status.done, status.total)));
        } else {
          bar.removeAttribute('value');
        }
      }
    },
    dispose(): void {
      for (const [el, type, fn] of listeners) el.removeEventListener(type, fn);
      element.remove();
    },
  };
}
