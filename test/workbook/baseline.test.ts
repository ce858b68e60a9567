/**
 * The baseline workbook evaluated: every sheet of `baselinePlan` loaded into the preview's engine
 * (HyperFormula with the DEF functions), every formula computed, in every scenario, and the
 * headline numbers compared with the model core computed directly (./expected.ts).
 */
import { COUNTRIES } from '../../src/data/countries';
import { KEYS } from '../../src/data/keys';
import type { ScenarioId } from '../../src/data/types';
import { fundShare } from '../../src/model/fund';
import { PreviewTarget, type PreviewValue, isPreviewError } from '../../src/preview/target';
import { type BaselinePlan, baselinePlan, sheetName } from '../../src/workbook/baseline';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { close, headline, num, SCENARIO_IDS, scenarioLabel } from './expected';

async function load(plan: WorkbookPlan, target = new PreviewTarget()): Promise<PreviewTarget> {
  await target.apply(plan, { replace: [] });
  return target;
}

/** Every formula cell of every sheet whose value is an error, as `Sheet!A1 #CODE message`. */
function errorCells(target: PreviewTarget): string[] {
  return target
    .sheets()
    .flatMap((s) => target.formulaValues(s.name))
    .filter(([, v]) => isPreviewError(v))
    .map(([at, v]) => (isPreviewError(v) ? `${at} ${v.code} ${v.message}` : at));
}

/** The row (0-based) whose column A holds `label`. */
function rowOf(target: PreviewTarget, sheet: string, label: string): number {
  const info = target.sheet(sheet);
  if (info === undefined) throw new Error(`no sheet ${sheet}`);
  for (let r = 0; r < info.rows; r++) {
    if (target.cell(sheet, r, 0).value === label) return r;
  }
  throw new Error(`no row labelled "${label}" on ${sheet}`);
}

/** The value beside a label: column B on the model sheets, column C on the Fund sheet. */
function valueOf(target: PreviewTarget, sheet: string, label: string, col = 1): PreviewValue {
  return target.cell(sheet, rowOf(target, sheet, label), col).value;
}

const COL = { participates: 2, share: 3, contribution: 4, guarantee: 5 } as const;

/** The Fund sheet's column for each country code. */
function fundColumn(target: PreviewTarget, col: number, sheet = 'Fund'): Map<string, PreviewValue> {
  return new Map(COUNTRIES.map((c) => [c.code, target.cell(sheet, rowOf(target, sheet, c.code), col).value]));
}

function sum(values: Iterable<PreviewValue>): number {
  let total = 0;
  for (const v of values) if (typeof v === 'number') total += v;
  return total;
}

