/**
 * The pane's Sensitivity section end to end in the browser preview: load the baseline, click the
 * Force sheet's deployed-force cell and use it as output, vary the line (a selected cell: the
 * baseline gives it no low and high) and the density (a named assumption), build a two-way table
 * and a tornado through the pane's own buttons, and check the new sheets against the model core.
 * Saves `test-results/sensitivity.png`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { findAssumption } from '../../src/data/assumptions';
import { forceSize } from '../../src/model/force';
import { num } from '../workbook/expected';
import { address } from '../../src/workbook/plan';
import { besideLabel, type OpenPreview, openPreview, ROOT, sheetPlan } from './harness';

const SCREENSHOT = path.join(ROOT, 'test-results', 'sensitivity.png');
const DEPLOYED = besideLabel('Force', 'Deployed force');
/** The line's Lasting peace value on the Assumptions sheet (the scenario column the selector reads). */
const LINE = `Assumptions!${besideLabel('Assumptions', 'line_km', 3)}`;
const LINE_LABEL = findAssumption('line_km')?.label ?? 'line_km';
const ZONE_DEPTH = num('zone_depth_km', 'peace');
const cell = (ref: string): string => `[data-cell="${ref}"]`;

async function openSheet(page: Page, sheet: string): Promise<void> {
  await page.click(`[data-sheet="${sheet}"]`);
  await page.waitForSelector(`table.grid[data-grid-sheet="${sheet}"]`);
}

/** A cell's unformatted number, as the grid holds it. */
async function valueAt(page: Page, ref: string): Promise<number> {
  const v = await page.locator(cell(ref)).getAttribute('data-value');
  if (v === null) throw new Error(`${ref} shows no number: ${(await page.locator(cell(ref)).textContent()) ?? ''}`);
  return Number(v);
}

/** Waits for the Sensitivity section to finish; fails with the pane's message if it did not succeed. */
async function finished(page: Page): Promise<string> {
  await page.waitForSelector('#sensitivity:is([data-status="done"], [data-status="error"], [data-status="cancelled"])', { timeout: 60_000 });
  const message = (await page.textContent('#sens-message-text')) ?? '';
  expect({ status: await page.getAttribute('#sensitivity', 'data-status'), message }).toEqual({
    status: 'done',
    message: expect.any(String) as string,
  });
  return message;
}

