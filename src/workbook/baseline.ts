/**
 * The baseline workbook: the brief's assumptions as sourced inputs with a scenario switch, and
 * sheets of live `DEF.*` formulas over named inputs for the force, munitions and the fund.
 *
 * Everything here is pure: it returns a {@link WorkbookPlan}; writers apply it.
 */
import { ASSUMPTIONS, SCENARIOS } from '../data/assumptions';
import { COUNTRIES } from '../data/countries';
import { KEY_IDS, KEYS } from '../data/keys';
import { MUNITION_FACTS, RATIOS } from '../data/facts';
import { PRECEDENTS } from '../data/precedents';
import type { Assumption, Citation, ScenarioId } from '../data/types';
import type { SheetCell } from './a1';
import { def, text } from '../functions/formula';
import { c, SheetBuilder } from './builder';
import { address, type FundCountryAnchor, type NamePlan, quoteSheet, type SheetKind, type SheetPlan, type WorkbookPlan } from './plan';

export interface BaselineOptions {
  /** The scenario the selector starts on. */
  readonly scenario: ScenarioId;
  /**
   * Which copy in the workbook: 1 (default) uses the plain sheet names and defined names; n ≥ 2
   * gives "Force (n)" and `line_km_n`, so a second load never touches the first.
   */
  readonly copy?: number;
  /**
   * Which copy's defined names the model sheets read (default: `copy`). Loading a single model
   * sheet into a workbook that already has an Assumptions sheet points it at that sheet's names.
   */
  readonly names?: number;
  /** The sheets to include (default: all five, in order). */
  readonly kinds?: readonly SheetKind[];
}

const BRIEF = 'IEP@BU commentary 187 (A. Gilli, M. Gilli and N. Petrelli, 26 March 2025)';
const BASE_NAMES: Readonly<Record<SheetKind, string>> = {
  assumptions: 'Assumptions',
  force: 'Force',
  munitions: 'Munitions',
  fund: 'Fund',
  sources: 'Sources',
  sensitivity: 'Sensitivity',
};

/** The baseline's own sheet kinds (every kind but sensitivity tables). */
export type BaselineKind = Exclude<SheetKind, 'sensitivity'>;

export const SHEET_KINDS: readonly BaselineKind[] = ['assumptions', 'force', 'munitions', 'fund', 'sources'];

/** Sheet names for a copy: `Force`, or `Force (2)`. */
export function sheetName(kind: SheetKind, copy = 1): string {
  return copy === 1 ? BASE_NAMES[kind] : `${BASE_NAMES[kind]} (${copy})`;
}

/** The defined name of an assumption (or of the scenario cell) for a copy: `line_km`, or `line_km_2`. */
export function definedName(id: string, copy = 1): string {
  return copy === 1 ? id : `${id}_${copy}`;
}

const BASIS_LABEL: Readonly<Record<Citation['basis'], string>> = {
  read: 'Read',
  derived: 'Derived',
  analyst: "Analyst's choice",
};

/** Number format for an assumption's values, from its unit. */
function formatFor(a: Assumption): string {
  if (a.unit === 'text') return '@';
  if (a.unit === 'ratio' || a.unit.startsWith('troops per')) return '0.00';
  if (a.unit.startsWith('EUR bn')) return '#,##0.0';
  return '#,##0';
}

const FMT = { int: '#,##0', dec1: '#,##0.0', dec2: '#,##0.00', bn: '#,##0.00', pct: '0.00%' } as const;

