/** Reading a chart's block: categories from the first column, one series per further column. */
import { chartData, type ChartValue } from '../../src/preview/chart';
import type { ChartPlan } from '../../src/workbook/plan';

/** A one-way table's block as the sensitivity sheet lays it out from A5: header, then two rows. */
const CELLS: Readonly<Record<string, ChartValue>> = {
  '4,0': 'Line of contact',
  '4,1': 'Deployed force',
  '4,2': 'Cost',
  '5,0': 800,
  '5,1': 29430.4,
  '5,2': undefined, // an error cell
  '6,0': 1250,
  '6,1': 45985,
  '6,2': 'n/a',
};
const at = (r: number, c: number): ChartValue => CELLS[`${r},${c}`];
const chart: ChartPlan = { kind: 'line', title: 'Deployed force against the line', dataAddress: 'A5:C7', anchor: 'E5' };

describe('chartData', () => {
  it('takes the categories from the first column and a series from each further column, numbers only', () => {
    expect(chartData(chart, at)).toEqual({
      categories: ['800', '1250'],
      series: [
        { name: 'Deployed force', values: [29430.4, 45985] },
        { name: 'Cost', values: [undefined, undefined] },
      ],
    });
  });

  it('gives nothing for a block that does not parse', () => {
    expect(chartData({ ...chart, dataAddress: 'A5:' }, at)).toBeUndefined();
  });
});
