/** The Sources sheet: every figure in the sheets and the DEF functions, with its source. */
import { ASSUMPTIONS } from '../../data/assumptions';
import { MUNITION_FACTS, RATIOS } from '../../data/facts';
import { KEY_IDS, KEYS } from '../../data/keys';
import { PRECEDENTS } from '../../data/precedents';
import type { Citation } from '../../data/types';
import { c, SheetBuilder } from '../builder';
import type { SheetPlan } from '../plan';
import { BASIS_LABEL, BRIEF, sheetName } from './names';

/** The Sources sheet of copy `copy`. */
export function sourcesSheet(copy: number): SheetPlan {
  const s = new SheetBuilder(sheetName('sources', copy), 'sources', [26, 44, 90, 12, 16, 12]);
  s.row([c('Sources', 'title')]);
  s.row([c(`Every figure in these sheets and in the DEF functions, with where it comes from. DEF.SOURCE(id) gives the same text.`, 'subtitle')]);
  s.row([]);
  s.row(['Id', 'What', 'Source and caveats', 'As of', 'Basis', 'Confidence'].map((h) => c(h, 'header')));
  const line = (id: string, what: string, x: Citation): void => {
    s.row([
      c(id, 'label'),
      c(what, 'text'),
      c(x.note === undefined ? x.source : `${x.source}. ${x.note}`, 'source'),
      c(x.asOf, 'source'),
      c(BASIS_LABEL[x.basis], 'source'),
      c(x.confidence ?? '', 'source'),
    ]);
  };
  s.row([c('The brief', 'subtitle')]);
  s.row([
    c('brief', 'label'),
    c('How Europe Can Prepare for a Post-Truce Ukraine', 'text'),
    c(`${BRIEF}, Institute for European Policymaking at Bocconi University`, 'source'),
    c('2025-03-26', 'source'),
    c('Read', 'source'),
    c('', 'source'),
  ]);
  s.row([c('Assumptions', 'subtitle')]);
  for (const a of ASSUMPTIONS) line(a.id, a.label, a);
  s.row([c('Force precedents', 'subtitle')]);
  for (const p of PRECEDENTS) line(p.id, `${p.mission} ${p.year}: ${p.troops.toLocaleString('en-GB')} troops (${p.troopsBasis})`, p);
  s.row([c('Contribution keys', 'subtitle')]);
  for (const k of KEY_IDS) {
    const key = KEYS.get(k);
    if (key !== undefined) line(k, `${key.label} (${key.unit})`, key);
  }
  s.row([c('Munitions facts and force ratios', 'subtitle')]);
  for (const f of [...MUNITION_FACTS, ...RATIOS]) line(f.id, `${f.meaning}: ${f.value.toLocaleString('en-GB')} ${f.unit}`, f);
  return s.build({ rows: 4, columns: 1 });
}
