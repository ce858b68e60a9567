/**
 * The preview as a spreadsheet people trust (issue 13): a click lands on the cell under the
 * pointer even where a neighbour's text runs over it, and Ctrl+Z / Ctrl+Y take back and make again
 * a cell edit, recalculating what depends on it.
 *
 * Needs Chromium (see `harness.ts`). DEFECON_E2E_PREBUILT=1 skips the build and serves dist-preview/ as it is.
 */
import type { Page } from 'playwright-core';
import { headline } from '../workbook/expected';
import { address } from '../../src/workbook/plan';
import { besideLabel, type OpenPreview, openPreview, PLAN, sheetPlan } from './harness';

const cell = (ref: string): string => `[data-cell="${ref}"]`;
const DEPLOYED = `Force!${besideLabel('Force', 'Deployed force')}`;
const DENSITY = `Assumptions!${besideLabel('Assumptions', 'density_per_km2', 3)}`;
const DENSITY_VALUE = sheetPlan('Assumptions').cells.find((r) => r[0]?.content === 'density_per_km2')?.[3]?.content;

async function openSheet(page: Page, sheet: string): Promise<void> {
  await page.click(`[data-sheet="${sheet}"]`);
  await page.waitForSelector(`table.grid[data-grid-sheet="${sheet}"]`);
}

/** The first row of `sheet` whose column A holds text and whose columns B to D are empty: A's text runs over D. */
function overflowingRow(sheet: string): number {
  const row = sheetPlan(sheet).cells.findIndex(
    (r) =>
      typeof r[0]?.content === 'string' &&
      r[0].content.length > 40 &&
      [1, 2, 3].every((c) => r[c]?.content === undefined || r[c]?.content === null || r[c]?.content === ''),
  );
  if (row < 0) throw new Error(`no long text in column A of ${sheet}`);
  return row;
}

