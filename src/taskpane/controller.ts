/**
 * What the pane does, without the page: the chosen scenario, loading the baseline or one of its
 * sheets into a {@link WorkbookTarget}, and switching the loaded workbook's scenario. The view
 * (`view.ts`) renders {@link PaneState} and calls the actions; tests drive it with a fake target.
 *
 * It never destroys data: before writing it reads the workbook's sheets and defined names, and
 * when the plan's sheets are already there it asks (state `conflict`) whether to load a new copy
 * ("Force (2)", the default) or replace them. Failures end in state `error` with the reason.
 */
import { ASSUMPTIONS, SCENARIOS } from '../data/assumptions';
import type { ScenarioId } from '../data/types';
import type { SheetCell } from '../workbook/a1';
import { type BaselinePlan, baselinePlan, definedName, SHEET_KINDS, sheetName } from '../workbook/baseline';
import { clashes, freeCopy } from '../workbook/conflicts';
import { errorMessage } from '../workbook/messages';
import type { SheetKind } from '../workbook/plan';
import type { Progress, WorkbookTarget } from '../workbook/writer';

/** The scenario selector of a loaded Assumptions sheet (a baseline plan's `scenarioCell`). */
export type ScenarioCell = SheetCell;

/** What the pane is doing, or last did. */
export type Status =
  | { readonly kind: 'idle' }
  /** Reading the workbook's sheet and defined names before loading. */
  | { readonly kind: 'reading' }
  /**
   * The plan's sheets are already in the workbook: the user chooses a new copy (the default, which
   * touches nothing) or replacing `sheets`.
   */
  | {
      readonly kind: 'conflict';
      /** The existing sheets that would be replaced. */
      readonly sheets: readonly string[];
      /** The copy a new load would make, and its sheets. */
      readonly copy: number;
      readonly copySheets: readonly string[];
      /** `copySheets` as a phrase: "Force (2)", "Assumptions (2) and Force (2)". */
      readonly copyName: string;
      /** The question, in a sentence. */
      readonly message: string;
    }
  | { readonly kind: 'writing'; readonly done: number; readonly total: number; readonly step: string }
  /** Setting the scenario selector of the loaded workbook. */
  | { readonly kind: 'switching'; readonly scenario: ScenarioId }
  | { readonly kind: 'done'; readonly message: string; readonly sheets: readonly string[] }
  | { readonly kind: 'error'; readonly message: string };

export interface PaneState {
  /** The scenario shown as chosen: the one a load starts on, or the one the selector was set to. */
  readonly scenario: ScenarioId;
  /** The selector switching writes to, once an Assumptions sheet has been loaded or used; else null. */
  readonly selector: ScenarioCell | null;
  readonly status: Status;
}

/** The user's answer to a `conflict`. */
export type ConflictAnswer = 'new-copy' | 'replace' | 'cancel';

/** The sheet kinds a model sheet reads through an Assumptions sheet's defined names. */
const READS_ASSUMPTIONS: ReadonlySet<SheetKind> = new Set<SheetKind>(['force', 'munitions', 'fund']);

