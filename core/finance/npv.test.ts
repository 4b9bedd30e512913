import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFinanceError } from './expect-finance-error';
import { npv, xnpv } from './npv';

// Microsoft Support, "XNPV function" / "XIRR function": the shared example schedule.
const EXCEL_VALUES = [-10000, 2750, 4250, 3250, 2750];
const EXCEL_DATES = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('npv', () => {
  it('reproduces the Excel documentation examples', () => {
    // Microsoft Support, "NPV function", example 1: NPV(10%, -10000, 3000, 4200, 6800) = $1,188.44
    // (the -10,000 is paid at the end of the first period).
    expect(npv(0.1, [-10000, 3000, 4200, 6800])).toBeCloseTo(1188.44, 2);
    // Example 2: a 40,000 outlay today, five years of returns at 8% -> $1,922.06;
    // with a 9,000 loss in year six -> ($3,749.47).
    const returns = [8000, 9200, 10000, 12000, 14500];
    expect(npv(0.08, returns) - 40000).toBeCloseTo(1922.06, 2);
    expect(npv(0.08, [...returns, -9000]) - 40000).toBeCloseTo(-3749.47, 2);
  });

  it('matches the formulajs test suite (test/financial.js, NPV)', () => {
    expect(npv(0.1, [-10000, 2000, 4000, 8000])).toBeCloseTo(1031.3503176012546, 9);
    expect(npv(0.1, [-75000])).toBeCloseTo(-68181.81818181818, 9);
    expect(npv(0.12, [12000, 15000, 18000, 21000, 24000])).toBeCloseTo(62448.362521940246, 8);
  });

  it('is the plain sum at a zero rate', () => {
    expect(npv(0, [1, 2, 3])).toBe(6);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => npv(-1, [100, 200]), 'DIV0');
    expectFinanceError(() => npv(Number.NaN, [100]), 'VALUE');
    expectFinanceError(() => npv(0.1, [100, Number.NaN]), 'VALUE');
    expectFinanceError(() => npv(0.1, []), 'VALUE');
  });

  it('falls as the rate rises for conventional flows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (cost, inflows, lowRate, step) => {
          const valueAt = (r: number) => -cost + npv(r, inflows);
          expect(valueAt(lowRate + step)).toBeLessThan(valueAt(lowRate));
        },
      ),
    );
  });
});

describe('xnpv', () => {
  it('reproduces the Excel documentation example', () => {
    // Microsoft Support, "XNPV function": XNPV(9%, ...) = $2,086.65
    expect(xnpv(0.09, EXCEL_VALUES, EXCEL_DATES)).toBeCloseTo(2086.65, 2);
  });

  it('discounts on an actual/365 basis from the first date', () => {
    // 2020 is a leap year: 366 days is 366/365 of a year, not exactly one.
    expect(xnpv(0.1, [0, 110], ['2020-01-01', '2021-01-01'])).toBeCloseTo(
      110 / Math.pow(1.1, 366 / 365),
      10,
    );
    // Later dates need not be in order, only on or after the first one.
    const shuffled = xnpv(
      0.09,
      [-10000, 2750, 3250, 4250, 2750],
      ['2008-01-01', '2008-03-01', '2009-02-15', '2008-10-30', '2009-04-01'],
    );
    expect(shuffled).toBeCloseTo(xnpv(0.09, EXCEL_VALUES, EXCEL_DATES), 9);
  });

  it('reports Excel errors', () => {
    // Not a date -> #VALUE!
    expectFinanceError(() => xnpv(0.09, [-1, 2], ['2008-01-01', '2008-02-30']), 'VALUE');
    expectFinanceError(() => xnpv(0.09, [-1, 2], ['2008-01-01', '01/03/2008']), 'VALUE');
    expectFinanceError(() => xnpv(0.09, [-1, 2], ['2008-01-01', '1899-12-31']), 'VALUE');
    // A date before the first one -> #NUM!
    expectFinanceError(() => xnpv(0.09, [-1, 2], ['2008-01-01', '2007-12-31']), 'NUM');
    // Different lengths -> #NUM!
    expectFinanceError(() => xnpv(0.09, [-1, 2, 3], ['2008-01-01', '2008-06-01']), 'NUM');
    expectFinanceError(() => xnpv(0.09, [], []), 'NUM');
    expectFinanceError(() => xnpv(Number.NaN, [-1, 2], ['2008-01-01', '2008-06-01']), 'VALUE');
    expectFinanceError(() => xnpv(-1, [-1, 2], ['2008-01-01', '2008-06-01']), 'NUM');
  });
});
