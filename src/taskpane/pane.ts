/**
 * The pane, mounted into a page: the one entry both the Excel task pane (`taskpane.ts`, with
 * `ExcelTarget`) and the browser preview (with its engine's target) call. Nothing happens at import.
 */
import type { ScenarioId } from '../data/types';
import type { DrivableTarget, WorkbookTarget } from '../workbook/writer';
import { errorMessage } from '../workbook/messages';
import { isBusy, PaneController, type PaneState } from './controller';
import { defineFluent } from './fluent';
import { isSensitivityBusy, SensitivityController, type SensitivityState } from './sensitivity-controller';
import { createSensitivityView, type SensitivityView } from './sensitivity-view';
import { createView, type View } from './view';

export interface PaneOptions {
  /** The scenario chosen at the start (default: lasting peace). */
  readonly scenario?: ScenarioId;
  /** Where the function reference is served, relative to the page or absolute (default `help.html`). */
  readonly helpUrl?: string;
  /**
   * Tells the pane when the workbook's cells change (the preview's target does), so the scenario
   * choice follows the selector cell; returns the function that stops it.
   */
  readonly workbookChanges?: (listener: () => void) => () => void;
}

export interface MountedPane {
  /** The pane's logic, for pages that want to drive or watch it (the preview, tests). */
  readonly controller: PaneController;
  /** The Sensitivity section's logic; null when the target cannot drive cells. */
  readonly sensitivity: SensitivityController | null;
  /** Resolves once the controls are on the page (the Fluent components register asynchronously). */
  readonly ready: Promise<void>;
  /** Removes the pane from the page and stops listening; the workbook is left as it is. */
  dispose(): void;
}

/** True when `target` can read and drive cells (Excel and the preview can): the Sensitivity section needs it. */
export function isDrivable(target: WorkbookTarget): target is DrivableTarget {
  const t = target as Partial<DrivableTarget>;
  return (
    typeof t.resolveName === 'function' &&
    typeof t.selectedCell === 'function' &&
    typeof t.readCells === 'function' &&
    typeof t.evaluate === 'function' &&
    typeof t.restore === 'function'
  );
}

/**
 * Builds the pane inside `root` (replacing its content) over `target`: scenario choice, loading the
 * baseline or one sheet, progress, the conflict question, messages, the Sensitivity section (when
 * the target is a {@link DrivableTarget}, as Excel's and the preview's are) and the function list.
 */
export function mountPane(root: HTMLElement, target: WorkbookTarget | DrivableTarget, options: PaneOptions = {}): MountedPane {
  const controller = new PaneController(target, options.scenario === undefined ? {} : { scenario: options.scenario });
  const sensitivity = isDrivable(target) ? new SensitivityController(target) : null;
  let view: View | undefined;
  let sensView: SensitivityView | undefined;
  const unsubscribes: (() => void)[] = [];
  let disposed = false;
  const ready = defineFluent().then(
    () => {
      if (disposed) return;
      const sens = sensitivity;
      if (sens !== null) {
        sensView = createSensitivityView({
          useOutput: () => void sens.useSelectedOutput(),
          chooseInput: (slot, choice) => void sens.chooseInput(slot, choice),
          setBound: (slot, which, value) => sens.setBound(slot, which, value),
          setSteps: (steps) => sens.setSteps(steps),
          setKeepPartial: (keep) => sens.setKeepPartial(keep),
          oneWay: () => void sens.runOneWay(),
          twoWay: () => void sens.runTwoWay(),
          tornado: () => void sens.runTornado(),
          scenarios: () => void sens.runComparison(),
          cancel: () => sens.cancel(),
          dismissRecovery: () => void sens.dismissRecovery(),
        });
      }
      view = createView(
        root,
        {
          scenario: (id) => {
            // Switching the scenario while a table drives the inputs would spoil the table.
            if (sens !== null && isSensitivityBusy(sens.state.status)) render();
            else void controller.switchScenario(id);
          },
          loadBaseline: () => void controller.loadBaseline(),
          loadSheet: (kind) => void controller.loadSheet(kind),
          answer: (choice) => void controller.answer(choice),
        },
        { helpUrl: options.helpUrl ?? 'help.html', sections: sensView === undefined ? [] : [sensView.element] },
      );
      // Each part says what happened next to its own buttons: the load messages in the pane's bar,
      // the Sensitivity section's in its own.
      let paneState: PaneState = controller.state;
      let sensState: SensitivityState | null = sens?.state ?? null;
      const render = (): void => {
        view?.render(paneState, { locked: sensState !== null && isSensitivityBusy(sensState.status), note: null });
        if (sensState !== null) sensView?.render(sensState, isBusy(paneState.status));
      };
      unsubscribes.push(
        controller.subscribe((state) => {
          paneState = state;
          render();
        }),
      );
      if (sens !== null) {
        unsubscribes.push(
          sens.subscribe((state) => {
            sensState = state;
            render();
          }),
        );
        // The scenario choice follows the workbook's selector cell, wherever it was changed.
        const follow = (): void => {
          const selector = controller.state.selector;
          if (selector === null || !isDrivable(target)) return;
          target.readCells([selector]).then(
            ([c]) => controller.followSelector(c?.value),
            () => undefined, // a selector that cannot be read leaves the choice as it is
          );
        };
        if (options.workbookChanges !== undefined) unsubscribes.push(options.workbookChanges(follow));
        // The named assumptions on offer: those of the workbook now, and again after each load.
        void sens.refreshAssumptions();
        unsubscribes.push(
          controller.subscribe((state) => {
            if (state.status.kind === 'done' && state.status.sheets.length > 0) void sens.refreshAssumptions();
          }),
        );
      }
    },
    (error: unknown) => {
      // Without its controls the pane cannot work: say so where the pane would be.
      if (!disposed) root.textContent = `DefEcon could not start its pane: ${errorMessage(error)}`;
    },
  );
  return {
    controller,
    sensitivity,
    ready,
    dispose(): void {
      disposed = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      sensView?.dispose();
      view?.dispose();
    },
  };
}
