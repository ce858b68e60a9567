/**
 * How a plan looks, in the numbers every writer shares: the colour scale's colours and the
 * conversion of a column width in characters to pixels and points. One copy, read by the Excel
 * writer and the preview.
 */

/** Excel's default three-colour scale: lowest value red, 50th percentile yellow, highest green. */
export const SCALE_COLOURS = { low: '#F8696B', mid: '#FFEB84', high: '#63BE7B' } as const;

/** Pixels per character of Excel's default font (Calibri 11) at 96 dpi. */
export const PX_PER_CHAR = 7;
/** Pixels of padding Excel adds to every column. */
export const PX_PADDING = 5;
/** Excel's default column width, in characters. */
export const DEFAULT_WIDTH_CHARS = 8.43;

/** A column width in characters of the default font as pixels: 7 a character plus 5 of padding (8.43 → 64). */
export function columnPixels(characters: number): number {
  return Math.round(characters * PX_PER_CHAR + PX_PADDING);
}

/**
 * A column width in characters as points (what `RangeFormat.columnWidth` takes): the pixels at 0.75
 * points a pixel, to the nearest quarter point. The default column, 8.43 characters, is 48 points.
 */
export function columnPoints(characters: number): number {
  return Math.round((characters * PX_PER_CHAR + PX_PADDING) * 0.75 * 4) / 4;
}

/** A `#RRGGBB` colour as its red, green and blue components (0-255). */
export function rgbOf(hex: string): readonly [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}
