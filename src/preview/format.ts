/**
 * Cell values as Excel displays them, for the number formats the workbook plans use: `General`,
 * `@` (text), `0`, `0.00`, `#,##0`, `#,##0.0`, `#,##0.00`, `0%`, `0.00%`. Other formats fall back to
 * the nearest of these (decimals, thousands separator and percent read from the pattern); dates,
 * currencies and conditional sections are not needed by the plans and are not interpreted.
 */
import { isPreviewError, type PreviewCell, type PreviewValue } from './target';

/** How a cell's content sits in it, as in Excel: numbers right, text left, booleans and errors centred. */
export type Alignment = 'left' | 'right' | 'center';

export interface DisplayedValue {
  readonly text: string;
  readonly align: Alignment;
}

interface NumberPattern {
  readonly decimals: number;
  readonly thousands: boolean;
  readonly percent: boolean;
}

const patterns = new Map<string, NumberPattern | null>();

/** The parts of a number format that matter here; null for General and text. */
function parsePattern(format: string | undefined): NumberPattern | null {
  if (format === undefined || format === '' || format === '@' || format.toLowerCase() === 'general') return null;
  const cached = patterns.get(format);
  if (cached !== undefined) return cached;
  // Only the first section (positive numbers) counts; quoted text and escapes are dropped.
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"|\\./g, '');
  const point = section.indexOf('.');
  const decimals = point < 0 ? 0 : (/^[0#?]*/.exec(section.slice(point + 1))?.[0].length ?? 0);
  const parsed = /[0#?]/.test(section) ? { decimals, thousands: section.includes(','), percent: section.includes('%') } : null;
  patterns.set(format, parsed);
  return parsed;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(decimals: number, grouping: boolean): Intl.NumberFormat {
  const id = `${decimals}:${grouping}`;
  let f = formatters.get(id);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    formatters.set(id, f);
  }
  return f;
}

/** A number in Excel's General format: up to 10 significant digits, exponent form when very large or small. */
export function formatGeneral(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa = '', exponent = '0'] = x.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exponent);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(x.toPrecision(10)));
}

/** A number in a number format. */
export function formatNumber(x: number, format: string | undefined): string {
  const p = parsePattern(format);
  if (p === null) return formatGeneral(x);
  const text = formatter(p.decimals, p.thousands).format(p.percent ? x * 100 : x);
  return p.percent ? `${text}%` : text;
}

/** What a cell shows, and how it is aligned, for its value and number format. */
export function displayValue(value: PreviewValue, format: string | undefined): DisplayedValue {
  if (value === null) return { text: '', align: 'left' };
  if (typeof value === 'number') return { text: formatNumber(value, format), align: 'right' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', align: 'center' };
  if (isPreviewError(value)) return { text: value.code, align: 'center' };
  return { text: value, align: 'left' };
}

/** What the formula bar shows for a cell: its formula, else its value unformatted (as Excel does). */
export function formulaText(cell: PreviewCell): string {
  if (cell.formula !== undefined) return cell.formula;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'number') return formatGeneral(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isPreviewError(v)) return v.code;
  return v;
}
