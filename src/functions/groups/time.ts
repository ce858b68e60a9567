/**
 * The time-path functions: a production ramp, a munitions stock month by month, a fund financed by
 * bonds year by year, and money between price years. Each returns a column per scenario, its rows
 * the periods (DEFLATE broadcasts as the other functions do).
 */
import { HICP_EA, indexYears } from '../../data/deflators';
import {
  DEFLATE,
  FUND_SCHEDULE_PARAMS,
  liftDeflate,
  liftFundSchedule,
  liftMunitionPath,
  liftRamp,
  MUNITION_PATH_PARAMS,
  RAMP_PARAMS,
} from '../../model/time';
import { type Argument, declare, type Grid, modelParameters, numberParameter, spillByCount } from '../declare';
import { toExcel, toExcelError } from '../errors';

const ROW_NOTE = ' A row of values gives one column per scenario.';

export const ramp = declare({
  id: 'RAMP',
  group: 'Time',
  summary: 'A column of periods values ramping linearly from one level to another.',
  lead:
    'A column of periods values ramping linearly from one level to another: <code>from</code> up to period <code>start</code>, ' +
    '<code>to</code> from period <code>start + length</code> on. A row of levels gives one column per scenario.',
  description: 'A column of periods values: from up to period start, to from period start + length on, linear in between.',
  parameters: [
    numberParameter(RAMP_PARAMS.from, { description: 'Level up to period start, in any unit; a row gives one column per scenario.' }),
    numberParameter(RAMP_PARAMS.to, { description: 'Level from period start + length on, in the unit of from.' }),
    numberParameter(RAMP_PARAMS.periods, { description: 'Rows of the result: a whole number of periods (≥ 1), e.g. 60 months.' }),
    numberParameter(RAMP_PARAMS.start, { description: 'The last period at from (≥ 1). Default 1.' }),
    {
      ...numberParameter(RAMP_PARAMS.length, {
        description: 'Periods from start to the first period at to (≥ 0). Default periods − start.',
        help: { acceptedNote: '; 0 is a step at <code>start</code>' },
      }),
      optional: true,
      default: 'periods − start',
    },
  ],
  method: {
    equation: 'v(t) = from + (to − from) × (t − start) / length for start &lt; t &lt; start + length; from for t ≤ start; to for t ≥ start + length',
    notes: 'Periods are numbered from 1. A length of 0 is a step: <code>to</code> from period <code>start</code> on.',
    reference: null,
  },
  examples: [
    {
      formula: '=INDEX(DEF.RAMP(14000, 40000, 36, 1, 24), 13)',
      result: '27,000',
      says: 'rounds a month',
      after:
        ': US 155 mm output ramping from 14,000 rounds a month before the war towards 40,000 over 24 months is halfway in ' +
        'month 13 (14,000 + 26,000 × 12 / 24).',
    },
  ],
  spill: spillByCount(2, undefined, [0, 1, 3, 4]),
  call: (from: Grid, to: Grid, periods: Grid, start?: Argument, length?: Argument) =>
    toExcel(() => liftRamp([from, to, periods, start, length], toExcelError)),
});

export const munitionPath = declare({
  id: 'MUNITION_PATH',
  group: 'Time',
  summary: 'End-of-period munitions stocks, period by period, under use and production.',
  lead:
    'End-of-period munitions stocks, period by period, under use and production: a column of <code>periods</code> stocks, ' +
    'never below 0. daily_use and daily_production are single values or columns of one value per period; a row of values ' +
    'gives one column per scenario.',
  description: 'End-of-period munitions stocks: s(t) = max(0, s(t−1) + (daily_production − daily_use) × days_per_period).',
  parameters: [
    numberParameter(MUNITION_PATH_PARAMS.stock, { description: `Rounds at the start (≥ 0).${ROW_NOTE}` }),
    numberParameter(MUNITION_PATH_PARAMS.daily_use, { description: 'Rounds fired per day (≥ 0): a value, or a column of one per period.' }),
    numberParameter(MUNITION_PATH_PARAMS.daily_production, {
      description: 'Rounds delivered per day (≥ 0): a value, or a column of one per period.',
    }),
    numberParameter(MUNITION_PATH_PARAMS.periods, { description: 'Rows of the result: a whole number of periods (≥ 1).' }),
    {
      ...numberParameter(MUNITION_PATH_PARAMS.days_per_period, { description: 'Days in a period (> 0). Default 365/12: months.' }),
      default: '365/12 (a month)',
    },
  ],
  method: {
    equation: 's(0) = stock; s(t) = max(0, s(t − 1) + (daily_production(t) − daily_use(t)) × days_per_period)',
    notes:
      'A stock cannot go below 0: fire beyond it is not fired, and production rebuilds from 0. A bad value in a series ' +
      'marks its column from that period on.',
    reference: null,
  },
  examples: [
    {
      formula: '=INDEX(DEF.MUNITION_PATH(1000000, 10000, 7000, 12), 6)',
      result: '452,500',
      says: 'rounds',
      after: ': a million rounds drawn down by 3,000 a day for six months of 365/12 days (1,000,000 − 6 × 3,000 × 30.4167).',
    },
  ],
  spill: spillByCount(3, undefined, [0, 1, 2, 4]),
  call: (stock: Grid, daily_use: Grid, daily_production: Grid, periods: Grid, days_per_period?: Argument) =>
    toExcel(() => liftMunitionPath([stock, daily_use, daily_production, periods, days_per_period], toExcelError)),
});

