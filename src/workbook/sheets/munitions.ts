/** The Munitions sheet: 155 mm stocks, fire, deliveries and regeneration. */
import { def } from '../../functions/formula';
import type { SheetPlan } from '../plan';
import { modelSheet } from './model-sheet';
import { definedName, FMT } from './names';

/** The Munitions sheet of copy `copy`, reading the defined names of copy `namesCopy`. */
export function munitionsSheet(copy: number, namesCopy: number): SheetPlan {
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