/** True while the pane waits for the workbook; actions are refused then. */
export function isBusy(status: Status): boolean {
  return status.kind === 'reading' || status.kind === 'writing' || status.kind === 'switching';
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The short label of a scenario, as the selector cell holds it ("Lasting peace"). */
export function scenarioShort(id: ScenarioId): string {
  return SCENARIOS.find((s) => s.id === id)?.short ?? id;
}

/**
 * The copies of the baseline's Assumptions sheet the workbook holds, ascending: a copy counts when
 * its sheet is there and so are all the defined names it creates (the scenario and every assumption).
 */
export function assumptionCopies(existingSheets: readonly string[], existingNames: readonly string[]): number[] {
  const sheets = new Set(existingSheets.map((s) => s.toLowerCase()));
  const names = new Set(existingNames.map((n) => n.toLowerCase()));
  const ids = ['scenario', ...ASSUMPTIONS.map((a) => a.id)];
  const copies: number[] = [];
  for (let copy = 1; copy < 100; copy++) {
    if (sheets.has(sheetName('assumptions', copy).toLowerCase()) && ids.every((id) => names.has(definedName(id, copy).toLowerCase()))) {
      copies.push(copy);
    }
  }
  return copies;
}

/** What a load will write, before its copy number is known. */
interface Prepared {
  readonly kinds: readonly SheetKind[];
  /** The copy of Assumptions whose names the sheets read; undefined: their own copy. */
  readonly namesFrom: number | undefined;
  /** Said after loading, e.g. why Assumptions came too. */
  readonly note: string | undefined;
}

/** A conflict waiting for the user's answer. */
interface Pending {
  readonly prepared: Prepared;
  /** Existing sheets of copy 1 that Replace would replace. */
  readonly clashing: readonly string[];
  /** The copy New copy would make. */
  readonly newCopy: number;
}

export interface PaneControllerOptions {
  /** The scenario chosen at the start (default: the first, lasting peace). */
  readonly scenario?: ScenarioId;
}

/**
 * The conflict question: which sheets are there, what a new copy makes, and what replacing means
 * (the sheets are cleared and rewritten in place: what they held is lost, while formulas and names
 * that refer to them keep working).
 */
export function conflictQuestion(clashing: readonly string[], copyName: string): string {
  const one = clashing.length === 1;
  return (
    `This workbook already has ${listOf(clashing)}. ` +
    `Load a new copy (${copyName}) and leave ${one ? 'it' : 'them'} as ${one ? 'it is' : 'they are'}, or replace ${one ? 'it' : 'them'}? ` +
    `Replacing clears ${one ? 'it' : 'them'} and writes ${one ? 'it' : 'them'} anew in place: anything you added to ${one ? 'it' : 'them'} is lost, ` +
    `while your formulas and names that refer to ${one ? 'it' : 'them'} keep working.`
  );
}

export class PaneController {
  private current: PaneState;
  private readonly listeners = new Set<(state: PaneState) => void>();
  private pending: Pending | null = null;
  /** Bumped at every write, so progress reported after a write ended is ignored. */
  private writeId = 0;

  constructor(
    private readonly target: WorkbookTarget,
    options: PaneControllerOptions = {},
  ) {
    this.current = { scenario: options.scenario ?? SCENARIOS[0]?.id ?? 'peace', selector: null, status: { kind: 'idle' } };
  }

  get state(): PaneState {
    return this.current;
  }

  /** Calls `listener` with the state now and after every change; returns the unsubscribe. */
  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Loads the whole baseline: Assumptions, Force, Munitions, Fund and Sources. */
  async loadBaseline(): Promise<void> {
    await this.load(() => ({ kinds: SHEET_KINDS, namesFrom: undefined, note: undefined }));
  }

  /**
   * Loads one sheet. A model sheet (Force, Munitions, Fund) reads the latest Assumptions copy in
   * the workbook; when there is none, Assumptions is loaded with it.
   */
  async loadSheet(kind: SheetKind): Promise<void> {
    await this.load((sheets, names) => {
      if (!READS_ASSUMPTIONS.has(kind)) return { kinds: [kind], namesFrom: undefined, note: undefined };
      const latest = assumptionCopies(sheets, names).pop();
      if (latest !== undefined) {
        return {
          kinds: [kind],
          namesFrom: latest,
          note: `It reads its inputs from ${sheetName('assumptions', latest)}, whose scenario was left as it is.`,
        };
      }
      return {
        kinds: ['assumptions', kind],
        namesFrom: undefined,
        note: `The workbook had no Assumptions sheet, so one was added: ${sheetName(kind)} reads its inputs from it.`,
      };
    });
  }

  /** Answers a `conflict`: a new copy (the default), replacing the existing sheets, or nothing. */
  async answer(choice: ConflictAnswer): Promise<void> {
    const pending = this.pending;
    if (pending === null || this.current.status.kind !== 'conflict') return;
    this.pending = null;
    if (choice === 'cancel') {
      this.set({ status: { kind: 'idle' } });
      return;
    }
    if (choice === 'replace') await this.write(pending.prepared, 1, pending.clashing);
    else await this.write(pending.prepared, pending.newCopy, []);
  }

  /**
   * The loaded workbook's scenario selector now holds `text` (typed or chosen in the workbook): the
   * shown choice follows it. Nothing is written; text that names no scenario, or a change while the
   * pane is writing, is ignored.
   */
  followSelector(text: unknown): void {
    if (this.current.selector === null || isBusy(this.current.status) || typeof text !== 'string') return;
    const found = SCENARIOS.find((s) => s.short.toLowerCase() === text.trim().toLowerCase());
    if (found !== undefined && found.id !== this.current.scenario) this.set({ scenario: found.id });
  }

  /**
   * Chooses a scenario. Before loading it is the scenario the load starts on; after, it is typed
   * into the loaded Assumptions sheet's selector and every model sheet recalculates.
   */
  async switchScenario(id: ScenarioId): Promise<void> {
    const before = this.current;
    if (isBusy(before.status) || !SCENARIOS.some((s) => s.id === id)) {
      this.emit(); // the view puts its control back on the current choice
      return;
    }
    if (id === before.scenario) return;
    if (before.selector === null) {
      // No workbook of this pane's to write into: say what the choice does instead of writing anywhere.
      this.set({
        scenario: id,
        status: {
          kind: 'done',
          message: `The next load starts on ${scenarioShort(id)}; no baseline is loaded yet, so nothing was written.`,
          sheets: [],
        },
      });
      return;
    }
    const cell = before.selector;
    this.set({ scenario: id, status: { kind: 'switching', scenario: id } });
    try {
      await this.target.setValue(cell.sheet, cell.address, scenarioShort(id));
      this.set({
        status: {
          kind: 'done',
          message: `Scenario set to ${scenarioShort(id)} in ${cell.sheet}!${cell.address}: the model sheets recalculate.`,
          sheets: [],
        },
      });
    } catch (error) {
      this.set({
        scenario: before.scenario,
        status: { kind: 'error', message: `Could not switch to ${scenarioShort(id)}: ${errorMessage(error)}` },
      });
    }
  }

  private async load(prepare: (sheets: readonly string[], names: readonly string[]) => Prepared): Promise<void> {
    if (isBusy(this.current.status)) return;
    this.pending = null;
    this.set({ status: { kind: 'reading' } });
    let prepared: Prepared;
    let clashing: string[];
    let newCopy: number;
    try {
      const [sheets, names] = await Promise.all([this.target.sheetNames(), this.target.definedNames()]);
      prepared = prepare(sheets, names);
      clashing = clashes(sheets, 1, prepared.kinds);
      newCopy = freeCopy(sheets, names, prepared.kinds);
    } catch (error) {
      this.set({ status: { kind: 'error', message: `Could not read the workbook: ${errorMessage(error)}` } });
      return;
    }
    if (clashing.length === 0) {
      // Nothing to replace: copy 1 when its names are free too, else the first free copy.
      await this.write(prepared, newCopy, []);
      return;
    }
    const copySheets = prepared.kinds.map((k) => sheetName(k, newCopy));
    const copyName = listOf(copySheets);
    this.pending = { prepared, clashing, newCopy };
    this.set({
      status: {
        kind: 'conflict',
        sheets: clashing,
        copy: newCopy,
        copySheets,
        copyName,
        message: conflictQuestion(clashing, copyName),
      },
    });
  }

  private async write(prepared: Prepared, copy: number, replace: readonly string[]): Promise<void> {
    const id = ++this.writeId;
    let plan: BaselinePlan;
    try {
      plan = baselinePlan({ scenario: this.current.scenario, copy, names: prepared.namesFrom ?? copy, kinds: prepared.kinds });
    } catch (error) {
      this.set({ status: { kind: 'error', message: `Could not prepare the sheets: ${errorMessage(error)}` } });
      return;
    }
    const sheets = plan.sheets.map((s) => s.name);
    this.set({ status: { kind: 'writing', done: 0, total: 0, step: `Writing ${listOf(sheets)}` } });
    const onProgress = (p: Progress): void => {
      if (id === this.writeId && this.current.status.kind === 'writing') {
        this.set({ status: { kind: 'writing', done: p.done, total: p.total, step: p.step } });
      }
    };
    try {
      await this.target.apply(plan, { replace, onProgress });
    } catch (error) {
      this.writeId++;
      this.set({
        status: {
          kind: 'error',
          // The writers' messages say what they undid; nothing is added here that could contradict them.
          message: `Could not load ${listOf(sheets)}: ${errorMessage(error)}`,
        },
      });
      return;
    }
    this.writeId++;
    const usesAssumptions = prepared.kinds.includes('assumptions') || prepared.namesFrom !== undefined;
    const scenario = prepared.kinds.includes('assumptions') ? ` on the scenario ${scenarioShort(this.current.scenario)}` : '';
    const how =
      replace.length > 0
        ? `, replacing the existing ${listOf(replace)}`
        : copy > 1
          ? ' as a new copy; the sheets already there were not touched'
          : '';
    const message = [`Loaded ${listOf(sheets)}${scenario}${how}.`, prepared.note].filter((x) => x !== undefined).join(' ');
    this.set({
      ...(usesAssumptions ? { selector: plan.scenarioCell } : {}),
      status: { kind: 'done', message, sheets },
    });
  }

  private set(change: Partial<PaneState>): void {
    this.current = { ...this.current, ...change };
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener(this.current);
  }
}
