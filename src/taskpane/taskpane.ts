// Entry of the task pane (the shared-runtime page also loads functions.js): it only wires.
import { ExcelTarget } from './excel';
import { isExcel, showNotInExcel } from './host';
import { mountPane } from './pane';

const root = document.getElementById('app');

if (root !== null) {
  if (typeof Office === 'undefined') {
    // office.js did not load (no network, or the page was opened from disk).
    showNotInExcel(root, null);
  } else {
    void Office.onReady((info) => {
      if (isExcel(info.host)) mountPane(root, new ExcelTarget());
      else showNotInExcel(root, info.host);
    });
  }
}
