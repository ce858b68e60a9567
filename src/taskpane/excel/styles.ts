/**
 * How the Excel writer makes a plan look: the style of each cell role, the colour-scale criteria
 * (colours from `src/workbook/look.ts`, shared with the preview) and the chart type of a chart plan.
 */
import { SCALE_COLOURS } from '../../workbook/look';
import type { CellRole, ChartPlan, ColorScalePlan } from '../../workbook/plan';

/** What both a `Range` and a `RangeAreas` offer for styling. */
export type Cells = Pick<Excel.Range, 'format' | 'dataValidation'>;

const GREY = '#616161';

/** The style of each role; `text` keeps Excel's defaults. Inputs are blue on light blue, by convention. */
export const STYLES: Readonly<Record<CellRole, ((cells: Cells) => void) | undefined>> = {
  title: (c) => {
    c.format.font.bold = true;
    c.format.font.size = 14;
  },
  subtitle: (c) => {
    c.format.font.italic = true;
    c.format.font.color = GREY;
  },
  header: (c) => {
    c.format.font.bold = true;
    c.format.fill.color = '#F3F2F1';
    c.format.borders.getItem('EdgeBottom').style = 'Continuous';
  },
  label: (c) => {
    c.format.font.bold = true;
  },
  input: (c) => {
    c.format.font.color = '#0F6CBD';
    c.format.fill.color = '#EFF6FC';
  },
  output: (c) => {
    c.format.font.color = '#000000';
  },
  check: (c) => {
    c.format.font.bold = true;
  },
  text: undefined,
  source: (c) => {
    c.format.font.color = GREY;
    c.format.wrapText = false;
  },
};

/** Excel's red-yellow-green scale: lowest red, 50th percentile yellow, highest green (swapped when `reverse`). */
export function colorScaleCriteria(plan: ColorScalePlan): Excel.ConditionalColorScaleCriteria {
  const low = plan.reverse === true ? SCALE_COLOURS.high : SCALE_COLOURS.low;
  const high = plan.reverse === true ? SCALE_COLOURS.low : SCALE_COLOURS.high;
  return {
    minimum: { type: 'LowestValue', color: low },
    midpoint: { type: 'Percentile', formula: '50', color: SCALE_COLOURS.mid },
    maximum: { type: 'HighestValue', color: high },
  };
}

/** The Excel chart type of a chart plan: lines, or clustered horizontal bars (a tornado). */
export function chartTypeOf(plan: ChartPlan): 'Line' | 'BarClustered' {
  return plan.kind === 'line' ? 'Line' : 'BarClustered';
}
