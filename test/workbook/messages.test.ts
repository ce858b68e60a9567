import { errorDetail, errorMessage } from '../../src/workbook/messages';

describe('errorMessage', () => {
  it('takes the message of an Error, an object with a message, or a string', () => {
    expect(errorMessage(new Error('sheet is protected'))).toBe('sheet is protected');
    expect(errorMessage({ message: 'InvalidArgument' })).toBe('InvalidArgument');
    expect(errorMessage('plain words')).toBe('plain words');
  });
  it('never returns an empty message', () => {
    for (const empty of [new Error(''), { message: '' }, '', null, undefined, 42, {}]) expect(errorMessage(empty)).toBe('unknown error');
  });
});

describe('errorDetail', () => {
  it('adds where an Office.js batch failed when Office says so', () => {
    const e = Object.assign(new Error('The argument is invalid'), { debugInfo: { errorLocation: 'Range.formulas' } });
    expect(errorDetail(e)).toBe('The argument is invalid (at Range.formulas)');
  });
  it('is the plain message otherwise', () => {
    expect(errorDetail(Object.assign(new Error('x'), { debugInfo: { errorLocation: '' } }))).toBe('x');
    expect(errorDetail('y')).toBe('y');
  });
});