function assumptionsSheet(opts: { scenario: ScenarioId; copy: number }, names: NamePlan[]): SheetPlan {
  const name = sheetName('assumptions', opts.copy);
  const s = new SheetBuilder(name, 'assumptions', [24, 44, 22, 14, 14, 14, 14, 12, 12, 16, 90, 11]);
  const scenarioLabel = SCENARIOS.find((x) => x.id === opts.scenario)?.short ?? 'Lasting peace';
  s.row([c(`DefEcon baseline: ${BRIEF}`, 'title')]);
  s.row([
    c('Inputs. Edit the scenario columns or the selector; every model sheet reads the Active column through the names in column A.', 'subtitle'),
  ]);
  s.row(
    [
      c('Scenario', 'label'),
      c(scenarioLabel, 'input', undefined, 'Choose a scenario: every model sheet recalculates.'),
      c(`=INDEX({"${SCENARIOS.map((x) => x.label).join('","')}"},1,MATCH(B3,D5:F5,0))`, 'text'),
    ],
    'scenario',
  );
  s.validate({
    address: 'B3',
    list: SCENARIOS.map((x) => x.short),
    prompt: 'Lasting peace, Truce collapses or No agreement',
  });
  names.push({
    name: definedName('scenario', opts.copy),
    sheet: name,
    address: '$B$3',
    comment: 'The active scenario of the DefEcon baseline',
  });
  s.row([]);
  s.row(
    ['Name', 'Assumption', 'Unit', ...SCENARIOS.map((x) => x.short), 'Active', 'Low', 'High', 'Basis', 'Source', 'As of'].map((h) => c(h, 'header')),
    'header',
  );
  for (const a of ASSUMPTIONS) {
    const r = s.next;
    const fmt = formatFor(a);
    const pick = `INDEX(D${r + 1}:F${r + 1},1,MATCH(${address(2, 1, true)},${address(4, 3, true)}:${address(4, 5, true)},0))`;
    s.row([
      c(definedName(a.id, opts.copy), 'label'),
      c(a.label, 'text'),
      c(a.unit, 'text'),
      ...SCENARIOS.map((x) => c(a.values[x.id], 'input', fmt)),
      c(`=IF(${pick}="","",${pick})`, 'output', fmt, `Source: ${a.source}`),
      c(a.low, 'input', fmt),
      c(a.high, 'input', fmt),
      c(BASIS_LABEL[a.basis], 'source'),
      c(a.note === undefined ? a.source : `${a.source}. ${a.note}`, 'source'),
      c(a.asOf, 'source'),
    ]);
    names.push({ name: definedName(a.id, opts.copy), sheet: name, address: address(r, 6, true), comment: a.label });
    // The row above: Name, Assumption, Unit, one column per scenario, then Active, Low and High.
    const active = 3 + SCENARIOS.length;
    s.assumption({
      id: a.id,
      name: definedName(a.id, opts.copy),
      label: a.label,
      unit: a.unit,
      nameCell: s.ref(r, 0),
      labelCell: s.ref(r, 1),
      unitCell: s.ref(r, 2),
      scenario: Object.fromEntries(SCENARIOS.map((x, k) => [x.id, s.ref(r, 3 + k)])) as Record<ScenarioId, SheetCell>,
      active: s.ref(r, active),
      low: s.ref(r, active + 1),
      high: s.ref(r, active + 2),
    });
  }
  return s.build({ rows: 5, columns: 2 });
}

/** A model sheet's rows: label, value (a formula), unit, how it is computed. */
interface Line {
  readonly mark?: string;
  readonly label: string;
  readonly formula: string;
  readonly unit: string;
  readonly format: string;
  readonly how: string;
  readonly role?: 'output' | 'check';
}

/**
 * A model sheet: title, intro, then per section a heading and one row per line. Every line is
 * anchored (label, value in column B, unit); the lines whose marks are in `headlines` are headline
 * outputs with the mark as id.
 */
function modelSheet(
  kind: SheetKind,
  copy: number,
  title: string,
  intro: string,
  sections: readonly [string, readonly Line[]][],
  headlines: readonly string[],
): SheetPlan {
  const s = new SheetBuilder(sheetName(kind, copy), kind, [46, 16, 22, 90]);
  s.row([c(title, 'title')]);
  s.row([c(intro, 'subtitle')]);
  s.row([]);
  s.row(['Item', 'Value', 'Unit', 'How it is computed'].map((h) => c(h, 'header')));
  // Formulas may refer to other lines as {mark}; rows are laid out first, then references resolved.
  const rowsOf = new Map<string, number>();
  let r = s.next;
  for (const [, lines] of sections) {
    r += 1;
    for (const l of lines) {
      if (l.mark !== undefined) rowsOf.set(l.mark, r);
      r += 1;
    }
  }
  const resolve = (f: string): string =>
    f.replace(/\{(\w+)\}/g, (_, m: string) => {
      const row = rowsOf.get(m);
      if (row === undefined) throw new Error(`${kind}: no line marked ${m}`);
      return address(row, 1);
    });
  for (const [heading, lines] of sections) {
    s.row([c(heading, 'subtitle')]);
    for (const l of lines) {
      const row = s.row([c(l.label, 'label'), c(resolve(l.formula), l.role ?? 'output', l.format), c(l.unit, 'text'), c(l.how, 'text')]);
      s.line(row, 1, l.mark !== undefined && headlines.includes(l.mark) ? l.mark : undefined);
    }
  }
  return s.build({ rows: 4, columns: 1 });
}

