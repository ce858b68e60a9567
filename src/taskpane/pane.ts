/**
 * The pane, mounted into a page: the one entry both the Excel task pane (`taskpane.ts`, with
 * `ExcelTarget`) and the browser preview (with its engine's target) call. Nothing happens at import.
 */
import type { ScenarioId } from '../data/types';
import type { WorkbookTarget } from '../workbook/target';
import { messageOf, PaneController } from './controller';
import { defineFluent } from './fluent';
import { createView, type View } from './view';

export interface PaneOptions {
  /** The scenario chosen at the start (default: lasting peace). */
  readonly scenario?: ScenarioId;
  /** Where the function reference is served, relative to the page or absolute (default `help.html`). */
  readonly helpUrl?: string;
}

export interface MountedPane {
  /** The pane's logic, for pages that want to drive or watch it (the preview, tests). */
  readonly controller: PaneController;
  /** Resolves once the controls are on the page (the Fluent components register asynchronously). */
  readonly ready: Promise<void>;
  /** Removes the pane from the page and stops listening; the workbook is left as it is. */
  dispose(): void;
}

/**
 * Builds the pane inside `root` (replacing its content) over `target`: scenario choice, loading the
 * baseline or one sheet, progress, the conflict question, messages and the function list.
 */
export function mountPane(root: HTMLElement, target: WorkbookTarget, options: PaneOptions = {}): MountedPane {
  const controller = new PaneController(target, options.scenario === undefined ? {} : { scenario: options.scenario });
  let view: View | undefined;
  let unsubscribe: (() => void) | undefined;
  let disposed = false;
  const ready = defineFluent().then(
    () => {
      if (disposed) return;
      view = createView(
        root,
        {
          scenario: (id) => void controller.switchScenario(id),
          loadBaseline: () => void controller.loadBaseline(),
          loadSheet: (kind) => void controller.loadSheet(kind),
          answer: (choice) => void controller.answer(choice),
        },
        { helpUrl: options.helpUrl ?? 'help.html' },
      );
      const shown = view;
      unsubscribe = controller.subscribe((state) => shown.render(state));
    },
    (error: unknown) => {
      // Without its controls the pane cannot work: say so where the pane would be.
      if (!disposed) root.textContent = `DefEcon could not start its pane: ${messageOf(error)}`;
    },
  );
  return {
    controller,
    ready,
    dispose(): void {
      disposed = true;
      unsubscribe?.();
      view?.dispose();
    },
  };
}
