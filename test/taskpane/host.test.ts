import { isExcel, notInExcelMessage } from '../../src/taskpane/host';

describe('isExcel', () => {
  it('is true for the host name Office reports inside Excel', () => {
    expect(isExcel('Excel')).toBe(true);
  });

  it('is false in a plain browser (null), when office.js never loaded (undefined) and in other hosts', () => {
    expect(isExcel(null)).toBe(false);
    expect(isExcel(undefined)).toBe(false);
    expect(isExcel('Word')).toBe(false);
  });
});

describe('notInExcelMessage', () => {
  it('points to Excel and to the preview page', () => {
    expect(notInExcelMessage(null)).toBe('Open this pane in Excel, or use the preview page to try DefEcon in a browser.');
  });

  it('names the other Office application the pane was opened in', () => {
    expect(notInExcelMessage('Word')).toBe(
      'DefEcon needs Excel, not Word. Open this pane in Excel, or use the preview page to try DefEcon in a browser.',
    );
  });
});
