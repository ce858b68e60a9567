/**
 * The pane's page: Fluent UI controls built once, then updated from each {@link PaneState}. It holds
 * no logic of its own: clicks and choices go to the handlers, which call the controller.
 *
 * Stable hooks for tests and the preview (ids): `scenario` (radio group, radios valued `peace`,
 * `collapse`, `no_deal`), `load-baseline`, `load-sheet-kind` (dropdown, options valued by sheet
 * kind), `load-sheet`, `progress` (with `progress-bar` and `progress-step`), `message` (with
 * `message-text`, `conflict-new-copy`, `conflict-replace`, `conflict-cancel`), `help`. The root's `data-status` is
 * the state's status kind. Other sections (Sensitivity) come in through `options.sections` and show
 * their messages in the same bar through `render`'s `note`.
 */
import type { Dropdown, MessageBar, ProgressBar, RadioGroup } from '@fluentui/web-components';
import { SCENARIOS } from '../data/assumptions';
import type { ScenarioId } from '../data/types';
import { sheetName } from '../workbook/baseline';
import type { SheetKind } from '../workbook/plan';
import { type ConflictAnswer, isBusy, type PaneState, scenarioShort, type Status } from './controller';
import { FUNCTION_GROUPS, FUNCTION_HELP } from './help';
import { PANE_CSS } from './styles';

export interface ViewHandlers {
  readonly scenario: (id: ScenarioId) => void;
  readonly loadBaseline: () => void;
  readonly loadSheet: (kind: SheetKind) => void;
  readonly answer: (choice: ConflictAnswer) => void;
}

export interface ViewOptions {
  /** Where the function reference is served (default `help.html`). */
  readonly helpUrl: string;
  /** More sections (the Sensitivity section), placed after the message bar, before the function list. */
  readonly sections?: readonly HTMLElement[];
}

/** A message another part of the pane shows in the message bar instead of the state's. */
export interface Note {
  readonly intent: 'success' | 'warning' | 'error';
  /** The message bar's `data-kind`. */
  readonly kind: string;
  readonly text: string;
}

/** What else `render` needs from the rest of the pane. */
export interface RenderExtra {
  /** Another part of the pane is driving the workbook: loading is refused meanwhile. */
  readonly locked?: boolean;
  /** Shown in the message bar instead of the state's own message. */
  readonly note?: Note | null;
}

export interface View {
  render(state: PaneState, extra?: RenderExtra): void;
  /** Removes the pane's elements and listeners. */
  dispose(): void;
}

/** The sheets "Load one sheet" offers, in the order the baseline has them. */
export const SINGLE_SHEETS: readonly { readonly kind: SheetKind; readonly hint: string }[] = [
  { kind: 'assumptions', hint: 'the inputs and the scenario selector' },
  { kind: 'force', hint: 'peace-enforcement force' },
  { kind: 'munitions', hint: '155 mm stocks and regeneration' },
  { kind: 'fund', hint: 'European Security Fund shares' },
  { kind: 'sources', hint: 'where every number comes from' },
];

type Child = Node | string;

/** An element with attributes (`true`: present and empty; `false`/`undefined`: absent) and children. */
export function h(tag: string, attrs: Readonly<Record<string, string | boolean | undefined>> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  el.append(...children);
  return el;
}

function scenarioGroup(): RadioGroup {
  const group = h(
    'fluent-radio-group',
    { id: 'scenario', name: 'scenario', orientation: 'vertical', 'aria-labelledby': 'scenario-heading' },
    ...SCENARIOS.map((s) =>
      h(
        'fluent-field',
        { 'label-position': 'after' },
        h(
          'label',
          { slot: 'label', for: `scenario-${s.id}`, class: 'scenario-label' },
          h('span', {}, s.short),
          h('span', { class: 'hint' }, s.description),
        ),
        h('fluent-radio', { slot: 'input', id: `scenario-${s.id}`, value: s.id }),
      ),
    ),
  );
  return group as RadioGroup;
}

