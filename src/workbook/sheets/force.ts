/** The Force sheet: the peace-enforcement force sized by analogy, its cost and the brief's range. */
import { def, text } from '../../functions/formula';
import type { SheetPlan } from '../plan';
import { modelSheet } from './model-sheet';
import { definedName, FMT } from './names';

/** The Force sheet of copy `copy`, reading the defined names of copy `namesCopy`. */
export function forceSheet(copy: number, namesCopy: number): SheetPlan {
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