function forceSheet(copy: number, namesCopy: number): SheetPlan {
  const n = (id: string): string => definedName(id, namesCopy);
  return modelSheet(
    'force',
    copy,
    'Peace-enforcement force',
    'Sized by analogy: zone area x troops per km2 of a precedent, as the brief sizes its force on UNIFIL. Every value is a live formula over the Assumptions sheet.',
    [
      [
        'Zone',
        [
          { label: 'Line of contact covered', formula: `=${n('line_km')}`, unit: 'km', format: FMT.int, how: 'Assumption line_km' },
          { label: 'Depth of the monitored zone', formula: `=${n('zone_depth_km')}`, unit: 'km', format: FMT.dec1, how: 'Assumption zone_depth_km' },
          { mark: 'area', label: 'Zone area', formula: `=${n('line_km')}*${n('zone_depth_km')}`, unit: 'km2', format: FMT.int, how: 'Line x depth' },
          { label: 'Density', formula: `=${n('density_per_km2')}`, unit: 'troops per km2', format: FMT.dec2, how: 'Assumption density_per_km2' },
          {
            label: 'For comparison: UNIFIL actual',
            formula: `=${def('FORCE_DENSITY', text('UNIFIL'))}`,
            unit: 'troops per km2',
            format: FMT.dec2,
            how: 'DEF.FORCE_DENSITY: 10,000 troops / 1,060 km2 (UNIFIL, 2018)',
          },
          {
            label: 'For comparison: UNIFIL authorised',
            formula: `=${def('FORCE_DENSITY', text('UNIFIL_AUTHORISED'))}`,
            unit: 'troops per km2',
            format: FMT.dec2,
            how: 'DEF.FORCE_DENSITY: 15,000 / 1,060 km2 (UNSCR 1701)',
          },
        ],
      ],
      [
        'Force',
        [
          {
            mark: 'deployed',
            label: 'Deployed force',
            formula: `=${def('FORCE_SIZE', `${n('line_km')}*${n('zone_depth_km')}`, n('density_per_km2'))}`,
            unit: 'personnel',
            format: FMT.int,
            how: 'DEF.FORCE_SIZE(area, density)',
          },
          {
            label: 'Force generation multiplier',
            formula: `=${n('rotation')}`,
            unit: 'units per unit deployed',
            format: FMT.dec1,
            how: 'Assumption rotation',
          },
          {
            mark: 'committed',
            label: 'Committed force, with rotation',
            formula: `=${def('FORCE_SIZE', `${n('line_km')}*${n('zone_depth_km')}`, n('density_per_km2'), n('rotation'))}`,
            unit: 'personnel',
            format: FMT.int,
            how: 'DEF.FORCE_SIZE(area, density, rotation)',
          },
          {
            mark: 'force_cost',
            label: 'Annual cost of the deployed force',
            formula: `=${def('FORCE_COST', '{deployed}', n('cost_per_troop_year'))}/10^9`,
            unit: 'EUR bn per year',
            format: FMT.bn,
            how: 'DEF.FORCE_COST(deployed, cost per soldier-year) / 10^9',
          },
        ],
      ],
      [
        "The brief's range",
        [
          {
            mark: 'low',
            label: "Brief's force, low",
            formula: `=${n('brief_force_low')}`,
            unit: 'personnel',
            format: FMT.int,
            how: 'Assumption brief_force_low (Gilli, Gilli and Petrelli 2025)',
          },
          {
            mark: 'high',
            label: "Brief's force, high",
            formula: `=${n('brief_force_high')}`,
            unit: 'personnel',
            format: FMT.int,
            how: 'Assumption brief_force_high',
          },
          {
            label: "Model inside the brief's range?",
            formula: `=IF(OR({low}="",{high}=""),"No range in this scenario",IF(AND({deployed}>={low},{deployed}<={high}),"Yes","No"))`,
            unit: '',
            format: '@',
            how: 'Deployed force between low and high',
            role: 'check',
          },
        ],
      ],
      [
        'Security assistance mission (NSATU-style, outside Ukraine)',
        [
          {
            mark: 'nsatu',
            label: 'Staff deployed',
            formula: `=${n('nsatu_staff')}`,
            unit: 'personnel',
            format: FMT.int,
            how: 'Assumption nsatu_staff',
          },
          {
            label: 'Committed, with rotation',
            formula: `=${def('FORCE_SIZE', '{nsatu}', 1, n('rotation'))}`,
            unit: 'personnel',
            format: FMT.int,
            how: 'DEF.FORCE_SIZE(staff, 1, rotation)',
          },
          {
            label: 'Annual cost',
            formula: `=${def('FORCE_COST', '{nsatu}', n('cost_per_troop_year'))}/10^9`,
            unit: 'EUR bn per year',
            format: FMT.bn,
            how: 'DEF.FORCE_COST(staff, cost per soldier-year) / 10^9',
          },
        ],
      ],
    ],
    ['deployed', 'committed', 'force_cost'],
  );
}

