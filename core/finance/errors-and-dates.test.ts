import { describe, expect, it } from 'vitest';
import { isoDateToDayNumber } from './dates';
import { FinanceError, irr, isFinanceError, xnpv } from './index';

describe('FinanceError', () => {
  it('is an Error with a stable code the UI can translate', () => {
    let caught: unknown;
    try {
      irr([1, 2, 3]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(FinanceError);
    expect(isFinanceError(caught)).toBe(true);
    expect((caught as FinanceError).code).toBe('NUM');
    expect((caught as FinanceError).name).toBe('FinanceError');
    expect((caught as FinanceError).message).toMatch(/^#NUM!/);
    expect(isFinanceError(new Error('other'))).toBe(false);
  });
});

describe('ISO dates', () => {
  it('counts real calendar days', () => {
    expect(isoDateToDayNumber('1970-01-01')).toBe(0);
    expect(isoDateToDayNumber('2020-03-01') - isoDateToDayNumber('2020-02-28')).toBe(2);
    expect(isoDateToDayNumber('2019-03-01') - isoDateToDayNumber('2019-02-28')).toBe(1);
    expect(isoDateToDayNumber('2000-02-29') - isoDateToDayNumber('1999-02-28')).toBe(366);
  });

  it('rejects what Excel would not take as a date with #VALUE!', () => {
    for (const bad of [
      '2019-02-29',
      '1900-02-29',
      '2021-04-31',
      '2021-00-10',
      '2021-1-10',
      '2021-01-10T00:00:00Z',
      '1899-12-31',
      '',
    ]) {
      let caught: unknown;
      try {
        xnpv(0.1, [-1, 2], ['2010-01-01', bad]);
      } catch (error) {
        caught = error;
      }
      expect((caught as FinanceError).code, bad).toBe('VALUE');
    }
  });
});