describe('the Sensitivity section in the browser preview', () => {
  let preview: OpenPreview | undefined;
  let page: Page;

  beforeAll(async () => {
    preview = await openPreview({ width: 1440, height: 1000 });
    page = preview.page;
    await page.click('#load-baseline');
    await page.waitForSelector('.defecon-pane[data-status="done"]', { timeout: 30_000 });
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('offers the named assumptions with a low and a high once the baseline is loaded', async () => {
    await page.waitForSelector('#sens-input-1 option[value="density_per_km2"]', { state: 'attached' });
    const names = await page.$$eval('#sens-input-1 option', (os) => os.map((o) => o.getAttribute('value')));
    expect(names).toEqual(expect.arrayContaining(['none', 'density_per_km2', 'zone_depth_km', 'selected']));
  });

  it('uses the cell clicked in the grid as output, with its label and formula', async () => {
    expect(DEPLOYED).toBe('B13');
    await openSheet(page, 'Force');
    await page.click(cell(`Force!${DEPLOYED}`));
    await page.click('#sens-use-output');
    await page.waitForFunction(() => document.querySelector('#sens-output')?.textContent?.includes('Force!B13') === true);
    expect(await page.textContent('#sens-output')).toMatch(/^Deployed force \(Force!B13\)/);
    const formula = sheetPlan('Force').cells.find((r) => r[0]?.content === 'Deployed force')?.[1]?.content;
    expect(await page.textContent('#sens-output-formula')).toBe(formula);
  });

  it('builds a two-way table of line x density into a new sheet, each point line x 4 x density', async () => {
    // The line has no low and high in the baseline: select its cell and type them.
    await openSheet(page, 'Assumptions');
    await page.click(cell(LINE));
    await page.click('#sens-input-1-use');
    await page.waitForFunction(() => (document.querySelector('#sens-input-1-info')?.textContent ?? '') !== '');
    // The label in column A of the Assumptions sheet is the id: the pane shows the assumption's label.
    expect(await page.textContent('#sens-input-1-info')).toBe(`${LINE_LABEL} (${LINE}); now 1,040`);
    expect(await page.inputValue('#sens-input-1')).toBe('selected');
    await page.fill('#sens-low-1', '800');
    await page.press('#sens-low-1', 'Tab');
    await page.fill('#sens-high-1', '1300');
    await page.press('#sens-high-1', 'Tab');
    await page.selectOption('#sens-input-2', 'density_per_km2');
    await page.waitForFunction(() => document.querySelector('#sens-input-2-info')?.textContent?.includes('density_per_km2') === true);

    await page.click('#sens-two-way');
    expect(await finished(page)).toBe('Wrote the two-way table to the new sheet Sensitivity.');
    await openSheet(page, 'Sensitivity');
    // Rows from A6 (the line, 800 to 1,300 in 11 steps), columns from B5 (the density), results from B6.
    expect(await valueAt(page, 'Sensitivity!A6')).toBe(800);
    expect(await valueAt(page, 'Sensitivity!A16')).toBe(1300);
    for (const [r, c] of [
      [0, 0],
      [3, 7],
      [10, 10],
      [5, 2],
    ] as const) {
      const line = await valueAt(page, `Sensitivity!A${6 + r}`);
      const density = await valueAt(page, `Sensitivity!${address(4, 1 + c)}`);
      // Deployed force = line (km) x zone depth (4 km) x density (troops per km²), DEF.FORCE_SIZE.
      const want = forceSize(line * ZONE_DEPTH, density);
      expect(await valueAt(page, `Sensitivity!${address(5 + r, 1 + c)}`)).toBeCloseTo(want, 6);
    }
  });

  it('builds a live table when both inputs are named assumptions: one spilled DEF formula that recalculates', async () => {
    // line_km (its range from the base, 1,040, to its high, 1,250) against density_per_km2, both by name.
    await page.selectOption('#sens-input-1', 'line_km');
    await page.waitForFunction(() => document.querySelector('#sens-input-1-info')?.textContent?.includes('line_km') === true);
    await page.selectOption('#sens-input-2', 'density_per_km2');
    await page.click('#sens-two-way');
    expect(await finished(page)).toBe('Wrote the two-way table to the new sheet Sensitivity (2).');
    await openSheet(page, 'Sensitivity (2)');
    await page.click(cell('Sensitivity (2)!B6'));
    expect(await page.inputValue('#formula-bar')).toMatch(/^=DEF\.FORCE_SIZE\(\$A\$6:\$A\$16\*zone_depth_km,\$B\$5:\$L\$5\)$/);
    for (const [r, c] of [
      [0, 0],
      [10, 10],
      [4, 6],
    ] as const) {
      const line = await valueAt(page, `Sensitivity (2)!A${6 + r}`);
      const density = await valueAt(page, `Sensitivity (2)!${address(4, 1 + c)}`);
      expect(await valueAt(page, `Sensitivity (2)!${address(5 + r, 1 + c)}`)).toBeCloseTo(forceSize(line * ZONE_DEPTH, density), 6);
    }
    // Live: a deeper zone (5 km, the baseline's high) on the Assumptions sheet changes the table at once.
    const depthCell = `Assumptions!${besideLabel('Assumptions', 'zone_depth_km', 3)}`;
    await openSheet(page, 'Assumptions');
    await page.click(cell(depthCell));
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await openSheet(page, 'Sensitivity (2)');
    const line = await valueAt(page, 'Sensitivity (2)!A6');
    const density = await valueAt(page, 'Sensitivity (2)!B5');
    expect(await valueAt(page, 'Sensitivity (2)!B6')).toBeCloseTo(forceSize(line * 5, density), 6);
    // Put the sourced depth back.
    await openSheet(page, 'Assumptions');
    await page.click(cell(depthCell));
    await page.keyboard.type(String(ZONE_DEPTH));
    await page.keyboard.press('Enter');
  });

  it('builds a tornado whose first row is the input with the biggest swing', async () => {
    await page.click('#sens-tornado');
    expect(await finished(page)).toBe('Wrote the tornado to the new sheet Tornado.');
    await openSheet(page, 'Tornado');
    // Swings of the deployed force, each input from its low to its high with the others at base.
    const base = { line_km: num('line_km', 'peace'), zone_depth_km: ZONE_DEPTH, density_per_km2: num('density_per_km2', 'peace') };
    const deployed = (x: typeof base): number => forceSize(x.line_km * x.zone_depth_km, x.density_per_km2);
    const swings = (Object.keys(base) as (keyof typeof base)[]).flatMap((id) => {
      const a = findAssumption(id);
      if (a?.low == null || a.high == null) return [];
      return [{ id, label: a.label, swing: Math.abs(deployed({ ...base, [id]: a.high }) - deployed({ ...base, [id]: a.low })) }];
    });
    swings.sort((a, b) => b.swing - a.swing);
    const biggest = swings[0];
    expect(['density_per_km2', 'line_km']).toContain(biggest?.id);
    expect(await page.textContent(cell('Tornado!A6'))).toBe(biggest?.label);
    expect(await valueAt(page, 'Tornado!F6')).toBeCloseTo(biggest?.swing ?? NaN, 6);
  });

  it('saves a screenshot of the two-way table beside the pane', async () => {
    await openSheet(page, 'Sensitivity');
    await page.locator('#sensitivity').scrollIntoViewIfNeeded();
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`[sensitivity] screenshot: ${SCREENSHOT}`);
  });

  it('logs no page errors', () => {
    expect(preview?.problems).toEqual([]);
  });
});