function munitionsSheet(copy: number, namesCopy: number): SheetPlan {
  const n = (id: string): string => definedName(id, namesCopy);
  return modelSheet(
    'munitions',
    copy,
    'Munitions: 155 mm stocks, fire and regeneration',
    "How long a stock at France's level (the brief's nine days) lasts at Ukraine's rate of fire net of deliveries, what NATO's 30-day goal needs, and what closing the gap takes.",
    [
      [
        'Fire and deliveries',
        [
          {
            mark: 'use',
            label: "Ukraine's 155 mm fire",
            formula: `=${n('ua_daily_use')}`,
            unit: 'rounds per day',
            format: FMT.int,
            how: 'Assumption ua_daily_use',
          },
          {
            mark: 'eu',
            label: 'EU production',
            formula: `=${n('eu_annual_production')}/365`,
            unit: 'rounds per day',
            format: FMT.int,
            how: "Assumption eu_annual_production / 365 (all of it assumed to reach Ukraine: analyst's choice)",
          },
          {
            mark: 'us',
            label: 'US production reaching Ukraine',
            formula: `=IF(${n('us_military_aid')}>0,${n('us_monthly_production')}*12/365,0)`,
            unit: 'rounds per day',
            format: FMT.int,
            how: "us_monthly_production x 12 / 365 while US aid continues, else 0 (analyst's choice)",
          },
          { mark: 'deliveries', label: 'Deliveries', formula: '={eu}+{us}', unit: 'rounds per day', format: FMT.int, how: 'EU + US' },
        ],
      ],
      [
        'Days of fire',
        [
          {
            label: "France's munitions for high-intensity combat (brief)",
            formula: `=${n('france_days')}`,
            unit: 'days',
            format: FMT.int,
            how: 'Assumption france_days (RAND 2021, quoted by the brief)',
          },
          {
            mark: 'france',
            label: "A France-level stock at Ukraine's rate of fire",
            formula: `=${def('MUNITION_STOCK', n('france_days'), n('ua_daily_use'))}`,
            unit: 'rounds',
            format: FMT.int,
            how: 'DEF.MUNITION_STOCK(france_days, fire)',
          },
          {
            mark: 'days',
            label: 'Days it lasts, net of deliveries',
            formula: `=${def('MUNITION_DAYS', '{france}', n('ua_daily_use'), '{deliveries}')}`,
            unit: 'days',
            format: FMT.dec1,
            how: 'DEF.MUNITION_DAYS(stock, fire, deliveries)',
          },
        ],
      ],
      [
        "NATO's 30-day goal",
        [
          {
            mark: 'goal',
            label: 'Stock needed for the goal',
            formula: `=${def('MUNITION_STOCK', n('nato_goal_days'), n('ua_daily_use'))}`,
            unit: 'rounds',
            format: FMT.int,
            how: 'DEF.MUNITION_STOCK(nato_goal_days, fire)',
          },
          {
            mark: 'gap',
            label: 'Gap from a France-level stock',
            formula: '=MAX(0,{goal}-{france})',
            unit: 'rounds',
            format: FMT.int,
            how: 'Goal - France-level stock',
          },
          {
            mark: 'regen_years',
            label: 'Years to close the gap at EU capacity',
            formula: `=${def('MUNITION_REGEN_YEARS', '{goal}', '{france}', n('eu_annual_production'))}`,
            unit: 'years',
            format: FMT.dec2,
            how: 'DEF.MUNITION_REGEN_YEARS(goal, stock, EU production), once fighting stops (no drawdown)',
          },
          { label: 'Cost of the gap', formula: `={gap}*${n('shell_cost')}/10^9`, unit: 'EUR bn', format: FMT.bn, how: 'Gap x shell_cost / 10^9' },
        ],
      ],
    ],
    ['days', 'regen_years'],
  );
}

