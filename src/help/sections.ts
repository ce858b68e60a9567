/**
 * The parts of the help page that are not a function's section: the styles, the opening, ranges
 * and spilling, errors, and where the numbers come from. The function sections are rendered from
 * the registry by `./page.ts`.
 */

export const STYLE = `
  body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; color: #242424; margin: 0 auto; max-width: 58rem; padding: 1.5rem; line-height: 1.45; }
  h1 { font-size: 1.6rem; font-weight: 600; margin-bottom: .25rem; }
  h2 { font-size: 1.25rem; font-weight: 600; margin-top: 2.5rem; border-bottom: 1px solid #e0e0e0; padding-bottom: .25rem; }
  h3 { font-size: 1.05rem; font-weight: 600; margin: 2rem 0 .25rem; }
  code, pre { font-family: Consolas, "Cascadia Mono", monospace; font-size: .92em; background: #f5f5f5; border-radius: 3px; }
  code { padding: 0 .2em; }
  pre { padding: .5rem .75rem; overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e0e0e0; padding: .3rem .5rem; }
  th { font-weight: 600; background: #fafafa; }
  .sig { font-family: Consolas, monospace; font-size: 1rem; }
  .note { color: #616161; font-size: .92em; }
  nav a { margin-right: .75rem; white-space: nowrap; }
  :target { background: #fff8e1; }
`;

export const OPENING = `<h1>DefEcon function reference</h1>
<p>DefEcon adds functions in the <code>DEF</code> namespace to Excel for sizing a peace-enforcement force, munitions
stockpiles and the sharing of a European security fund, following IEP@BU commentary no. 187 (A. Gilli, M. Gilli and
N. Petrelli, 26 March 2025). Every figure the functions carry has a source; <code>DEF.SOURCE(id)</code> prints it.</p>`;

/** The sections after the function links in the page's navigation: anchor and link text. */
export const OTHER_SECTIONS: readonly (readonly [string, string])[] = [
  ['ranges', 'Ranges'],
  ['errors', 'Errors'],
  ['data', 'Data'],
];

export const RANGES = `<h2 id="ranges">Ranges and spilling</h2>
<p>Every parameter accepts a single value or a range, and the result spills. Ranges combine as Excel's own arithmetic
does: equal shapes cell by cell, a single value against every cell, a column against a row makes a grid. So
<code>=DEF.MUNITION_DAYS(A2:A20, B1:K1)</code> is a 19 x 10 sensitivity table in one formula, and
<code>=DEF.FUND_SHARE(A2:A30, 40)</code> a whole contribution table. Ranges whose sizes cannot combine (3 rows against
2 rows) give <code>#VALUE!</code> naming both sizes. A bad cell marks its own result cell only. A result may have at most
262,144 cells (512 x 512): Excel caps what a custom function returns at about 5 MB.</p>
<p>Blank cells count as 0 in a required number, as in Excel arithmetic; a blank or omitted optional argument takes its
default. Text choices (keys, scenarios, precedents, countries) ignore case.</p>`;

export const ERRORS = `<h2 id="errors">Errors</h2>
<table>
  <tr><th>Error</th><th>Means</th><th>Example</th></tr>
  <tr><td><code>#VALUE!</code></td><td>Bad input: text where a number belongs, a number outside the accepted range, an
    unknown choice, ranges that cannot combine, a result too large. The message names the parameter and what it accepts.</td>
    <td><code>=DEF.MUNITION_DAYS(-5, 100)</code>: stock must be a number ≥ 0 (rounds); got -5</td></tr>
  <tr><td><code>#N/A</code></td><td>Valid input with no finite answer, or that the data does not cover. The message says why.</td>
    <td><code>=DEF.MUNITION_DAYS(1000, 50, 60)</code>: the stock never runs out</td></tr>
  <tr><td><code>#NUM!</code></td><td>The result is beyond the largest number Excel holds (about 1.8E+308).</td>
    <td><code>=DEF.FORCE_SIZE(1E300, 1E10)</code></td></tr>
</table>
<p class="note">Excel shows the message when you select the cell and click the error indicator. Some desktop builds do not
show custom messages; the same explanation is written here for every function.</p>`;

export const DATA = `<h2 id="data">Where the numbers come from</h2>
<h3 id="keys">Contribution keys</h3>
<table>
  <tr><th>Key</th><th>Covers</th><th>Source</th></tr>
  <tr><td><code>GDP</code></td><td>EU27, United Kingdom, Norway</td><td>GDP 2024 at current prices, EUR million: IMF World Economic Outlook, April 2025;
    non-euro currencies at the ECB's 2024 average reference rates (derived). DK and LU are IMF estimates.</td></tr>
  <tr><td><code>EFSF</code></td><td>the 17 euro-area guarantors of 2011</td><td>EFSF guarantee commitments after the 2011 amendment (EUR million). DE confirmed
    by German law (StabMechG), BE by the Netherlands Court of Audit; the other amounts are corroborated by their shares and totals (medium confidence).</td></tr>
  <tr><td><code>ESM</code></td><td>the 19 ESM members of 2015</td><td>ESM Treaty, Annexes I and II (contribution key, %).</td></tr>
  <tr><td><code>ECB</code></td><td>the 20 euro-area members of 2024</td><td>ECB capital key from 1 January 2024 (Decision (EU) 2023/2811), as read from Banco de España and ECB pages.
    The key of the non-euro central banks was not available, so this key covers the euro area only.</td></tr>
  <tr><td><code>POP</code></td><td>EU27, United Kingdom, Norway</td><td>Population on 1 January 2024, Eurostat (July 2024 release); United Kingdom: ONS mid-2023; Norway: Statistics Norway.</td></tr>
</table>
<p>The brief's scenarios, precedents, ratios and munitions figures each carry their own source: use <code>DEF.SOURCE</code>.
Where a figure is DefEcon's derivation or an analyst's choice, its citation says so. Two things are not established from the
primary sources and are labelled as such: how the brief's authors reached 30,000–60,000 personnel, and RAND's nine days for
France, which is quoted from the brief.</p>`;
