/**
 * The browser preview end to end: the page built by `npm run build:preview`, served from
 * 127.0.0.1, opened in Chromium. The pane's own Load baseline button writes the workbook; the
 * scenario is switched with the selector cell's drop-down as a user would, and the Force sheet must
 * show the deployed force the model core computes in Node. No sheet may show an error.
 *
 * Needs Chromium: /usr/bin/chromium (Debian's `apt-get install chromium`) or CHROMIUM_PATH
 * (see `harness.ts`). DEFECON_E2E_PREBUILT=1 skips the build and serves dist-preview/ as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { formatNumber } from '../../src/preview/format';
import type { ScenarioId } from '../../src/data/types';
import { headline, num, SCENARIO_IDS, scenarioLabel } from '../workbook/expected';
import { address } from '../../src/workbook/plan';
import { besideLabel, type OpenPreview, openPreview, PLAN, ROOT, sheetPlan } from './harness';

const SCREENSHOT = path.join(ROOT, 'test-results', 'preview.png');

const DEPLOYED = besideLabel('Force', 'Deployed force');
/** The density input of the Lasting peace column, and its sourced value. */
const DENSITY = `Assumptions!${besideLabel('Assumptions', 'density_per_km2', 3)}`;
const DENSITY_VALUE = String(sheetPlan('Assumptions').cells.find((r) => r[0]?.content === 'density_per_km2')?.[3]?.content);
const cell = (ref: string): string => `[data-cell="${ref}"]`;

async function openSheet(page: Page, sheet: string): Promise<void> {
  await page.click(`[data-sheet="${sheet}"]`);
  await page.waitForSelector(`table.grid[data-grid-sheet="${sheet}"]`);
}

/** Waits until a cell shows a number close to `expected`; returns what it shows. */
async function waitForNumber(page: Page, ref: string, expected: number): Promise<{ value: number; text: string }> {
  await page.waitForFunction(
    ([selector, want]) => {
      const v = Number(document.querySelector(selector)?.getAttribute('data-value'));
      return Math.abs(v - want) <= 1e-9 * Math.max(1, Math.abs(want));
    },
    [cell(ref), expected] as const,
    { timeout: 10_000 },
  );
  const td = page.locator(cell(ref));
  return { value: Number(await td.getAttribute('data-value')), text: (await td.textContent()) ?? '' };
}

async function chooseScenario(page: Page, scenario: ScenarioId): Promise<void> {
  const { sheet, address: at } = PLAN.scenarioCell;
  await openSheet(page, sheet);
  await page.click(cell(`${sheet}!${at}`));
  await page.selectOption(`${cell(`${sheet}!${at}`)} select`, scenarioLabel(scenario));
}

/** Every cell that shows an error, on every sheet, as `Sheet!A1 #CODE`. */
async function errorCells(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const s of PLAN.sheets) {
    await openSheet(page, s.name);
    found.push(
      ...(await page.$$eval('table.grid td', (tds) =>
        tds
          .filter(
            (td) =>
              td.classList.contains('is-error') || /^#(N\/A|VALUE!|NAME\?|REF!|DIV\/0!|NUM!|ERROR!|SPILL!|CYCLE!|NULL!)/.test(td.textContent ?? ''),
          )
          .map((td) => `${td.getAttribute('data-cell') ?? '?'} ${td.textContent ?? ''} ${td.getAttribute('title') ?? ''}`),
      )),
    );
  }
  return found;
}