async function selectScenario(target: PreviewTarget, plan: BaselinePlan, scenario: ScenarioId): Promise<void> {
  await target.setValue(plan.scenarioCell.sheet, plan.scenarioCell.address, scenarioLabel(scenario));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

describe('baselinePlan in the preview engine', () => {
  const plan = baselinePlan({ scenario: 'peace' });
  let target: PreviewTarget;

  beforeAll(async () => {
    target = await load(plan);
  });

  it('reports how long building and applying the baseline takes (median of 5)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await load(baselinePlan({ scenario: 'peace' }));
      times.push(performance.now() - t0);
    }
    console.log(
      `[preview] baseline plan built and applied to a fresh engine: median ${median(times).toFixed(0)} ms ` +
        `over ${times.length} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
    );
    expect(median(times)).toBeLessThan(10_000);
  });

  it('writes every sheet of the plan, in order', async () => {
    expect(await target.sheetNames()).toEqual(plan.sheets.map((s) => s.name));
    expect(new Set(await target.definedNames())).toEqual(new Set(plan.names.map((n) => n.name)));
  });

  it.each(SCENARIO_IDS)('computes every formula without an error in scenario %s', async (scenario) => {
    await selectScenario(target, plan, scenario);
    const formulas = target.sheets().flatMap((s) => target.formulaValues(s.name));
    expect(formulas.length).toBeGreaterThan(100);
    expect(errorCells(target)).toEqual([]);
  });

  it.each(SCENARIO_IDS)('shows the model core’s headline numbers in scenario %s', async (scenario) => {
    await selectScenario(target, plan, scenario);
    const want = headline(scenario);
    const got = {
      deployed: valueOf(target, 'Force', 'Deployed force'),
      committed: valueOf(target, 'Force', 'Committed force, with rotation'),
      annualCost: valueOf(target, 'Force', 'Annual cost of the deployed force'),
      days: valueOf(target, 'Munitions', 'Days it lasts, net of deliveries'),
      goalStock: valueOf(target, 'Munitions', 'Stock needed for the goal'),
      regenYears: valueOf(target, 'Munitions', 'Years to close the gap at EU capacity'),
      fundAnnual: valueOf(target, 'Fund', 'Annual size', 2),
      guarantees: valueOf(target, 'Fund', 'Guarantees needed', 2),
      contributionDE: fundColumn(target, COL.contribution).get('DE'),
    };
    for (const k of Object.keys(got) as (keyof typeof got)[]) {
      const actual = got[k];
      if (!close(actual, want[k])) throw new Error(`${k}: the sheet shows ${JSON.stringify(actual)}, the model core gives ${want[k]}`);
    }
  });

  it('shows the brief’s figures for the peace scenario: 1,040 km × 4 km × 9.43 troops/km2 = 39,228.8 deployed', async () => {
    await selectScenario(target, plan, 'peace');
    // Hand calculation from the sourced assumptions (src/data/assumptions.ts).
    expect(valueOf(target, 'Force', 'Deployed force')).toBeCloseTo(1040 * 4 * 9.43, 6);
    expect(valueOf(target, 'Force', "Model inside the brief's range?")).toBe('Yes');
  });

  it.each(SCENARIO_IDS)('splits the whole fund in scenario %s: contributions sum to fund_annual', async (scenario) => {
    await selectScenario(target, plan, scenario);
    const contributions = fundColumn(target, COL.contribution);
    expect(sum(contributions.values())).toBeCloseTo(num('fund_annual', scenario), 9);
    // The engine rounds what it reports to about 12 significant digits, so shares sum to 1 within 1e-10.
    expect(sum(fundColumn(target, COL.share).values())).toBeCloseTo(1, 10);
    // The sheet's own Total row says the same.
    expect(valueOf(target, 'Fund', 'Total', COL.contribution)).toBeCloseTo(num('fund_annual', scenario), 9);
  });

  describe('when a country stops taking part', () => {
    afterAll(async () => {
      await target.setValue('Fund', `C${rowOf(target, 'Fund', 'DE') + 1}`, 'Yes');
    });

    it('gives it 0 and renormalises the others over the remaining participants', async () => {
      await selectScenario(target, plan, 'collapse');
      await target.setValue('Fund', `C${rowOf(target, 'Fund', 'DE') + 1}`, 'No');
      const contributions = fundColumn(target, COL.contribution);
      const amount = num('fund_annual', 'collapse');
      expect(contributions.get('DE')).toBe(0);
      expect(sum(contributions.values())).toBeCloseTo(amount, 9);
      const others = COUNTRIES.map((c) => c.code).filter((c) => c !== 'DE');
      expect(close(contributions.get('FR'), fundShare('FR', amount, 'GDP', others))).toBe(true);
      expect(valueOf(target, 'Fund', 'Total', COL.participates)).toBe(COUNTRIES.length - 1);
    });
  });

  describe('when the key is switched to EFSF', () => {
    afterAll(async () => {
      await target.setValue('Fund', keyAddress(), '=fund_key');
    });

    /** The Fund sheet's key cell, the one with the key drop-down. */
    function keyAddress(): string {
      return `C${rowOf(target, 'Fund', 'Contribution key') + 1}`;
    }

    it('shows "not in key" for countries that were not EFSF guarantors, and the covered ones still sum to the fund', async () => {
      await selectScenario(target, plan, 'peace');
      await target.setValue('Fund', keyAddress(), 'EFSF');
      const efsf = KEYS.get('EFSF');
      if (efsf === undefined) throw new Error('no EFSF key');
      const contributions = fundColumn(target, COL.contribution);
      const outside = COUNTRIES.filter((c) => !efsf.weights.has(c.code)).map((c) => c.code);
      expect(outside.length).toBeGreaterThan(0);
      for (const code of outside) expect([code, contributions.get(code)]).toEqual([code, 'not in key']);
      expect(sum(contributions.values())).toBeCloseTo(num('fund_annual', 'peace'), 9);
      expect(close(contributions.get('DE'), fundShare('DE', num('fund_annual', 'peace'), 'EFSF'))).toBe(true);
      expect(errorCells(target)).toEqual([]);
    });

    it('counts in its Total only the participants the key covers: the ECB key has the 20 euro-area members of 2024 (issue 13, defect 9)', async () => {
      await target.setValue('Fund', keyAddress(), 'ECB');
      // The euro area on 1 January 2024: 20 members (Croatia joined in 2023), the ECB key's countries.
      expect(valueOf(target, 'Fund', 'Total', COL.participates)).toBe(20);
      await target.setValue('Fund', keyAddress(), 'GDP');
      expect(valueOf(target, 'Fund', 'Total', COL.participates)).toBe(COUNTRIES.length);
    });
  });

  describe('when the fund size is itself an error', () => {
    /** The Fund sheet's annual size cell (column C of the row labelled "Annual size"). */
    function sizeAddress(): string {
      return `C${rowOf(target, 'Fund', 'Annual size') + 1}`;
    }
    let formula: string | null = null;
    afterAll(async () => {
      if (formula !== null) await target.setValue('Fund', sizeAddress(), formula);
    });

    it('passes the #N/A on to the contributions instead of calling every country "not in key"', async () => {
      await selectScenario(target, plan, 'peace');
      formula = target.cell('Fund', rowOf(target, 'Fund', 'Annual size'), 2).formula ?? null;
      await target.setValue('Fund', sizeAddress(), '=NA()');
      const contributions = fundColumn(target, COL.contribution);
      const de = contributions.get('DE');
      expect(isPreviewError(de ?? null) ? de : null).toMatchObject({ code: '#N/A' });
      expect([...contributions.values()].filter((v) => v === 'not in key')).toEqual([]);
      // The key shares do not read the size and keep their values.
      expect(typeof fundColumn(target, COL.share).get('DE')).toBe('number');
    });
  });
});

describe('a second copy of the baseline in the same workbook', () => {
  it('writes "Force (2)" over names like line_km_2, which evaluate as the first copy does', async () => {
    const target = await load(baselinePlan({ scenario: 'peace' }));
    const second = baselinePlan({ scenario: 'collapse', copy: 2 });
    await load(second, target);
    expect(await target.sheetNames()).toContain(sheetName('force', 2));
    expect(await target.definedNames()).toContain('line_km_2');
    expect(errorCells(target)).toEqual([]);
    expect(close(valueOf(target, 'Force (2)', 'Deployed force'), headline('collapse').deployed)).toBe(true);
    expect(close(valueOf(target, 'Force', 'Deployed force'), headline('peace').deployed)).toBe(true);
    // The copies are independent: switching the second leaves the first alone.
    await selectScenario(target, second, 'no_deal');
    expect(valueOf(target, 'Force (2)', 'Deployed force')).toBe(0);
    expect(close(valueOf(target, 'Force', 'Deployed force'), headline('peace').deployed)).toBe(true);
  });
});
