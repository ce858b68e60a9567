/** The Fund sheet: the fund's size and guarantees, and each country's key share and contribution. */
import { COUNTRIES } from '../../data/countries';
import { KEY_IDS } from '../../data/keys';
import { def } from '../../functions/formula';
import { c, SheetBuilder } from '../builder';
import { address, type FundCountryAnchor, type SheetPlan } from '../plan';
import { definedName, FMT, sheetName } from './names';

/** The Fund sheet of copy `copy`, reading the defined names of copy `namesCopy`. */
export function fundSheet(copy: number, namesCopy: number): SheetPlan {
  const n = (id: string): string => definedName(id, namesCopy);
  const s = new SheetBuilder(sheetName('fund', copy), 'fund', [12, 22, 14, 14, 20, 20]);
  s.row([c('European Security Fund for Ukraine', 'title')]);
  s.row([
    c(
      "Modelled on the EFSF: guarantees at the over-guarantee, contributions by a key renormalised over the countries that take part. Toggle Participates or change the key. All 29 take part by default: an analyst's choice, since the Gros fund's coalition (most EU members, the UK and Norway) is not a list.",
      'subtitle',
    ),
  ]);
  s.row([c('Annual size', 'label'), null, c(`=${n('fund_annual')}`, 'output', FMT.dec1), c('EUR bn per year', 'text')], 'size');
  s.row([c('Over-guarantee', 'label'), null, c(`=${n('over_guarantee')}`, 'output', FMT.dec2), c('ratio', 'text')], 'og');
  s.row(
    [
      c('Guarantees needed', 'label'),
      null,
      c(`=${def('FUND_GUARANTEES', s.at('size', 2), s.at('og', 2))}`, 'output', FMT.dec1),
      c('EUR bn per year', 'text'),
    ],
    'guarantees',
  );
  s.row(
    [
      c('Contribution key', 'label'),
      null,
      c(`=${n('fund_key')}`, 'input', '@', 'Baseline: GDP 2024 shares (Gros, IEP@BU Policy Brief 36). Choose another key from the list.'),
      c('GDP, EFSF, ESM, ECB (euro area) or POP', 'text'),
    ],
    'key',
  );
  s.validate({ address: s.at('key', 2), list: KEY_IDS, prompt: 'GDP, EFSF, ESM, ECB or POP' });
  for (const mark of ['size', 'og', 'guarantees', 'key']) s.line(s.rowOf(mark), 2, mark === 'size' ? 'fund_annual' : undefined);
  s.row([]);
  s.row(
    ['Code', 'Country', 'Participates', 'Key share', 'Contribution (EUR bn/yr)', 'Guarantee (EUR bn)'].map((h) => c(h, 'header')),
    'header',
  );
  const first = s.next;
  const last = first + COUNTRIES.length - 1;
  const codes = `$A$${first + 1}:$A$${last + 1}`;
  const flags = `$C$${first + 1}:$C$${last + 1}`;
  const participants = `IF(${flags}="Yes",${codes},"")`;
  const key = s.at('key', 2, true);
  const countries: FundCountryAnchor[] = [];
  for (const country of COUNTRIES) {
    countries.push({ code: country.code, name: s.ref(s.next, 1), contribution: s.ref(s.next, 4) });
    const r = s.next + 1;
    s.row([
      c(country.code, 'label'),
      c(country.name, 'text'),
      c('Yes', 'input', undefined, 'Yes or No: the key is renormalised over the countries marked Yes.'),
      c(`=IFNA(${def('FUND_KEY', `A${r}`, key, participants)},"not in key")`, 'output', FMT.pct),
      // "not in key" only where the key share says so: an #N/A coming from the amount passes on as #N/A.
      c(`=IF(D${r}="not in key",D${r},${def('FUND_SHARE', `A${r}`, s.at('size', 2, true), key, participants)})`, 'output', FMT.bn),
      c(`=IF(D${r}="not in key",D${r},${def('FUND_SHARE', `A${r}`, s.at('guarantees', 2, true), key, participants)})`, 'output', FMT.bn),
    ]);
    s.validate({ address: `C${r}`, list: ['Yes', 'No'], prompt: 'Yes or No' });
  }
  s.row([
    c('Total', 'header'),
    null,
    // Participants the key covers: a country marked Yes but outside the key (its share "not in key") pays nothing.
    c(`=COUNTIFS(${flags},"Yes",$D$${first + 1}:$D$${last + 1},"<>not in key")`, 'output', FMT.int),
    c(`=SUM(D${first + 1}:D${last + 1})`, 'check', FMT.pct),
    c(`=SUM(E${first + 1}:E${last + 1})`, 'check', FMT.bn),
    c(`=SUM(F${first + 1}:F${last + 1})`, 'check', FMT.bn),
  ]);
  const label = s.content(s.rowOf('header'), 4);
  if (typeof label !== 'string') throw new Error('Fund: the contribution column has no header');
  s.table({
    sheet: sheetName('fund', copy),
    label,
    unit: 'EUR bn per year',
    contributions: `${address(first, 4)}:${address(last, 4)}`,
    countries,
  });
  return s.build({ rows: first, columns: 2 });
}
