/**
 * The layout shared by the Force and Munitions sheets: a title, an intro, and per section a
 * heading and one anchored row per line (label, value, unit, how it is computed).
 */
import { SheetBuilder, c } from '../builder';
import { address, type SheetKind, type SheetPlan } from '../plan';
import { sheetName } from './names';

/** A model sheet's rows: label, value (a formula), unit, how it is computed. */
export interface Line {
  readonly mark?: string;
  readonly label: string;
  readonly formula: string;
  readonly unit: string;
  readonly format: string;
  readonly how: string;
  readonly role?: 'output' | 'check';
}

/**
 * A model sheet: title, intro, then per section a heading and one row per line. Every line is
 * anchored (label, value in column B, unit); the lines whose marks are in `headlines` are headline
 * outputs with the mark as id.
 */
export function modelSheet(
  kind: SheetKind,
  copy: number,
  title: string,
  intro: string,
  sections: readonly [string, readonly Line[]][],
  headlines: readonly string[],
): SheetPlan {
  const s = new SheetBuilder(sheetName(kind, copy), kind, [46, 16, 22, 90]);
  s.row([c(title, 'title')]);
  s.row([c(intro, 'subtitle')]);
  s.row([]);
  s.row(['Item', 'Value', 'Unit', 'How it is computed'].map((h) => c(h, 'header')));
  // Formulas may refer to other lines as {mark}; rows are laid out first, then references resolved.
  const rowsOf = new Map<string, number>();
  let r = s.next;
  for (const [, lines] of sections) {
    r += 1;
    for (const l of lines) {
      if (l.mark !== undefined) rowsOf.set(l.mark, r);
      r += 1;
    }
  }
  const resolve = (f: string): string =>
    f.replace(/\{(\w+)\}/g, (_, m: string) => {
      const row = rowsOf.get(m);
      if (row === undefined) throw new Error(`${kind}: no line marked ${m}`);
      return address(row, 1);
    });
  for (const [heading, lines] of sections) {
    s.row([c(heading, 'subtitle')]);
    for (const l of lines) {
      const row = s.row([c(l.label, 'label'), c(resolve(l.formula), l.role ?? 'output', l.format), c(l.unit, 'text'), c(l.how, 'text')]);
      s.line(row, 1, l.mark !== undefined && headlines.includes(l.mark) ? l.mark : undefined);
    }
  }
  return s.build({ rows: 4, columns: 1 });
}
