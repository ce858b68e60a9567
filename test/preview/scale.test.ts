/**
 * The preview's colour scale: Excel's default three colours (red F8696B, yellow FFEB84, green
 * 63BE7B), mixed linearly between the lowest value, the median and the highest.
 */
import { scaleBackgrounds, scaleColours } from '../../src/preview/scale';

describe('scaleColours', () => {
  it('colours the lowest red, the median yellow and the highest green, and skips non-numbers', () => {
    expect(scaleColours([1, 2, 3, 'x'])).toEqual(['rgb(248, 105, 107)', 'rgb(255, 235, 132)', 'rgb(99, 190, 123)', undefined]);
  });

  it('reverses the ends when higher is worse', () => {
    expect(scaleColours([1, 3], true)).toEqual(['rgb(99, 190, 123)', 'rgb(248, 105, 107)']);
  });

  it('mixes linearly on each side of the median of an even count', () => {
    // Median of 0, 10, 20, 30 is (10 + 20) / 2 = 15.
    // 10: two thirds of the way from red to yellow: 248 + 7 x 2/3 = 252.67, 105 + 130 x 2/3 = 191.67, 107 + 25 x 2/3 = 123.67.
    // 20: one third of the way from yellow to green: 255 - 156 / 3 = 203, 235 - 45 / 3 = 220, 132 - 9 / 3 = 129.
    expect(scaleColours([30, 10, 0, 20])).toEqual(['rgb(99, 190, 123)', 'rgb(253, 192, 124)', 'rgb(248, 105, 107)', 'rgb(203, 220, 129)']);
    // Reversed, 10 sits two thirds from green to yellow (99 + 156 x 2/3 = 203, 190 + 45 x 2/3 = 220, 123 + 9 x 2/3 = 129).
    expect(scaleColours([0, 10, 20, 30], true)).toEqual(['rgb(99, 190, 123)', 'rgb(203, 220, 129)', 'rgb(253, 192, 124)', 'rgb(248, 105, 107)']);
  });

  it('makes every cell yellow when all the numbers are equal, and leaves non-finite numbers and empty cells out', () => {
    expect(scaleColours([5, 5, null])).toEqual(['rgb(255, 235, 132)', 'rgb(255, 235, 132)', undefined]);
    expect(scaleColours([Number.NaN, Number.POSITIVE_INFINITY, 1, 3])).toEqual([undefined, undefined, 'rgb(248, 105, 107)', 'rgb(99, 190, 123)']);
    expect(scaleColours(['a', null])).toEqual([undefined, undefined]);
  });
});

describe('scaleBackgrounds', () => {
  it('keys each coloured cell of the block by 0-based row and column', () => {
    const grid: Record<string, unknown> = { '1,1': 1, '1,2': 'text', '2,1': 3 };
    const colours = scaleBackgrounds({ address: 'B2:C3' }, (r, c) => grid[`${r},${c}`]);
    expect([...colours]).toEqual([
      ['1,1', 'rgb(248, 105, 107)'],
      ['2,1', 'rgb(99, 190, 123)'],
    ]);
    expect(scaleBackgrounds({ address: 'not a block' }, () => 1).size).toBe(0);
  });
});
