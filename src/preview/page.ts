/**
 * The preview page's parts put together: a workbook on the embedded engine, its view, and the
 * add-in's own pane mounted beside it over the same {@link WorkbookTarget} Excel would give it.
 * Nothing happens at import; `preview.ts` (the entry) calls {@link startPreview}.
 */
import type { WorkbookTarget } from '../workbook/writer';
import { PreviewTarget } from './target';
import { WorkbookView } from './view';

/** How the page mounts the pane: `mountPane` from src/taskpane/pane.ts has this shape. */
export type MountPane<P> = (
  root: HTMLElement,
  target: WorkbookTarget,
  options: { readonly helpUrl: string; readonly workbookChanges: (listener: () => void) => () => void },
) => P;

export interface Preview<P> {
  readonly target: PreviewTarget;
  readonly view: WorkbookView;
  readonly pane: P;
}

function part(doc: Document, id: string): HTMLElement {
  const e = doc.getElementById(id);
  if (e === null) throw new Error(`preview.html has no #${id}`);
  return e;
}

/** Builds the workbook view in `#workbook` and mounts the pane in `#pane`, both over one new workbook. */
export function startPreview<P>(doc: Document, mountPane: MountPane<P>): Preview<P> {
  const target = new PreviewTarget();
  const view = new WorkbookView(part(doc, 'workbook'), target);
  const pane = mountPane(part(doc, 'pane'), target, { helpUrl: 'help.html', workbookChanges: (listener) => target.subscribe(() => listener()) });
  return { target, view, pane };
}
