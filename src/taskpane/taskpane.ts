// Entry of the task pane (the shared-runtime page also loads functions.js): it only wires.
import { hostStatus, showStatus } from "./pane";

const statusElement = document.getElementById("status");

if (statusElement !== null) {
  if (typeof Office === "undefined") {
    // office.js did not load (no network, or the page was opened from disk).
    showStatus(statusElement, hostStatus(null));
  } else {
    void Office.onReady((info) => showStatus(statusElement, hostStatus(info.host)));
  }
}
