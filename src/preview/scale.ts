/**
 * Colour scales as Excel draws its default three-colour one: the lowest value red, the 50th
 * percentile yellow, the highest green (the other way round when reversed), linear in between.
 * Pure: values in, CSS colours out; the colours are the one copy in `src/workbook/look.ts`.
 */
import { type Block, parseBlock } from '../workbook/a1';
import { rgbOf, SCALE_COLOURS } from '../workbook/look';
import type { ColorScalePlan } from '../workbook/plan';

type Rgb = readonly [number, number, number];

/** `a` moved a fraction `t` (0 to 1) of the way to `b`, each channel rounded, as CSS `rgb(r, g, b)`. */
function mix(a: Rgb, b: Rgb, t: number): string {
  return `rgb(${a.map((x, i) => Math.round(x + ((b[i] ?? x) - x) * t)).join(', ')})`;
}

/**
 * Background colours of a three-colour scale over `values`, in their order. The middle is the
 * median of the finite numbers (the mean of the two middle ones for an even count). Non-numbers
 * get `undefined`; when every number is the same, all are yellow.
 * @example scaleColours([1, 2, 3]) // ['rgb(248, 105, 107)', 'rgb(255, 235, 132)', 'rgb(99, 190, 123)']
 */
export function scaleColours(values: readonly unknown[], reverse = false): (string | undefined)[] {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const lo = nums[0];
  const hi = nums[nums.length - 1];
  if (lo === undefined || hi === undefined) return values.map(() => undefined);
  const k = (nums.length - 1) / 2;
  const mid = ((nums[Math.floor(k)] ?? lo) + (nums[Math.ceil(k)] ?? hi)) / 2;
  const red = rgbOf(SCALE_COLOURS.low);
  const yellow = rgbOf(SCALE_COLOURS.mid);
  const green = rgbOf(SCALE_COLOURS.high);
  const [low, high] = reverse ? [green, red] : [red, green];
  return values.map((v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
    if (hi === lo) return mix(yellow, yellow, 0);
    if (v <= mid) return mix(low, yellow, mid === lo ? 1 : (v - lo) / (mid - lo));
    return mix(yellow, high, hi === mid ? 1 : (v - mid) / (hi - mid));
  });
}

/**
 * The background of each number in a scale's block, keyed `row,col` (0-based), read through
 * `value(row, col)`; nothing for a block address that does not parse.
 */
export function scaleBackgrounds(scale: ColorScalePlan, value: (row: number, col: number) => unknown): Map<string, string> {
  const out = new Map<string, string>();
  const block: Block | undefined = parseBlock(scale.address);
  if (block === undefined) return out;
  const keys: string[] = [];
  const values: unknown[] = [];
  for (let r = block.row0; r <= block.row1; r++) {
    for (let c = block.col0; c <= block.col1; c++) {
      keys.push(`${r},${c}`);
      values.push(value(r, c));
    }
  }
  scaleColours(values, scale.reverse === true).forEach((colour, i) => {
    const key = keys[i];
    if (colour !== undefined && key !== undefined) out.set(key, colour);
  });
  return out;
}
