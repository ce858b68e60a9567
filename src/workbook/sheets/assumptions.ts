/**
 * The Assumptions sheet: the brief's assumptions as sourced inputs, one column per scenario, an
 * Active column picked by the scenario selector, and a defined name per assumption.
 */
import { ASSUMPTIONS, SCENARIOS } from '../../data/assumptions';
import type { Assumption, ScenarioId } from '../../data/types';
import type { SheetCell } from '../a1';
import { c, SheetBuilder } from '../builder';
import { address, type NamePlan, type SheetPlan } from '../plan';
import { BASIS_LABEL, BRIEF, definedName, sheetName } from './names';

/** Number format for an assumption's values, from its unit. */
function formatFor(a: Assumption): string {
  if (a.unit === 'text') return '@';
  if (a.unit === 'ratio' || a.unit.startsWith('troops per')) return '0.00';
  if (a.unit.startsWith('EUR bn')) return '#,##0.0';
  return '#,##0';
}

/** The Assumptions sheet of copy `opts.copy`, starting on `opts.scenario`; pushes its defined names onto `names`. */
export function assumptionsSheet(opts: { scenario: ScenarioId; copy: number }, names: NamePlan[]): SheetPlan {
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