/** Types a value into a cell of the sheet on show, as a user does: select, type, Enter. */
async function typeInto(page: Page, ref: string, text: string): Promise<void> {
  await page.click(cell(ref));
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Puts the sourced density back and waits for the deployed force to return to its baseline value. */
async function restoreDensity(page: Page): Promise<void> {
  await openSheet(page, 'Assumptions');
  await typeInto(page, DENSITY, DENSITY_VALUE);
  await openSheet(page, 'Force');
  await waitForNumber(page, `Force!${DEPLOYED}`, headline('peace').deployed);
}

describe('the browser preview', () => {
  let preview: OpenPreview | undefined;
  let page: Page;
  let problems: string[] = [];

  beforeAll(async () => {
    preview = await openPreview();
    page = preview.page;
    problems = preview.problems;
  });

  afterAll(async () => {
    await preview?.close();
  });

  it('loads the baseline with the pane’s own button', async () => {
    await page.click('#load-baseline');
    await page.waitForSelector('.defecon-pane[data-status="done"]', { timeout: 30_000 });
    const tabs = await page.$$eval('.wb-tab', (bs) => bs.map((b) => b.getAttribute('data-sheet')));
    expect(tabs).toEqual(PLAN.sheets.map((s) => s.name));
  });

  it.each(SCENARIO_IDS)('shows the model core’s deployed force in scenario %s, chosen in the selector’s drop-down', async (scenario) => {
    await chooseScenario(page, scenario);
    await openSheet(page, 'Force');
    const want = headline(scenario).deployed;
    const shown = await waitForNumber(page, `Force!${DEPLOYED}`, want);
    expect(shown.text).toBe(formatNumber(want, '#,##0'));
    expect(await errorCells(page)).toEqual([]);
  });

  it('recalculates live when an input is typed: density 10 troops/km2 gives line x depth x 10 (1,040 x 4 x 10 = 41,600)', async () => {
    await chooseScenario(page, 'peace');
    await typeInto(page, DENSITY, '10');
    await openSheet(page, 'Force');
    const want = num('line_km', 'peace') * num('zone_depth_km', 'peace') * 10;
    expect((await waitForNumber(page, `Force!${DEPLOYED}`, want)).text).toBe(formatNumber(want, '#,##0'));
    await restoreDensity(page);
  });

  it('shows an error’s code in the cell and its message as the tooltip', async () => {
    await chooseScenario(page, 'peace');
    await typeInto(page, DENSITY, '-1');
    await openSheet(page, 'Force');
    const td = page.locator(cell(`Force!${DEPLOYED}`));
    await page.waitForSelector(`${cell(`Force!${DEPLOYED}`)}.is-error`);
    expect(await td.textContent()).toBe('#VALUE!');
    expect(await td.getAttribute('title')).toMatch(/density/);
    await restoreDensity(page);
  });

  it('renormalises the fund when a country’s Participates is switched to No in its drop-down', async () => {
    const row = sheetPlan('Fund').cells.findIndex((r) => r[0]?.content === 'DE');
    const participates = `Fund!${address(row, 2)}`;
    const contribution = `Fund!${address(row, 4)}`;
    await openSheet(page, 'Fund');
    await page.click(cell(participates));
    await page.selectOption(`${cell(participates)} select`, 'No');
    await waitForNumber(page, contribution, 0);
    await page.click(cell(participates));
    await page.selectOption(`${cell(participates)} select`, 'Yes');
    await waitForNumber(page, contribution, headline('peace').contributionDE);
  });

  it('switches the scenario from the pane too: the pane and the workbook share the target', async () => {
    await page.click('#scenario-collapse');
    await page.waitForSelector('.defecon-pane[data-status="done"]');
    await openSheet(page, 'Force');
    await waitForNumber(page, `Force!${DEPLOYED}`, headline('collapse').deployed);
    await page.click('#scenario-peace');
    await page.waitForSelector('.defecon-pane[data-status="done"]');
    await waitForNumber(page, `Force!${DEPLOYED}`, headline('peace').deployed);
  });

  it('shows the selected cell’s formula in the formula bar, and the screenshot of the Force sheet', async () => {
    await openSheet(page, 'Force');
    await page.click(cell(`Force!${DEPLOYED}`));
    const formula = sheetPlan('Force').cells.find((r) => r[0]?.content === 'Deployed force')?.[1]?.content;
    expect(await page.inputValue('#formula-bar')).toBe(formula);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`[preview] screenshot: ${SCREENSHOT}`);
  });

  it('logs no page errors', () => {
    expect(problems).toEqual([]);
  });
});