function sheetDropdown(): Dropdown {
  const dropdown = h(
    'fluent-dropdown',
    { 'aria-labelledby': 'load-sheet-kind-label' },
    h(
      'fluent-listbox',
      {},
      ...SINGLE_SHEETS.map((s, i) => h('fluent-option', { value: s.kind, selected: i === 1, title: s.hint }, sheetName(s.kind))),
    ),
  );
  // The dropdown gives itself a generated id when created: set ours after.
  dropdown.id = 'load-sheet-kind';
  return dropdown as Dropdown;
}

function helpSection(helpUrl: string): HTMLElement {
  const groups = FUNCTION_GROUPS;
  const link = (href: string, ...children: Child[]): HTMLElement =>
    h('fluent-link', { href, target: '_blank', rel: 'noopener', inline: true }, ...children);
  return h(
    'section',
    { id: 'help', 'aria-labelledby': 'help-heading' },
    h('h2', { id: 'help-heading' }, 'Functions'),
    h(
      'p',
      { class: 'hint' },
      'Type them in any cell, like Excel’s own functions. Each one explains bad input in its error message; ',
      link(helpUrl, 'the function reference'),
      ' gives units, methods and sources.',
    ),
    ...groups.map((g) =>
      h(
        'div',
        {},
        h('h3', {}, g),
        h(
          'ul',
          { class: 'functions' },
          ...FUNCTION_HELP.filter((f) => f.group === g).map((f) =>
            h(
              'li',
              {},
              h('div', {}, link(`${helpUrl}#${f.anchor}`, `DEF.${f.id}`)),
              h('div', {}, f.summary),
              h('div', { class: 'hint' }, h('code', {}, f.example.formula), ` → ${f.example.result}`),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The line under the progress bar. */
function stepText(status: Status): string {
  switch (status.kind) {
    case 'reading':
      return 'Reading the workbook’s sheets and names…';
    case 'writing':
      return status.total > 0 ? `${status.step} (${status.done} of ${status.total})` : `${status.step}…`;
    case 'switching':
      return `Setting the scenario to ${scenarioShort(status.scenario)}…`;
    default:
      return '';
  }
}

const INTENT: Partial<Record<Status['kind'], string>> = { conflict: 'warning', done: 'success', error: 'error' };

/** Builds the pane inside `root` (replacing what it held) and returns how to update and remove it. */
export function createView(root: HTMLElement, handlers: ViewHandlers, options: ViewOptions): View {
  const radios = scenarioGroup();
  const loadBaseline = h('fluent-button', { id: 'load-baseline', appearance: 'primary' }, 'Load baseline');
  const kind = sheetDropdown();
  const loadSheet = h('fluent-button', { id: 'load-sheet' }, 'Load sheet');
  const bar = h('fluent-progress-bar', { id: 'progress-bar', 'aria-labelledby': 'progress-step' }) as ProgressBar;
  const step = h('span', { id: 'progress-step', class: 'hint' });
  const progress = h('div', { id: 'progress', role: 'status', hidden: true }, bar, step);
  const text = h('span', { id: 'message-text' });
  const newCopy = h('fluent-button', { id: 'conflict-new-copy', appearance: 'primary', size: 'small' }, 'New copy');
  const replace = h('fluent-button', { id: 'conflict-replace', size: 'small' }, 'Replace existing sheets');
  const cancel = h('fluent-button', { id: 'conflict-cancel', appearance: 'subtle', size: 'small' }, 'Cancel');
  // The answers sit under the question in the bar's content, where they wrap in a narrow pane
  // (the bar's own actions area keeps to one line and is clipped there).
  const answers = h('div', { class: 'answers' }, newCopy, replace, cancel);
  const message = h('fluent-message-bar', { id: 'message', layout: 'multiline', role: 'status', hidden: true }, text, answers) as MessageBar;

  const pane = h(
    'div',
    { class: 'defecon-pane' },
    h('style', {}, PANE_CSS),
    h(
      'header',
      {},
      h('h1', {}, 'DefEcon'),
      h(
        'p',
        { class: 'hint' },
        'Defence economics in Excel: a baseline workbook of live DEF formulas for the three scenarios of ',
        'Gilli, Gilli and Petrelli, IEP@BU Commentary 187 (26 March 2025).',
      ),
    ),
    h('section', { 'aria-labelledby': 'scenario-heading' }, h('h2', { id: 'scenario-heading' }, 'Scenario'), radios),
    h(
      'section',
      { 'aria-labelledby': 'load-heading' },
      h('h2', { id: 'load-heading' }, 'Load into this workbook'),
      h('div', {}, loadBaseline),
      h(
        'p',
        { class: 'hint' },
        'Adds Assumptions, Force, Munitions, Fund and Sources. Sheets already there are never overwritten unless you say so.',
      ),
      h(
        'div',
        { class: 'row' },
        h('fluent-field', {}, h('label', { slot: 'label', id: 'load-sheet-kind-label' }, 'Load one sheet'), kind),
        loadSheet,
      ),
    ),
    progress,
    message,
    ...(options.sections ?? []),
    helpSection(options.helpUrl),
  );
  kind.setAttribute('slot', 'input');

  let shown: Status['kind'] | undefined;

  const onScenario = (): void => {
    const value = radios.value;
    const scenario = SCENARIOS.find((s) => s.id === value);
    if (scenario !== undefined) handlers.scenario(scenario.id);
  };
  const onLoadBaseline = (): void => handlers.loadBaseline();
  const onLoadSheet = (): void => {
    const chosen = SINGLE_SHEETS.find((s) => s.kind === kind.value);
    if (chosen !== undefined) handlers.loadSheet(chosen.kind);
  };
  const listeners: [EventTarget, string, () => void][] = [
    [radios, 'change', onScenario],
    [loadBaseline, 'click', onLoadBaseline],
    [loadSheet, 'click', onLoadSheet],
    [newCopy, 'click', () => handlers.answer('new-copy')],
    [replace, 'click', () => handlers.answer('replace')],
    [cancel, 'click', () => handlers.answer('cancel')],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener);

  root.replaceChildren(pane);

  return {
    render(state: PaneState, extra: RenderExtra = {}): void {
      const status = state.status;
      const busy = isBusy(status);
      const note = extra.note ?? null;
      pane.dataset.status = status.kind;
      // The `value` attribute too: the group collects its radios asynchronously and checks the one
      // its attribute names when it does. The group is not disabled while busy (a disabled group
      // unchecks its radios); the controller refuses a switch then, and this puts the choice back.
      if (radios.getAttribute('value') !== state.scenario) radios.setAttribute('value', state.scenario);
      if (radios.value !== state.scenario) radios.value = state.scenario;
      radios.toggleAttribute('aria-busy', busy);
      for (const el of [loadBaseline, kind, loadSheet]) el.toggleAttribute('disabled', busy || extra.locked === true);

      progress.hidden = !busy;
      step.textContent = stepText(status);
      if (status.kind === 'writing' && status.total > 0) {
        bar.setAttribute('max', String(status.total));
        bar.setAttribute('value', String(Math.min(status.done, status.total)));
      } else {
        bar.removeAttribute('value'); // indeterminate
      }

      const intent = note?.intent ?? INTENT[status.kind];
      const wasHidden = message.hidden;
      const before = text.textContent;
      message.hidden = intent === undefined;
      if (intent !== undefined) message.setAttribute('intent', intent);
      message.dataset.kind = note?.kind ?? status.kind;
      text.textContent =
        note !== null ? note.text : status.kind === 'conflict' || status.kind === 'done' || status.kind === 'error' ? status.message : '';
      answers.hidden = note !== null || status.kind !== 'conflict';
      // A message from a section further down would otherwise appear out of sight.
      if (note !== null && !message.hidden && (wasHidden || before !== text.textContent)) message.scrollIntoView?.({ block: 'nearest' });
      if (status.kind === 'conflict' && shown !== 'conflict') newCopy.focus(); // Enter takes the safe choice
      shown = status.kind;
    },
    dispose(): void {
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener);
      pane.remove();
    },
  };
}
