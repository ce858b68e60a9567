/** The sheet of a one-way or two-way sensitivity table, driven (values) or live (one spilled formula). */
import { c, type CellInput, SheetBuilder } from './builder';
import { address, type CellPlan, type Constant, type WorkbookPlan } from './plan';
import type { Axis, TableResult } from './sensitivity';
import { citation, fmtNumber, HEADER_ROW, isBase, numberFormat, qualified, sourcesLine, stamp } from './sensitivity-cite';
import { substituteNames } from './sensitivity-live';

function describeAxis(which: string, a: Axis): string {
  const lo = a.values[0] ?? NaN;
  const hi = a.values[a.values.length - 1] ?? NaN;
  const onAxis = a.values.some((v) => isBase(v, a.base)) ? 'highlighted' : 'not on the axis';
  return `${which}: ${a.label} (${qualified(a.ref)}${a.name === undefined ? '' : `, ${a.name}`}) from ${fmtNumber(lo)} to ${fmtNumber(hi)} in ${a.values.length} steps, base ${fmtNumber(a.base)} (${onAxis}).`;
}

/**
 * A table's sheet: title, what was varied, when and how it was computed, the sources, then from
 * row 5 the column axis (B5 rightwards; the output's label for a one-way table), the row axis
 * (A6 down) and the results from B6. Base-case axis values and the base-case result are role
 * `check` with a note. A colour scale covers the results; a one-way table also gets a line chart.
 *
 * Live: `result.live` is the output's original formula; its axis names are replaced by the
 * table's axis ranges (`$A$6:$A$16`, `$B$5:$L$5`) and the formula goes in B6, spilling over the
 * result block, which the plan leaves empty.
 */
export function tablePlan(result: TableResult, sheetName: string): WorkbookPlan {
  const { spec } = result;
  const rows = spec.rows.values;
  const cols = spec.cols?.values ?? [];
  const width = Math.max(2, cols.length + 1);
  const s = new SheetBuilder(sheetName, 'sensitivity', [30, ...Array.from({ length: width - 1 }, () => 13)]);
  const twoWay = spec.cols !== undefined;
  s.row([c(`Sensitivity of ${spec.outputLabel} (${qualified(spec.output)})`, 'title')]);
  s.row([c([describeAxis('Rows', spec.rows), ...(spec.cols === undefined ? [] : [describeAxis('Columns', spec.cols)])].join(' '), 'subtitle')]);
  const how =
    result.live !== null
      ? 'Live: one spilled DEF formula over the axes below; it recalculates with the workbook.'
      : `Values: each point computed by setting the inputs, recalculating and reading the output; inputs restored after.${result.complete ? '' : ' INCOMPLETE: the run was stopped; the rows not computed are empty.'}`;
  s.row([c(`Computed ${stamp(result.computedAt)}. ${how}`, 'text')]);
  const axes = [spec.rows, ...(spec.cols === undefined ? [] : [spec.cols])];
  s.row([c(sourcesLine(axes), 'source')]);

  const all = result.values.flat();
  const fmt = result.live !== null ? '#,##0.00' : numberFormat(all);
  const axisCell = (a: Axis, v: number): CellPlan =>
    isBase(v, a.base)
      ? c(v, 'check', numberFormat(a.values), `Base case: ${citation(a.ref, a.label, a.name)}`)
      : c(v, 'input', numberFormat(a.values));
  const header: CellInput[] = twoWay
    ? [
        c(
          `${spec.rows.label} \\ ${spec.cols?.label ?? ''}`,
          'header',
          undefined,
          `Rows vary ${citation(spec.rows.ref, spec.rows.label, spec.rows.name)}; columns vary ${spec.cols === undefined ? '' : citation(spec.cols.ref, spec.cols.label, spec.cols.name)}`,
        ),
        ...cols.map((v) => (spec.cols === undefined ? null : axisCell(spec.cols, v))),
      ]
    : [c(spec.rows.label, 'header', undefined, citation(spec.rows.ref, spec.rows.label, spec.rows.name)), c(spec.outputLabel, 'header')];
  s.row(header);
  const first = HEADER_ROW + 1;
  const baseCol = spec.cols === undefined ? -1 : cols.findIndex((v) => spec.cols !== undefined && isBase(v, spec.cols.base));
  const live =
    result.live === null
      ? null
      : substituteNames(result.live, [
          ...(spec.rows.name === undefined
            ? []
            : [{ name: spec.rows.name, range: `${address(first, 0, true)}:${address(first + rows.length - 1, 0, true)}` }]),
          ...(spec.cols?.name === undefined
            ? []
            : [{ name: spec.cols.name, range: `${address(HEADER_ROW, 1, true)}:${address(HEADER_ROW, cols.length, true)}` }]),
        ]);
  rows.forEach((rv, i) => {
    const resultCells: CellPlan[] = Array.from({ length: twoWay ? cols.length : 1 }, (_, j) => {
      const content: Constant = live !== null ? (i === 0 && j === 0 ? live : null) : (result.values[i]?.[j] ?? null);
      const base = isBase(rv, spec.rows.base) && (twoWay ? j === baseCol : true);
      const note = i === 0 && j === 0 ? `Varied: ${axes.map((a) => citation(a.ref, a.label, a.name)).join('; ')}` : base ? 'Base case' : undefined;
      return c(content, base ? 'check' : 'output', fmt, note);
    });
    s.row([axisCell(spec.rows, rv), ...resultCells]);
  });
  const block = `${address(first, 1)}:${address(first + rows.length - 1, twoWay ? cols.length : 1)}`;
  const sheet = s.build({ rows: first, columns: 1 });
  return {
    sheets: [
      {
        ...sheet,
        colorScales: [{ address: block }],
        charts: twoWay
          ? []
          : [
              {
                kind: 'line',
                title: `${spec.outputLabel} against ${spec.rows.label}`,
                dataAddress: `${address(HEADER_ROW, 0)}:${address(first + rows.length - 1, 1)}`,
                anchor: address(first, 3),
                xTitle: spec.rows.label,
                yTitle: spec.outputLabel,
              },
            ],
      },
    ],
    names: [],
  };
}
