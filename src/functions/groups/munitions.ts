/**
 * The munitions functions: how long a stock lasts under net consumption, the stock a goal in days
 * needs, and how long rebuilding a stock takes.
 */
import { MUNITION_DAYS, MUNITION_REGEN_YEARS, MUNITION_STOCK } from '../../model/munitions';
import { lift } from '../../model/numeric';
import { type Argument, declare, type Grid, modelParameters } from '../declare';
import { toExcel, toExcelError } from '../errors';

export const munitionDays = declare({
  id: 'MUNITION_DAYS',
  group: 'Munitions',
  summary: 'Days until a stock runs out under net consumption.',
  description: 'Days until a munitions stock runs out: stock / (daily_use − daily_production).',
  parameters: modelParameters(MUNITION_DAYS, {
    stock: { description: 'Rounds on hand (≥ 0).' },
    daily_use: { description: 'Rounds fired per day (≥ 0).' },
    daily_production: { description: 'Rounds delivered per day (≥ 0). Default 0. #N/A if it covers daily_use.' },
  }),
  method: {
    equation: 'stock / (daily_use − daily_production)',
    notes: 'Where production covers use the stock never runs out: <code>#N/A</code> saying so.',
    reference: null,
  },
  examples: [
    {
      formula: '=DEF.MUNITION_DAYS(90000, 10000)',
      result: '9',
      says: 'days',
      after:
        ". Nine days is the figure the brief gives for France's munitions in high-intensity combat (RAND, 2021); " +
        "10,000 rounds a day is Ukraine's 155 mm fire in January–May 2024 (Gen. Syrskyi, 20 Aug 2024).",
    },
  ],
  call: (stock: Grid, daily_use: Grid, daily_production?: Argument) =>
    toExcel(() => lift(MUNITION_DAYS, [stock, daily_use, daily_production], toExcelError)),
});

export const munitionStock = declare({
  id: 'MUNITION_STOCK',
  group: 'Munitions',
  summary: 'Stock needed to sustain fire for a number of days.',
  lead: 'Stock needed to sustain fire for a number of days: days × (daily_use − daily_production), and 0 where production covers use.',
  description: 'Stock needed to sustain fire for a number of days: days × (daily_use − daily_production), at least 0.',
  parameters: modelParameters(MUNITION_STOCK, {
    days: { description: "Days to sustain (≥ 0), e.g. 30 for NATO's stockpile goal." },
    daily_use: { description: 'Rounds fired per day (≥ 0).' },
    daily_production: { description: 'Rounds delivered per day (≥ 0). Default 0.' },
  }),
  method: { equation: 'days × max(0, daily_use − daily_production)', reference: null },
  examples: [
    {
      formula: '=DEF.MUNITION_STOCK(30, 10000)',
      result: '300,000',
      says: 'rounds',
      after: ": NATO's 30-day guideline at 10,000 rounds a day.",
    },
  ],
  call: (days: Grid, daily_use: Grid, daily_production?: Argument) =>
    toExcel(() => lift(MUNITION_STOCK, [days, daily_use, daily_production], toExcelError)),
});

export const munitionRegenYears = declare({
  id: 'MUNITION_REGEN_YEARS',
  group: 'Munitions',
  summary: 'Years to rebuild a stock to a target.',
  description: 'Years to rebuild a stock: (target − current) / (production − drawdown); 0 when already at target.',
  parameters: modelParameters(MUNITION_REGEN_YEARS, {
    target_stock: { description: 'Rounds wanted (≥ 0).' },
    current_stock: { description: 'Rounds on hand (≥ 0).' },
    annual_production: { description: 'Rounds produced per year (≥ 0).' },
    annual_drawdown: {
      description: 'Rounds used or given away per year (≥ 0). Default 0. #N/A if production does not exceed it.',
      help: { unitNote: ' used or given away' },
    },
  }),
  method: {
    equation: '(target − current) / (production − drawdown)',
    notes: '0 when the stock is already at or above target; <code>#N/A</code> below target where production does not exceed drawdown.',
    reference: null,
  },
  examples: [
    {
      formula: '=DEF.MUNITION_REGEN_YEARS(230000, 20000, 70000)',
      result: '3',
      says: 'years',
      after:
        ": Germany's 30-day need and its 2023 stock of 155 mm rounds (Der Spiegel via Reuters, 2023) at an illustrative " + '70,000 rounds a year.',
    },
  ],
  call: (target_stock: Grid, current_stock: Grid, annual_production: Grid, annual_drawdown?: Argument) =>
    toExcel(() => lift(MUNITION_REGEN_YEARS, [target_stock, current_stock, annual_production, annual_drawdown], toExcelError)),
});
