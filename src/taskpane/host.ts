/**
 * Where the pane page finds itself. `Office.onReady` reports the host as a string at run time
 * ("Excel"), although @types/office-js declares `Office.HostType` as an enum; outside Office it
 * reports `null`, and when office.js did not load there is no `Office` at all.
 */

/** True when the page runs inside Excel. */
export function isExcel(host: unknown): boolean {
  return host === 'Excel';
}

/** What the page says where the pane cannot run. */
export function notInExcelMessage(host: unknown): string {
  const where = typeof host === 'string' && host !== '' ? `DefEcon needs Excel, not ${host}. ` : '';
  return `${where}Open this pane in Excel, or use the preview page to try DefEcon in a browser.`;
}

/** Where the browser preview is served, beside the pane page (`npm start`, `npm run build:preview`). */
export const PREVIEW_PAGE = 'preview.html';

/**
 * Shows {@link notInExcelMessage} in `root`, its words "preview page" a link to the preview, so the
 * page's text stays the message itself.
 */
export function showNotInExcel(root: HTMLElement, host: unknown): void {
  const message = notInExcelMessage(host);
  const words = 'preview page';
  const at = message.indexOf(words);
  const link = document.createElement('a');
  link.href = PREVIEW_PAGE;
  link.id = 'preview-link';
  link.textContent = words;
  root.replaceChildren(message.slice(0, at), link, message.slice(at + words.length));
}