export const fundSchedule = declare({
  id: 'FUND_SCHEDULE',
  group: 'Time',
  summary: 'A fund financed by bonds, year by year: issued, outstanding, interest, redemptions and guarantees outstanding.',
  lead:
    'A fund financed by bonds, year by year: issued, outstanding, interest, redemptions and guarantees outstanding, a ' +
    '<code>years</code> x 5 table. Interest + redemptions is the debt service; ' +
    '<code>=DEF.FUND_SHARE(A2:A30, INDEX(s,,3)+INDEX(s,,4))</code> shares it out country by country.',
  description: 'A years x 5 table of a fund financed by bonds: issued, outstanding, interest, redemptions, guarantees outstanding.',
  parameters: [
    numberParameter(FUND_SCHEDULE_PARAMS.annual_amount, {
      description: 'Amount issued each year (≥ 0), in any currency: a value, or a column of one per year.',
    }),
    numberParameter(FUND_SCHEDULE_PARAMS.rate, { description: 'Coupon as a fraction a year (> −1 and ≤ 1), e.g. 0.03 for 3 %.' }),
    numberParameter(FUND_SCHEDULE_PARAMS.maturity_years, { description: 'Years to redemption: a whole number ≥ 1.' }),
    numberParameter(FUND_SCHEDULE_PARAMS.years, { description: 'Rows of the result: a whole number of years (≥ 1).' }),
    numberParameter(FUND_SCHEDULE_PARAMS.over_guarantee, {
      description: 'Guarantees per unit of debt outstanding (≥ 1). Default 1.65, the EFSF after 2011.',
      help: { acceptedNote: ', the EFSF after the 2011 amendment' },
    }),
  ],
  method: {
    equation:
      'outstanding(t) = Σ issued(k) for k from max(1, t − m + 1) to t; interest(t) = rate × outstanding(t); ' +
      'redemptions(t) = issued(t − m + 1); guarantees(t) = over_guarantee × outstanding(t), with m = maturity_years',
    notes:
      'Bonds issued at the start of year t pay a coupon every year they are outstanding and are redeemed at the end of year ' +
      't + m − 1. With a constant issue I the debt levels off at m × I from year m on.',
    reference: 'EFSF Framework Agreement as amended (in force 18 Oct 2011): funding by bonds against guarantees of 165 % of lending.',
  },
  examples: [
    {
      formula: '=INDEX(DEF.FUND_SCHEDULE(40, 0.03, 10, 30), 30, 2)',
      result: '400',
      says: '(EUR bn outstanding)',
      after: ': EUR 40 bn a year in 10-year bonds levels off at 10 × 40 from year 10 on; the debt service is then 12 + 40 a year.',
    },
  ],
  spill: spillByCount(3, undefined, 5),
  call: (annual_amount: Grid, rate: Grid, maturity_years: Grid, years: Grid, over_guarantee?: Argument) =>
    toExcel(() => liftFundSchedule([annual_amount, rate, maturity_years, years, over_guarantee], toExcelError)),
});

const YEARS = indexYears(HICP_EA);
const COVERED = `${YEARS[0] ?? ''} to ${YEARS[YEARS.length - 1] ?? ''}`;

export const deflateFn = declare({
  id: 'DEFLATE',
  group: 'Time',
  summary: 'An amount converted from the prices of one year to those of another.',
  lead: `An amount converted from the prices of one year to those of another with the euro-area HICP (${COVERED}).`,
  description: `An amount converted between price years with the euro-area HICP: amount × index(to_year) / index(from_year).`,
  parameters: modelParameters(DEFLATE, {
    amount: { description: 'Amount in from_year prices, in any currency.' },
    from_year: { description: `Its price year, ${COVERED}.`, help: { acceptedNote: `, covered ${COVERED}; others are <code>#N/A</code>` } },
    to_year: { description: `The price year wanted, ${COVERED}.`, help: { acceptedNote: `, covered ${COVERED}` } },
  }),
  method: {
    equation: 'amount × index(to_year) / index(from_year)',
    notes: `${HICP_EA.note ?? ''} A year outside ${COVERED} is <code>#N/A</code> naming the years covered.`,
    reference: `${HICP_EA.label} (${HICP_EA.base}): ${HICP_EA.source}.`,
  },
  examples: [
    {
      formula: '=DEF.DEFLATE(120000, 2011, 2024)',
      result: '158,147.6',
      says: '(2024 prices)',
      after: ': 120,000 in 2011 prices × 126.07 / 95.66.',
    },
  ],
  call: (amount: Grid, from_year: Grid, to_year: Grid) => toExcel(() => liftDeflate([amount, from_year, to_year], toExcelError)),
});