describe('the preview grid as a spreadsheet', () => {
  let preview: OpenPreview | undefined;
  let page: Page;

  beforeAll(async () => {
    preview = await openPreview();
    page = preview.page;
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('before any load, a scenario radio writes nothing and says so (defect 7)', async () => {
    await page.click('#scenario-no_deal');
    await page.waitForSelector('#message[data-kind="done"]');
    expect(await page.textContent('#message-text')).toBe('The next load starts on No agreement; no baseline is loaded yet, so nothing was written.');
    expect(await page.$$('.wb-tab')).toEqual([]);
    await page.click('#scenario-peace');
    await page.click('#load-baseline');
    await page.waitForSelector('.defecon-pane[data-status="done"]', { timeout: 30_000 });
  });

  it('moves the scenario radio when the selector cell is changed in the workbook (defect 7)', async () => {
    const { sheet, address: at } = PLAN.scenarioCell;
    await openSheet(page, sheet);
    await page.click(cell(`${sheet}!${at}`));
    await page.selectOption(`${cell(`${sheet}!${at}`)} select`, 'No agreement');
    await page.waitForFunction(() => document.querySelector('#scenario')?.getAttribute('value') === 'no_deal');
    await page.click(cell(`${sheet}!${at}`));
    await page.selectOption(`${cell(`${sheet}!${at}`)} select`, 'Lasting peace');
    await page.waitForFunction(() => document.querySelector('#scenario')?.getAttribute('value') === 'peace');
  });

  it('selects and edits the cell under the pointer, not the one whose text runs over it (defect 1)', async () => {
    await openSheet(page, 'Assumptions');
    const row = overflowingRow('Assumptions');
    const long = `Assumptions!${address(row, 0)}`;
    const under = `Assumptions!${address(row, 3)}`;
    const text = String(sheetPlan('Assumptions').cells[row]?.[0]?.content);
    // The precondition the defect needs: A's drawn text covers the middle of D.
    const box = await page.locator(`${cell(long)} .spill`).boundingBox();
    const target = await page.locator(cell(under)).boundingBox();
    if (box === null || target === null) throw new Error('the cells are not drawn');
    const x = target.x + target.width / 2;
    const y = target.y + target.height / 2;
    expect(box.x + box.width).toBeGreaterThan(x);

    await page.mouse.click(x, y);
    expect(await page.textContent('#name-box')).toBe(address(row, 3));
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'hello', cell(under));
    expect(await page.textContent(cell(long))).toBe(text);
    // Put the sheet back as it was.
    await page.click(cell(under));
    await page.keyboard.press('Delete');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === '', cell(under));
  });

  it('undoes a typed value with Ctrl+Z and makes it again with Ctrl+Y, recalculating the Force sheet (defect 2)', async () => {
    await openSheet(page, 'Assumptions');
    await page.click(cell(DENSITY));
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await openSheet(page, 'Force');
    await page.waitForSelector(`${cell(DEPLOYED)}.is-error`);

    await page.keyboard.press('Control+z');
    // Undo shows the cell it changed, with the sourced value back, and the force recalculated.
    await page.waitForSelector(`table.grid[data-grid-sheet="Assumptions"]`);
    expect(await page.textContent('#name-box')).toBe(DENSITY.split('!')[1]);
    expect(Number(await page.getAttribute(cell(DENSITY), 'data-value'))).toBe(DENSITY_VALUE);
    await openSheet(page, 'Force');
    expect(Number(await page.getAttribute(cell(DEPLOYED), 'data-value'))).toBeCloseTo(headline('peace').deployed, 6);

    await page.keyboard.press('Control+y');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === 'abc', cell(DENSITY));
    await page.keyboard.press('Control+z');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-value') !== null, cell(DENSITY));
    expect(Number(await page.getAttribute(cell(DENSITY), 'data-value'))).toBe(DENSITY_VALUE);
    expect(await page.textContent('#status-bar')).toMatch(/^Undone/);
  });

  it.each([
    ['51', '51 was refused'],
    ['1000', '1000 was refused'],
    ['0', '0 was refused'],
    ['-3', '-3 was refused'],
    ['', 'the field is empty'],
  ])('refuses %p steps per axis with a message under the buttons, keeping 11 (defect 5)', async (typed, why) => {
    await page.fill('#sens-steps', typed);
    await page.press('#sens-steps', 'Tab');
    await page.waitForSelector('#sens-message[data-kind="error"]');
    expect(await page.textContent('#sens-message-text')).toBe(
      `Steps per axis must be a whole number from 2 to 50; ${why}, so the tables keep 11 steps.`,
    );
    expect(await page.inputValue('#sens-steps')).toBe('11');
    // A whole number in range is taken, and takes the message away.
    for (const steps of ['12', '11']) {
      await page.fill('#sens-steps', steps);
      await page.press('#sens-steps', 'Tab');
      await page.waitForSelector('#sens-message[hidden]', { state: 'attached' });
    }
  });

  it('says what went wrong next to the button that was clicked, its numbers grouped (defect 6)', async () => {
    await openSheet(page, 'Force');
    await page.click(cell(DEPLOYED));
    await page.click('#sens-use-output');
    await page.selectOption('#sens-input-1', 'density_per_km2');
    await page.fill('#sens-low-1', '28.076923077');
    await page.press('#sens-low-1', 'Tab');
    await page.fill('#sens-high-1', '20');
    await page.press('#sens-high-1', 'Tab');
    await page.click('#sens-one-way');
    await page.waitForSelector('#sens-message[data-kind="error"]');
    // 28.076923077 to 6 significant digits is 28.0769.
    expect(await page.textContent('#sens-message-text')).toMatch(/low \(28\.0769\) must be below high \(20\)\.$/);
    // The message sits just under the buttons and in view, not at the top of the pane.
    const button = await page.locator('#sens-one-way').boundingBox();
    const message = await page.locator('#sens-message').boundingBox();
    if (button === null || message === null) throw new Error('the button or the message is not drawn');
    expect(message.y).toBeGreaterThan(button.y);
    expect(message.y - (button.y + button.height)).toBeLessThan(80);
    expect(message.y + message.height).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
  });

  it('logs no page errors', () => {
    expect(preview?.problems).toEqual([]);
  });
});
