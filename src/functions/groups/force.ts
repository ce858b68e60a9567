/**
 * The force functions: sizing a peace-enforcement force by analogy with a precedent's density, the
 * force-generation multiplier and the cost of keeping a force.
 */
import { basisParam, FORCE_COST, FORCE_ROTATION, FORCE_SIZE, liftForceDensity, precedentParam } from '../../model/force';
import { lift } from '../../model/numeric';
import { type Argument, choiceParameter, declare, type Grid, modelParameters } from '../declare';
import { toExcel, toExcelError } from '../errors';

export const forceSize = declare({
  id: 'FORCE_SIZE',
  group: 'Force',
  summary: 'Personnel required to cover a line, a zone or a population at a given density.',
  description: 'Personnel required to cover a zone or line: extent × density × rotation / (1 − enabler_share).',
  parameters: modelParameters(FORCE_SIZE, {
    extent: {
      description: 'What density is per: km of line, km² of zone or thousands of inhabitants (≥ 0).',
      help: { unitNote: ': whatever <code>density</code> is per' },
    },
    density: {
      description: 'Personnel per unit of extent (≥ 0), e.g. DEF.FORCE_DENSITY("UNIFIL").',
      help: { unitNote: ' (see <a href="#force_density">FORCE_DENSITY</a>)' },
    },
    rotation: {
      description: 'Units generated per unit deployed (≥ 1), e.g. 5 under UK Harmony rules. Default 1: the deployed force.',
      help: { unitNote: ' (see <a href="#force_rotation">FORCE_ROTATION</a>)', acceptedNote: ', the deployed force' },
    },
    enabler_share: { description: 'Share of the whole force in support roles, from 0 up to (not including) 1. Default 0.' },
  }),
  method: {
    equation: 'P = extent × density × rotation / (1 − enabler_share)',
    reference:
      'J. T. Quinlivan, "Burden of Victory: The Painful Arithmetic of Stability Operations", RAND Review, Summer 2003 ' +
      "(sizing by analogy with a past mission's density); the brief sizes its force by analogy with UNIFIL.",
  },
  examples: [
    {
      intro: "the brief's line of contact (1,040 km) with a zone 4 km deep at UNIFIL's density: ",
      formula: '=DEF.FORCE_SIZE(1040*4, DEF.FORCE_DENSITY("UNIFIL"))',
      result: '39,245',
      says: 'personnel deployed',
      after: ' (4,160 km² × 10,000 / 1,060). With <code>rotation</code> 4 it is 156,981 to generate.',
    },
  ],
  call: (extent: Grid, density: Grid, rotation?: Argument, enabler_share?: Argument) =>
    toExcel(() => lift(FORCE_SIZE, [extent, density, rotation, enabler_share], toExcelError)),
});

export const forceDensity = declare({
  id: 'FORCE_DENSITY',
  group: 'Force',
  summary: 'Troops per unit of a basis in a precedent mission: troops / area, troops / line length, or troops per thousand inhabitants.',
  description: 'Troops per km² of zone, per km of line or per thousand inhabitants in a precedent mission.',
  parameters: [
    choiceParameter(precedentParam, {
      description: 'UNIFIL, UNIFIL_AUTHORISED, KFOR, IFOR, UNFICYP or KOREA_DMZ.',
      help: {
        accepted:
          '<code>UNIFIL</code> (actual strength, 2018), <code>UNIFIL_AUTHORISED</code> (UNSCR 1701 ceiling), ' +
          '<code>KFOR</code> (1999), <code>IFOR</code> (1995), <code>UNFICYP</code> (2014), <code>KOREA_DMZ</code> (US forces, 2009); ' +
          'the reference-data ids (<code>UNIFIL_ACTUAL</code>, <code>KFOR_1999</code>...) too',
      },
    }),
    choiceParameter(
      basisParam,
      {
        description: '"km2" (default), "km" (of line) or "per1000" (inhabitants).',
        help: {
          accepted:
            '<code>km2</code> (default), <code>km</code> (of line) or <code>per1000</code> (inhabitants). ' +
            'A basis the precedent has no figure for is <code>#N/A</code> with the bases it does have.',
        },
      },
      'km2',
    ),
  ],
  method: {
    equation: 'troops / area in km², troops / line length in km, or troops / (inhabitants / 1,000)',
    reference: null,
  },
  examples: [
    { formula: '=DEF.FORCE_DENSITY("UNIFIL")', result: '9.43', says: 'troops per km²', after: ' (10,000 / 1,060 km²);' },
    { formula: '=DEF.FORCE_DENSITY("KFOR", "per1000")', result: '22.7', says: 'per thousand inhabitants', after: ' (50,000 / 2,200).' },
  ],
  note:
    'Sources: UNIFIL press release of 7 Dec 2018 and mission profile; UN Security Council resolution 1701 (2006); ' +
    'US DoD news, 20 May 1999 (KFOR); NATO SFOR fact sheet, Jan 2004 (IFOR); UNFICYP, "About the buffer zone"; Reuters factbox, 2009 ' +
    "(Korea). IFOR's area is all of Bosnia and Herzegovina, and the Korea figure counts US troops in the whole country.",
  call: (precedent: Grid, basis?: Argument) => toExcel(() => liftForceDensity(precedent, basis, toExcelError)),
});

export const forceRotation = declare({
  id: 'FORCE_ROTATION',
  group: 'Force',
  summary: 'Force-generation multiplier: how many units must exist to keep one deployed.',
  description: 'Force-generation multiplier (tour + interval) / tour: units needed to keep one deployed.',
  parameters: modelParameters(FORCE_ROTATION, {
    tour_months: { description: 'Months deployed per tour (> 0).' },
    interval_months: { description: 'Months at home between tours (≥ 0).', help: { unitNote: ' (at home)' } },
  }),
  method: {
    equation: '(tour + interval) / tour',
    reference: 'UK Harmony Guidelines (6-month tours, 24 months between), Iraq Inquiry report, section 16.1.',
  },
  examples: [{ formula: '=DEF.FORCE_ROTATION(6, 24)', result: '5', says: '(UK Harmony Guidelines)', after: '.' }],
  call: (tour_months: Grid, interval_months: Grid) => toExcel(() => lift(FORCE_ROTATION, [tour_months, interval_months], toExcelError)),
});

export const forceCost = declare({
  id: 'FORCE_COST',
  group: 'Force',
  summary: 'Cost of keeping a force: personnel × cost per person-year × years.',
  description: 'Cost of a force: personnel × cost per person-year × years.',
  parameters: modelParameters(FORCE_COST, {
    personnel: { description: 'Persons (≥ 0).' },
    cost_per_year: {
      description: 'Cost per person per year in any currency (≥ 0); the result is in the same currency.',
      help: { unitNote: ' (the result is in the same currency)' },
    },
    years: { description: 'Years (≥ 0). Default 1.' },
  }),
  method: { equation: 'personnel × cost_per_year × years', reference: null },
  examples: [
    {
      formula: '=DEF.FORCE_COST(40000, 120000)',
      result: '4,800,000,000',
      after: ": 40,000 troops at the baseline's EUR 120,000 per soldier-year (Italy's UNIFIL contingent, 2011 decree).",
    },
  ],
  call: (personnel: Grid, cost_per_year: Grid, years?: Argument) => toExcel(() => lift(FORCE_COST, [personnel, cost_per_year, years], toExcelError)),
});
