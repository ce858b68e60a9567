/**
 * Cell values as the preview displays them, for the number formats the plans use. Expected texts
 * are what Excel shows for the same value and format.
 */
import { displayValue, formatGeneral, formatNumber, formulaText } from '../../src/preview/format';

describe('formatNumber', () => {
  it.each([
    [39228.8, '#,##0', '39,229'],
    [4160, '#,##0', '4,160'],
    [4, '#,##0.0', '4.0'],
    [9.433962264, '#,##0.00', '9.43'],
    [9.433962264, '0.00', '9.43'],
    [1234.5, '0.00', '1234.50'],
    [0.2345, '0.00%', '23.45%'],
    [0.5, '0%', '50%'],
    [-1234.5, '#,##0.0', '-1,234.5'],
    [1, '#,##0.00;[Red]-#,##0.00', '1.00'],
  ])('shows %p in %p as %p', (x, format, text) => {
    expect(formatNumber(x, format)).toBe(text);
  });

  it('shows a number in a text (@) or General cell in General', () => {
    expect(formatNumber(0.1 + 0.2, '@')).toBe('0.3');
    expect(formatNumber(39228.8, undefined)).toBe('39228.8');
  });
});

describe('formatGeneral', () => {
  it.each([
    [0, '0'],
    [1040, '1040'],
    [1 / 3, '0.3333333333'],
    [-2.5, '-2.5'],
    [1.5e12, '1.5E+12'],
    [2e-10, '2E-10'],
  ])('shows %p as %p', (x, text) => {
    expect(formatGeneral(x)).toBe(text);
  });
});

describe('displayValue', () => {
  it('aligns numbers right, text left, booleans and errors centred, as Excel does', () => {
    expect(displayValue(1, '#,##0')).toEqual({ text: '1', align: 'right' });
    expect(displayValue('Yes', undefined)).toEqual({ text: 'Yes', align: 'left' });
    expect(displayValue(true, undefined)).toEqual({ text: 'TRUE', align: 'center' });
    expect(displayValue({ code: '#N/A', message: 'no finite answer' }, '#,##0')).toEqual({ text: '#N/A', align: 'center' });
    expect(displayValue(null, '#,##0')).toEqual({ text: '', align: 'left' });
  });
});

describe('formulaText', () => {
  it('shows the formula, else the value unformatted, as Excel’s formula bar does', () => {
    expect(formulaText({ value: 39228.8, formula: '=DEF.FORCE_SIZE(4160,9.43)', format: '#,##0' })).toBe('=DEF.FORCE_SIZE(4160,9.43)');
    expect(formulaText({ value: 1234.5, format: '#,##0' })).toBe('1234.5');
    expect(formulaText({ value: true })).toBe('TRUE');
    expect(formulaText({ value: null })).toBe('');
    expect(formulaText({ value: { code: '#DIV/0!', message: 'division by zero' } })).toBe('#DIV/0!');
    expect(formulaText({ value: 'Yes' })).toBe('Yes');
  });
});
