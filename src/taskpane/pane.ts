/**
 * The task pane's logic, kept free of import-time side effects so tests can import it.
 * `taskpane.ts` is the entry that wires it to the page.
 */

/** Where the pane finds itself, as shown in its status line. */
export interface HostStatus {
  /** `excel`: inside Excel; `other-host`: inside another Office application; `no-office`: a plain browser. */
  readonly state: "excel" | "other-host" | "no-office";
  readonly text: string;
}

/**
 * The status for the host `Office.onReady` reported: `null` outside Office, else the host's name.
 * The name is a string at run time ("Excel"), although @types/office-js declares `Office.HostType`
 * as a numeric enum; anything that is not a string counts as no host.
 */
export function hostStatus(host: unknown): HostStatus {
  if (host === "Excel") {
    return { state: "excel", text: "Running in Excel" };
  }
  if (typeof host === "string" && host !== "") {
    return { state: "other-host", text: `Running in ${host}: the DEF.* functions need Excel` };
  }
  return { state: "no-office", text: "Office not detected: open DefEcon from Excel to use the DEF.* functions" };
}

/** Writes a status into the status element (text and a `data-state` the CSS styles). */
export function showStatus(element: HTMLElement, status: HostStatus): void {
  element.textContent = status.text;
  element.dataset.state = status.state;
}
