/**
 * Sensitivity tables as plans: one-way and two-way tables of an output against one or two inputs,
 * a tornado of every input's low-high swing, and the three scenarios side by side. Excel's Data
 * Table and Goal Seek do not recalculate custom functions, so the add-in computes these itself
 * (`./driver.ts` drives a {@link DrivableTarget}) or, for the baseline's own models, writes one
 * live spilled `DEF.*` formula over the table's axes.
 *
 * Everything here is pure: results in, {@link WorkbookPlan}s out.
 */
import { ASSUMPTIONS, SCENARIOS } from '../data/assumptions';
import type { Assumption, ScenarioId } from '../data/types';
import { sameCell } from './a1';
import { baselineSheetOf } from './anchors';
import { baselinePlan, scenarioFromLabel } from './baseline';
import { c, type CellInput, SheetBuilder } from './builder';
import { address, type CellPlan, type Constant, planAnchors, quoteSheet, type WorkbookPlan } from './plan';
import type { CellRef, CellState } from './writer';

/** Most steps on one axis. */
export const MAX_STEPS = 50;
/** Most points (rows x columns) in one table. */
export const MAX_POINTS = 2500;

/**
 * Why a run stopped: `RESTORE_FAILED` means some inputs could not be put back (whatever else
 * happened, a cancel included); the error's `recovery` lists them with what they held.
 */
export type SensitivityErrorCode =
  'INVALID' | 'INPUT_NOT_CONSTANT' | 'OUTPUT_NOT_FORMULA' | 'NO_DEPENDENCE' | 'TOO_LARGE' | 'CANCELLED' | 'FAILED' | 'RESTORE_FAILED';

/** An input a run could not put back: where, what it held before the run, and why the last try failed. */
export interface UnrestoredCell {
  readonly ref: CellRef;
  readonly state: CellState;
  readonly reason: string;
}

/** Inputs that could not be put back, and the workbook sheet listing them (`null` when it could not be written). */
export interface Recovery {
  readonly cells: readonly UnrestoredCell[];
  readonly sheet: string | null;
}

/** Why a sensitivity run was refused or stopped; `partial` holds what a stopped table had computed. */
export class SensitivityError extends Error {
  readonly code: SensitivityErrorCode;
  readonly partial?: TableResult;
  /** With `RESTORE_FAILED`: the inputs left changed. */
  readonly recovery?: Recovery;

  constructor(code: SensitivityErrorCode, message: string, partial?: TableResult, recovery?: Recovery) {
    super(message);
    Object.setPrototypeOf(this, SensitivityError.prototype);
    this.name = 'SensitivityError';
    this.code = code;
    if (partial !== undefined) this.partial = partial;
    if (recovery !== undefined) this.recovery = recovery;
  }
}

/**
 * `steps` evenly spaced values from `low` to `high`, both included.
 * @example axisValues(1, 2, 3) // [1, 1.5, 2]
 */
export function axisValues(low: number, high: number, steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS) {
    throw new SensitivityError('INVALID', `steps must be a whole number from 2 to ${MAX_STEPS}, not ${steps}`);
  }
  if (!Number.isFinite(low) || !Number.isFinite(high))
    throw new SensitivityError('INVALID', `low and high must be finite numbers, not ${low} and ${high}`);
  if (low >= high) throw new SensitivityError('INVALID', `low (${low}) must be below high (${high})`);
  // low + i * (high - low) / (steps - 1), with the last value exactly high.
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? high : low + ((high - low) * i) / (steps - 1)));
}

/** One varied input: its constant cell, a label, its defined name (for the live path), the values and the base. */
export interface Axis {
  readonly ref: CellRef;
  readonly label: string;
  /** The defined name the output's formula reads the input by: lets the table be one live formula. */
  readonly name?: string;
  readonly values: readonly number[];
  readonly base: number;
}

export interface TableSpec {
  readonly output: CellRef;
  readonly outputLabel: string;
  readonly rows: Axis;
  /** Absent for a one-way table. */
  readonly cols?: Axis;
}

export interface TableResult {
  readonly spec: TableSpec;
  /** Rows x columns of outputs (one column for a one-way table); `[]` on the live path. */
  readonly values: Constant[][];
  /**
   * On the live path, the output's ORIGINAL formula (e.g. `=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)`);
   * {@link tablePlan} replaces the axes' names in it by the table's axis ranges. `null`: driven.
   */
  readonly live: string | null;
  /** False when a run was stopped part-way (`values` holds the rows done). */
  readonly complete: boolean;
  readonly computedAt: Date;
}

export interface TornadoInput {
  readonly ref: CellRef;
  readonly label: string;
  readonly low: number;
  readonly high: number;
}

export interface TornadoRow {
  readonly input: TornadoInput;
  readonly atLow: number;
  readonly atHigh: number;
  /** |atHigh - atLow|. */
  readonly swing: number;
}

export interface TornadoResult {
  readonly output: CellRef;
  readonly outputLabel: string;
  /** The output with every input at its base. */
  readonly base: number;
  /** Inputs that move the output, largest swing first. */
  readonly rows: readonly TornadoRow[];
  /** Inputs tried that did not move the output (swing 0), left out of `rows`. */
  readonly unaffected?: readonly TornadoInput[];
  readonly computedAt: Date;
}

export interface ComparisonResult {
  readonly rows: readonly { readonly label: string; readonly unit: string; readonly values: Readonly<Record<ScenarioId, Constant>> }[];
  readonly computedAt: Date;
}

