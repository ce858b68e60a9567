import { columnPixels, columnPoints, rgbOf, SCALE_COLOURS } from '../../src/workbook/look';

describe('column widths', () => {
  it("convert Excel's default 8.43 characters to 64 pixels and 48 points", () => {
    // Excel documents the default column as 8.43 characters, 64 pixels, 48 points at 96 dpi.
    expect(columnPixels(8.43)).toBe(64);
    expect(columnPoints(8.43)).toBe(48);
  });
  it('round points to a quarter', () => {
    // 20 characters: 20 x 7 + 5 = 145 px x 0.75 = 108.75 pt.
    expect(columnPoints(20)).toBe(108.75);
  });
});

describe('rgbOf', () => {
  it("reads the scale's colours", () => {
    expect(rgbOf(SCALE_COLOURS.low)).toEqual([0xf8, 0x69, 0x6b]);
    expect(rgbOf(SCALE_COLOURS.mid)).toEqual([0xff, 0xeb, 0x84]);
    expect(rgbOf(SCALE_COLOURS.high)).toEqual([0x63, 0xbe, 0x7b]);
  });
  it('refuses what is not #RRGGBB', () => {
    expect(() => rgbOf('red')).toThrow('not a #RRGGBB colour: red');
  });
});
