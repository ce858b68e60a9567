/** The sheets of a tornado and of the scenario comparison: values, stamped with when they were computed. */
import { SCENARIOS } from '../data/assumptions';
import { c, SheetBuilder } from './builder';
import type { WorkbookPlan } from './plan';
import type { ComparisonResult, TornadoResult } from './sensitivity';
import { assumptionOf, citation, HEADER_ROW, numberFormat, qualified, sourcesLine, stamp } from './sensitivity-cite';

/**
 * A tornado's sheet: the output and its base (role `check`), then from row 5 one row per input,
 * largest swing first: change from base at the input's low and high (the bar chart's two
 * series), the outputs, the swing, the input's cell and bounds, and its source.
 */
export function tornadoPlan(result: TornadoResult, sheetName: string): WorkbookPlan {
  const s = new SheetBuilder(sheetName, 'sensitivity', [44, 14, 14, 14, 14, 14, 22, 12, 12, 60]);
  const fmt = numberFormat([result.base, ...result.rows.flatMap((r) => [r.atLow, r.atHigh])]);
  s.row([c(`Tornado: ${result.outputLabel} (${qualified(result.output)})`, 'title')]);
  const unaffected = result.unaffected ?? [];
  s.row([
    c(
      `Each input set to its low and its high with every other at base; sorted by swing |at high - at low|.${unaffected.length === 0 ? '' : ` Inputs that do not move it: ${unaffected.map((u) => u.label).join(', ')}.`}`,
      'subtitle',
    ),
  ]);
  s.row([
    c('Base case', 'label'),
    c(result.base, 'check', fmt, 'The output with every input at base'),
    c(`Computed ${stamp(result.computedAt)}; values, inputs restored after.`, 'text'),
  ]);
  s.row([c(sourcesLine(result.rows.map((r) => r.input)), 'source')]);
  s.row(
    ['Input', 'Change at low', 'Change at high', 'Output at low', 'Output at high', 'Swing', 'Input cell', 'Low', 'High', 'Source'].map((h) =>
      c(h, 'header'),
    ),
  );
  for (const r of result.rows) {
    const a = assumptionOf(r.input.ref);
    s.row([
      c(r.input.label, 'label', undefined, citation(r.input.ref, r.input.label)),
      c(r.atLow - result.base, 'output', fmt),
      c(r.atHigh - result.base, 'output', fmt),
      c(r.atLow, 'output', fmt),
      c(r.atHigh, 'output', fmt),
      c(r.swing, 'output', fmt),
      c(qualified(r.input.ref), 'text'),
      c(r.input.low, 'input', numberFormat([r.input.low, r.input.high])),
      c(r.input.high, 'input', numberFormat([r.input.low, r.input.high])),
      c(a === undefined ? '' : `${a.source} (${a.asOf})`, 'source'),
    ]);
  }
  const last = HEADER_ROW + Math.max(1, result.rows.length);
  const sheet = s.build({ rows: HEADER_ROW + 1, columns: 1 });
  return {
    sheets: [
      {
        ...sheet,
        charts: [
          {
            kind: 'bar',
            title: `${result.outputLabel}: change from base at each input's low and high`,
            dataAddress: `A${HEADER_ROW + 1}:C${last + 1}`,
            anchor: `A${last + 3}`,
            xTitle: 'Change from base',
            yTitle: 'Input',
          },
        ],
      },
    ],
    names: [],
  };
}

/**
 * The scenarios side by side: one row per headline output with its unit, a value per scenario,
 * and each scenario's difference from the first; then the scenarios' definitions. Values, stamped
 * with when they were computed.
 */
export function comparisonPlan(result: ComparisonResult, sheetName: string): WorkbookPlan {
  const [first, ...others] = SCENARIOS;
  const s = new SheetBuilder(sheetName, 'sensitivity', [46, 18, 16, 16, 16, 18, 18]);
  s.row([c('Scenario comparison', 'title')]);
  s.row([
    c(
      'The headline outputs with the scenario selector switched to each scenario in turn, then put back. Values, not formulas: recompute to update.',
      'subtitle',
    ),
  ]);
  s.row([c(`Computed ${stamp(result.computedAt)}.`, 'text')]);
  s.row([]);
  s.row(['Output', 'Unit', ...SCENARIOS.map((x) => x.short), ...others.map((x) => `${x.short} - ${first?.short ?? ''}`)].map((h) => c(h, 'header')));
  for (const r of result.rows) {
    const fmt = numberFormat(Object.values(r.values));
    const base = first === undefined ? null : r.values[first.id];
    s.row([
      c(r.label, 'label'),
      c(r.unit, 'text'),
      ...SCENARIOS.map((x) => c(r.values[x.id], 'output', fmt)),
      ...others.map((x) => {
        const v = r.values[x.id];
        return c(typeof v === 'number' && typeof base === 'number' ? v - base : '', 'output', fmt);
      }),
    ]);
  }
  s.row([]);
  s.row([c('Scenarios', 'subtitle')]);
  for (const x of SCENARIOS) s.row([c(x.short, 'label'), c(`${x.label}. ${x.description}`, 'text')]);
  const sheet = s.build({ rows: HEADER_ROW + 1, columns: 1 });
  return { sheets: [sheet], names: [] };
}