/** The first name not in `existing` (case-insensitive): `Sensitivity`, `Sensitivity (2)`, ... */
export function freeSheetName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

// ------------------------------------------------------------------------------------------------
// Formulas that can be a live table

/** Tokens of a formula that may stay live: DEF calls, arithmetic, numbers, text, defined names. */
const TOKEN = /\s+|"(?:[^"]|"")*"|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?%?|\.\d+|[A-Za-z_\\][A-Za-z0-9_.]*\(?|<>|<=|>=|[-+*/^&(),=<>]|./gy;
const CELL_REF = /^[A-Za-z]{1,3}[0-9]{1,7}$/;

/**
 * The defined names a formula reads, when it is made only of `DEF.*` calls, arithmetic, numbers,
 * text and defined names (no cell references, no other functions); otherwise `null`.
 * @example liveNames('=DEF.FORCE_SIZE(line_km*zone_depth_km,density_per_km2)') // ['line_km', 'zone_depth_km', 'density_per_km2']
 */
export function liveNames(formula: string): string[] | null {
  if (!formula.startsWith('=')) return null;
  const names: string[] = [];
  let calls = 0;
  TOKEN.lastIndex = 1;
  for (let m = TOKEN.exec(formula); m !== null && m[0] !== ''; m = TOKEN.exec(formula)) {
    const t = m[0];
    if (/^[A-Za-z_\\]/.test(t)) {
      if (t.endsWith('(')) {
        if (!/^DEF\.[A-Za-z_]+\($/i.test(t)) return null;
        calls += 1;
      } else if (CELL_REF.test(t) || /^[RC]\d*$/i.test(t)) {
        return null;
      } else if (!/^(TRUE|FALSE)$/i.test(t)) {
        if (!names.some((n) => n.toLowerCase() === t.toLowerCase())) names.push(t);
      }
    } else if (t.length === 1 && !/[-+*/^&(),=<>\s"0-9.]/.test(t)) {
      return null; // $, !, :, {, [ and the like: references or arrays
    }
  }
  return calls > 0 ? names : null;
}

/** `formula` with each whole-word `name` (outside text) replaced by its range. */
export function substituteNames(formula: string, ranges: readonly { readonly name: string; readonly range: string }[]): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = part;
      for (const { name, range } of ranges) {
        const escaped = name.replace(/[.\\]/g, (x) => `\\${x}`);
        // The character before is captured and kept (no look-behind: older Safari webviews in Office
        // on Mac lack it); a replacer function, since `range` holds `$` signs.
        const pattern = new RegExp(`(^|[^A-Za-z0-9_.\\\\$])${escaped}(?![A-Za-z0-9_.(])`, 'gi');
        out = out.replace(pattern, (_match, before: string) => `${before}${range}`);
      }
      return out;
    })
    .join('');
}

// ------------------------------------------------------------------------------------------------
// Plans

const HEADER_ROW = 4; // 0-based: row 5 holds the column axis (or the headers)
const fmtNumber = (x: number): string => x.toLocaleString('en-GB', { maximumFractionDigits: 4 });
const qualified = (r: CellRef): string => `${quoteSheet(r.sheet)}!${r.address}`;

/** When a result was computed, as a sheet shows it: `2026-11-24 16:50 UTC`. */
export function stamp(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The assumption behind an input cell (a scenario, low/high or active cell of an Assumptions sheet), or by its defined name. */
function assumptionOf(ref: CellRef, name?: string): Assumption | undefined {
  const sheet = baselineSheetOf(ref.sheet);
  if (sheet?.kind === 'assumptions') {
    const anchors = planAnchors(baselinePlan({ scenario: 'peace', copy: sheet.copy, kinds: ['assumptions'] })).assumptions;
    const a = anchors.find((x) => [...Object.values(x.scenario), x.active, x.low, x.high].some((cell) => sameCell(cell, ref)));
    if (a !== undefined) return ASSUMPTIONS.find((x) => x.id === a.id);
  }
  const id = name?.replace(/_\d+$/, '');
  return id === undefined ? undefined : ASSUMPTIONS.find((x) => x.id === id || x.id === name);
}

function citation(ref: CellRef, label: string, name?: string): string {
  const a = assumptionOf(ref, name);
  const what = `${label} (${qualified(ref)}${name === undefined ? '' : `, ${name}`})`;
  return a === undefined ? what : `${what}: ${a.source}, as of ${a.asOf}`;
}

function sourcesLine(items: readonly { ref: CellRef; label: string; name?: string }[]): string {
  return `Sources: ${items.map((x) => citation(x.ref, x.label, x.name)).join('; ')}. DEF.SOURCE(id) gives the full text.`;
}

const isBase = (v: number, base: number): boolean => Math.abs(v - base) <= 1e-9 * Math.max(1, Math.abs(base));

function numberFormat(values: readonly Constant[]): string {
  const nums = values.filter((v): v is number => typeof v === 'number');
  if (nums.length > 0 && nums.every((v) => Number.isInteger(v))) return '#,##0';
  return nums.some((v) => Math.abs(v) >= 1000) ? '#,##0' : '#,##0.00';
}

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

/** The scenario whose selector label is `label`, or `undefined`. */
export function scenarioOf(label: Constant): ScenarioId | undefined {
  return typeof label === 'string' ? scenarioFromLabel(label) : undefined;
}
