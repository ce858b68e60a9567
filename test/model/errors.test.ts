import { invalid, ModelError, noFiniteAnswer, notCovered } from '../../src/model/errors';

describe('ModelError', () => {
  it('carries its code, parameter and message, and is an Error named ModelError', () => {
    const e = new ModelError('SHAPE_MISMATCH', 'density', 'extent (3 x 1) and density (2 x 1) cannot be combined');
    expect(e).toBeInstanceOf(ModelError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ModelError');
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.parameter).toBe('density');
    expect(e.message).toBe('extent (3 x 1) and density (2 x 1) cannot be combined');
  });

  it('stays an instance of ModelError when thrown and caught', () => {
    let caught: unknown;
    try {
      throw new ModelError('OVERFLOW', '', 'too big');
    } catch (e) {
      caught = e;
    }
    expect(caught instanceof ModelError).toBe(true);
  });
});

describe('invalid', () => {
  it('makes an INVALID_ARGUMENT error for the parameter', () => {
    const e = invalid('daily_use', 'daily_use must be a number ≥ 0');
    expect([e.code, e.parameter, e.message]).toEqual(['INVALID_ARGUMENT', 'daily_use', 'daily_use must be a number ≥ 0']);
  });
});

describe('noFiniteAnswer', () => {
  it('makes a NO_FINITE_ANSWER error for the parameter', () => {
    const e = noFiniteAnswer('daily_production', 'the stock never runs out');
    expect([e.code, e.parameter, e.message]).toEqual(['NO_FINITE_ANSWER', 'daily_production', 'the stock never runs out']);
  });
});

describe('notCovered', () => {
  it('makes a NOT_COVERED error for the parameter', () => {
    const e = notCovered('country', 'the EFSF key does not cover Poland (PL)');
    expect([e.code, e.parameter, e.message]).toEqual(['NOT_COVERED', 'country', 'the EFSF key does not cover Poland (PL)']);
  });
});
