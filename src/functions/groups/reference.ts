/**
 * The reference-data functions: the brief's baseline assumptions by scenario and bound, and the
 * citation behind any figure DefEcon ships.
 */
import { ASSUMPTIONS } from '../../data/assumptions';
import { assumptionParam, boundParam, liftAssumption, liftSource, scenarioParam, sourceIdParam } from '../../model/reference';
import { type Argument, choiceParameter, declare, type Grid } from '../declare';
import { toExcel, toExcelError } from '../errors';

export const assumption = declare({
  id: 'ASSUMPTION',
  group: 'Reference data',
  summary: 'A baseline assumption of the brief for one of its three scenarios.',
  description: 'A baseline assumption of the brief (IEP@BU commentary 187) for a scenario.',
  parameters: [
    choiceParameter(assumptionParam, {
      description: 'Assumption id, e.g. "line_km", "density_per_km2", "fund_annual" (see DEF.SOURCE for each one\'s basis).',
      help: { accepted: ASSUMPTIONS.map((a) => `<code>${a.id}</code>`).join(', ') },
    }),
    choiceParameter(
      scenarioParam,
      {
        description: '"peace" (default: truce becomes lasting peace), "collapse" (truce collapses) or "no_deal" (no agreement).',
        help: {
          accepted:
            '<code>peace</code> (default: the truce becomes a lasting peace), <code>collapse</code> (a truce is agreed and then ' +
            'breaks down), <code>no_deal</code> (no agreement, and US support may end)',
        },
      },
      'peace',
    ),
    choiceParameter(
      boundParam,
      {
        description: '"central" (default: the scenario\'s value), "low" or "high".',
        help: {
          accepted:
            "<code>central</code> (default: the scenario's value), <code>low</code> or <code>high</code>; the bounds are the same " +
            'in every scenario. Where the baseline gives no value the result is <code>#N/A</code>.',
        },
      },
      'central',
    ),
  ],
  method: {
    equation: "the assumption's value in the scenario, or its low or high bound, as the brief's baseline gives it",
    reference:
      "A. Gilli, M. Gilli and N. Petrelli, IEP@BU commentary no. 187, 26 March 2025; each assumption's own basis is in <code>DEF.SOURCE</code>.",
  },
  examples: [
    {
      formula: '=DEF.ASSUMPTION("density_per_km2", "collapse")',
      result: '14.15',
      says: 'troops per km²',
      after: " (UNIFIL's authorised 15,000 over 1,060 km²);",
    },
    { formula: '=DEF.ASSUMPTION("line_km", , "high")', result: '1,250', says: 'km', after: '.' },
  ],
  call: (id: Grid, scenario?: Argument, bound?: Argument) => toExcel(() => liftAssumption(id, scenario, bound, toExcelError)),
});

export const source = declare({
  id: 'SOURCE',
  group: 'Reference data',
  summary: 'The citation behind an assumption, precedent, contribution key or fact, as text.',
  lead:
    'The citation behind an assumption, precedent, contribution key or fact, as text: the source, the date the figure refers to, ' +
    'whether it was read in the source, derived by DefEcon or chosen by the analyst, the confidence where known, and caveats.',
  description: 'The citation behind an assumption, precedent, contribution key or fact, as text.',
  parameters: [
    choiceParameter(sourceIdParam, {
      description: 'An assumption id ("line_km"), precedent ("UNIFIL"), key ("EFSF") or fact id ("FRANCE_DAYS_2021").',
      help: {
        accepted:
          'Any assumption id above; a precedent (<code>UNIFIL</code>, <code>KFOR</code>...); a key (<code>GDP</code>, ' +
          '<code>EFSF</code>, <code>ESM</code>, <code>ECB</code>, <code>POP</code>); a munitions fact (<code>FRANCE_DAYS_2021</code>, ' +
          '<code>NATO_STOCK_GOAL</code>, <code>DE_155_STOCK_2023</code>, <code>UA_155_DAILY_2024_08</code>, <code>EU_155_CAPACITY_2025</code>, ' +
          '<code>SHELL_COST_2024_EUR</code>...); a force ratio (<code>QUINLIVAN_STABILISATION</code>, <code>ROTATION_UK_HARMONY</code>...).',
      },
    }),
  ],
  method: { equation: 'the citation the reference data keeps with the figure, as one line of text', reference: null },
  examples: [
    {
      formula: '=DEF.SOURCE("france_days")',
      result:
        'Brief, citing RAND 2021 (Pezard, Shurkin, Ochmanek, RR-A231-1). As of 2021. Read in the source. ' +
        'Note: Quoted from the brief; the RAND passage itself was not read.',
      excerpt: 'Brief, citing RAND 2021 (Pezard, Shurkin, Ochmanek, RR-A231-1). As of 2021.',
    },
  ],
  call: (id: Grid) => toExcel(() => liftSource(id, toExcelError)),
});