function fundSheet(copy: number, namesCopy: number): SheetPlan {
  const n = (id: string): string => definedName(id, namesCopy);
  const s = new SheetBuilder(sheetName('fund', copy), 'fund', [12, 22, 14, 14, 20, 20]);
  s.row([c('European Security Fund for Ukraine', 'title')]);
  s.row([
    c(
      "Modelled on the EFSF: guarantees at the over-guarantee, contributions by a key renormalised over the countries that take part. Toggle Participates or change the key. All 29 take part by default: an analyst's choice, since the Gros fund's coalition (most EU members, the UK and Norway) is not a list.",
      'subtitle',
    ),
  ]);
  s.row([c('Annual size', 'label'), null, c(`=${n('fund_annual')}`, 'output', FMT.dec1), c('EUR bn per year', 'text')], 'size');
  s.row([c('Over-guarantee', 'label'), null, c(`=${n('over_guarantee')}`, 'output', FMT.dec2), c('ratio', 'text')], 'og');
  s.row(
    [
      c('Guarantees needed', 'label'),
      null,
      c(`=${def('FUND_GUARANTEES', s.at('size', 2), s.at('og', 2))}`, 'output', FMT.dec1),
      c('EUR bn per year', 'text'),
    ],
    'guarantees',
  );
  s.row(
    [
      c('Contribution key', 'label'),
      null,
      c(`=${n('fund_key')}`, 'input', '@', 'Baseline: GDP 2024 shares (Gros, IEP@BU Policy Brief 36). Choose another key from the list.'),
      c('GDP, EFSF, ESM, ECB (euro area) or POP', 'text'),
    ],
    'key',
  );
  s.validate({ address: s.at('key', 2), list: KEY_IDS, prompt: 'GDP, EFSF, ESM, ECB or POP' });
  for (const mark of ['size', 'og', 'guarantees', 'key']) s.line(s.rowOf(mark), 2, mark === 'size' ? 'fund_annual' : undefined);
  s.row([]);
  s.row(
    ['Code', 'Country', 'Participates', 'Key share', 'Contribution (EUR bn/yr)', 'Guarantee (EUR bn)'].map((h) => c(h, 'header')),
    'header',
  );
  const first = s.next;
  const last = first + COUNTRIES.length - 1;
  const codes = `$A$${first + 1}:$A$${last + 1}`;
  const flags = `$C$${first + 1}:$C$${last + 1}`;
  const participants = `IF(${flags}="Yes",${codes},"")`;
  const key = s.at('key', 2, true);
  const countries: FundCountryAnchor[] = [];
  for (const country of COUNTRIES) {
    countries.push({ code: country.code, name: s.ref(s.next, 1), contribution: s.ref(s.next, 4) });
    const r = s.next + 1;
    s.row([
      c(country.code, 'label'),
      c(country.name, 'text'),
      c('Yes', 'input', undefined, 'Yes or No: the key is renormalised over the countries marked Yes.'),
      c(`=IFNA(${def('FUND_KEY', `A${r}`, key, participants)},"not in key")`, 'output', FMT.pct),
      c(`=IFNA(${def('FUND_SHARE', `A${r}`, s.at('size', 2, true), key, participants)},"not in key")`, 'output', FMT.bn),
      c(`=IFNA(${def('FUND_SHARE', `A${r}`, s.at('guarantees', 2, true), key, participants)},"not in key")`, 'output', FMT.bn),
    ]);
    s.validate({ address: `C${r}`, list: ['Yes', 'No'], prompt: 'Yes or No' });
  }
  s.row([
    c('Total', 'header'),
    null,
    // Participants the key covers: a country marked Yes but outside the key (its share "not in key") pays nothing.
    c(`=COUNTIFS(${flags},"Yes",$D$${first + 1}:$D$${last + 1},"<>not in key")`, 'output', FMT.int),
    c(`=SUM(D${first + 1}:D${last + 1})`, 'check', FMT.pct),
    c(`=SUM(E${first + 1}:E${last + 1})`, 'check', FMT.bn),
    c(`=SUM(F${first + 1}:F${last + 1})`, 'check', FMT.bn),
  ]);
  const label = s.content(s.rowOf('header'), 4);
  if (typeof label !== 'string') throw new Error('Fund: the contribution column has no header');
  s.table({
    sheet: sheetName('fund', copy),
    label,
    unit: 'EUR bn per year',
    contributions: `${address(first, 4)}:${address(last, 4)}`,
    countries,
  });
  return s.build({ rows: first, columns: 2 });
}

