/**
 * Which formulas can stay a live sensitivity table: a formula made only of `DEF.*` calls,
 * arithmetic, numbers, text and defined names can be written once over the table's axes, with the
 * names replaced by the axis ranges.
 */

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