function sourcesSheet(copy: number): SheetPlan {
  const s = new SheetBuilder(sheetName('sources', copy), 'sources', [26, 44, 90, 12, 16, 12]);
  s.row([c('Sources', 'title')]);
  s.row([c(`Every figure in these sheets and in the DEF functions, with where it comes from. DEF.SOURCE(id) gives the same text.`, 'subtitle')]);
  s.row([]);
  s.row(['Id', 'What', 'Source and caveats', 'As of', 'Basis', 'Confidence'].map((h) => c(h, 'header')));
  const line = (id: string, what: string, x: Citation): void => {
    s.row([
      c(id, 'label'),
      c(what, 'text'),
      c(x.note === undefined ? x.source : `${x.source}. ${x.note}`, 'source'),
      c(x.asOf, 'source'),
      c(BASIS_LABEL[x.basis], 'source'),
      c(x.confidence ?? '', 'source'),
    ]);
  };
  s.row([c('The brief', 'subtitle')]);
  s.row([
    c('brief', 'label'),
    c('How Europe Can Prepare for a Post-Truce Ukraine', 'text'),
    c(`${BRIEF}, Institute for European Policymaking at Bocconi University`, 'source'),
    c('2025-03-26', 'source'),
    c('Read', 'source'),
    c('', 'source'),
  ]);
  s.row([c('Assumptions', 'subtitle')]);
  for (const a of ASSUMPTIONS) line(a.id, a.label, a);
  s.row([c('Force precedents', 'subtitle')]);
  for (const p of PRECEDENTS) line(p.id, `${p.mission} ${p.year}: ${p.troops.toLocaleString('en-GB')} troops (${p.troopsBasis})`, p);
  s.row([c('Contribution keys', 'subtitle')]);
  for (const k of KEY_IDS) {
    const key = KEYS.get(k);
    if (key !== undefined) line(k, `${key.label} (${key.unit})`, key);
  }
  s.row([c('Munitions facts and force ratios', 'subtitle')]);
  for (const f of [...MUNITION_FACTS, ...RATIOS]) line(f.id, `${f.meaning}: ${f.value.toLocaleString('en-GB')} ${f.unit}`, f);
  return s.build({ rows: 4, columns: 1 });
}

/** A baseline plan: it always has a scenario selector (its own Assumptions sheet's, or the one its names read). */
export type BaselinePlan = WorkbookPlan & { readonly scenarioCell: SheetCell };

/**
 * The whole baseline workbook.
 * @example baselinePlan({ scenario: 'peace' }).sheets.map((s) => s.name) // Assumptions, Force, Munitions, Fund, Sources
 */
export function baselinePlan(options: BaselineOptions): BaselinePlan {
  const copy = options.copy ?? 1;
  const namesCopy = options.names ?? copy;
  const kinds = options.kinds ?? SHEET_KINDS;
  for (const [what, n] of [
    ['copy', copy],
    ['names', namesCopy],
  ] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number ≥ 1, not ${n}`);
  }
  if (kinds.includes('assumptions') && namesCopy !== copy) {
    throw new Error('an Assumptions sheet defines its own names: names must equal copy when it is included');
  }
  const names: NamePlan[] = [];
  const build: Readonly<Record<BaselineKind, () => SheetPlan>> = {
    assumptions: () => assumptionsSheet({ scenario: options.scenario, copy }, names),
    force: () => forceSheet(copy, namesCopy),
    munitions: () => munitionsSheet(copy, namesCopy),
    fund: () => fundSheet(copy, namesCopy),
    sources: () => sourcesSheet(copy),
  };
  return {
    sheets: SHEET_KINDS.filter((k) => kinds.includes(k)).map((k) => build[k]()),
    names,
    scenarioCell: { sheet: sheetName('assumptions', namesCopy), address: 'B3' },
  };
}

/** The formula text of a name's reference, as Excel's `names.add` and the preview engine take it. */
export function nameReference(n: NamePlan): string {
  return `=${quoteSheet(n.sheet)}!${n.address}`;
}

/** Scenario label in the selector → scenario id. */
export function scenarioFromLabel(label: string): ScenarioId | undefined {
  return SCENARIOS.find((x) => x.short === label)?.id;
}
