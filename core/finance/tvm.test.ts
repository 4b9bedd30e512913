import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annuityFactor } from './compounding';
import { expectFinanceError } from './expect-finance-error';
import { fv, nper, pmt, pv } from './tvm';
import { rate } from './rate';

describe('pmt', () => {
  it('reproduces the Excel documentation examples', () => {
    // Microsoft Support, "PMT function" (support.microsoft.com/en-us/excel/pmt-function):
    // 8% annual, 10 monthly payments, 10,000 loan -> ($1,037.03)
    expect(pmt(0.08 / 12, 10, 10000)).toBeCloseTo(-1037.03, 2);
    // same page: saving 50,000 over 18 years at 6% -> ($129.08) a month
    expect(pmt(0.06 / 12, 18 * 12, 0, 50000)).toBeCloseTo(-129.08, 2);
  });

  it('matches the formulajs test suite (test/financial.js, PMT)', () => {
    expect(pmt(0.1 / 12, 24, 100000, 1000000, 1)).toBeCloseTo(-42075.45683100995, 8);
    expect(pmt(0.1 / 12, 24, 100000, 1000000)).toBeCloseTo(-42426.08563793503, 8);
    expect(pmt(0.1 / 12, 24, 100000)).toBeCloseTo(-4614.49263375167, 8);
    expect(pmt(0, 24, 100000)).toBeCloseTo(-4166.666666666667, 9);
  });

  it('splits principal and target evenly at a zero rate', () => {
    expect(pmt(0, 10, 1000, 500)).toBe(-150);
    expect(pmt(0, 10, 1000, 0, 1)).toBe(-100);
  });

  it('pays one period less interest when payments are due at the start (type 1)', () => {
    const end = pmt(0.01, 12, 1000);
    expect(pmt(0.01, 12, 1000, 0, 1)).toBeCloseTo(end / 1.01, 10);
  });

  it('treats any non-zero type as "beginning of period", as Excel does', () => {
    expect(pmt(0.01, 12, 1000, 0, 2)).toBe(pmt(0.01, 12, 1000, 0, 1));
  });

  it('keeps precision for tiny rates', () => {
    // (1+r)^n - 1 computed naively loses digits here; the limit is the zero-rate payment.
    expect(pmt(1e-12, 12, 1200)).toBeCloseTo(-100, 6);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => pmt(Number.NaN, 10, 1000), 'VALUE');
    expectFinanceError(() => pmt(0.01, Number.POSITIVE_INFINITY, 1000), 'VALUE');
    expectFinanceError(() => pmt(0.01, 10, 1000, 0, Number.NaN), 'VALUE');
    expectFinanceError(() => pmt(0.01, 0, 1000), 'NUM');
    expectFinanceError(() => pmt(0, 0, 1000), 'DIV0');
  });
});

describe('pv', () => {
  it('reproduces the Excel documentation example', () => {
    // Microsoft Support, "PV function": an annuity paying 500 a month for 20 years at 8%
    // is worth ($59,777.15) today.
    expect(pv(0.08 / 12, 12 * 20, 500, 0, 0)).toBeCloseTo(-59777.15, 2);
  });

  it('matches the formulajs test suite (test/financial.js, PV)', () => {
    expect(pv(0.1 / 12, 24, 1000, 10000, 0)).toBeCloseTo(-29864.950264779152, 8);
    expect(pv(0.1 / 12, 24, 1000, 10000, 1)).toBeCloseTo(-30045.54072173169, 8);
    expect(pv(0, 24, 1000, 10000, 1)).toBe(-34000);
  });

  it('is plain addition at a zero rate', () => {
    expect(pv(0, 10, -100, -500)).toBe(1500);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => pv(0.01, Number.NaN, 100), 'VALUE');
    // (1 + rate)^nper = 0 cannot be divided by.
    expectFinanceError(() => pv(-1, 10, 100), 'DIV0');
  });
});

describe('fv', () => {
  it('reproduces the Excel documentation examples', () => {
    // Microsoft Support, "FV function": 6%/12, 10 periods, -200 a period, -500 now,
    // paid at the beginning -> $2,581.40
    expect(fv(0.06 / 12, 10, -200, -500, 1)).toBeCloseTo(2581.4, 2);
    // Earlier editions of the same page (also in formulajs test/financial.js):
    expect(fv(0.12 / 12, 12, -1000)).toBeCloseTo(12682.5, 2);
    expect(fv(0.11 / 12, 35, -2000, 0, 1)).toBeCloseTo(82846.25, 2);
    expect(fv(0.06 / 12, 12, -100, -1000, 1)).toBeCloseTo(2301.4, 2);
  });

  it('is plain addition at a zero rate', () => {
    // formulajs test/financial.js: FV(0, 12, -100, -1000, 1) = 2200
    expect(fv(0, 12, -100, -1000, 1)).toBe(2200);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => fv(0.01, 10, Number.NaN), 'VALUE');
    // Overflow shows as #NUM! in Excel.
    expectFinanceError(() => fv(10, 1000, -1), 'NUM');
    // A negative base to a fractional power has no real value.
    expectFinanceError(() => fv(-2, 0.5, -1), 'NUM');
  });
});

describe('nper', () => {
  it('reproduces the Excel documentation examples', () => {
    // Microsoft Support, "NPER function": 12% annual, -100 a month, -1000 now, 10000 target.
    expect(nper(0.12 / 12, -100, -1000, 10000, 1)).toBeCloseTo(59.6738657, 7);
    expect(nper(0.12 / 12, -100, -1000, 10000)).toBeCloseTo(60.0821229, 7);
    expect(nper(0.12 / 12, -100, -1000)).toBeCloseTo(-9.57859404, 8);
  });

  it('matches the formulajs test suite (test/financial.js, NPER)', () => {
    expect(nper(0, -100, -1000, 10000)).toBe(90);
    expect(nper(0.1 / 12, -100, -1000, 10000, 0)).toBeCloseTo(63.39385422740764, 9);
    expect(nper(0.1 / 12, -100, -1000, 10000, 1)).toBeCloseTo(63.016966422019685, 9);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => nper(0, 0, 1000), 'DIV0');
    // 100 interest a period on 1000 can never be paid off with 50 a period.
    expectFinanceError(() => nper(0.1, -50, 1000), 'NUM');
    expectFinanceError(() => nper(-1, -50, 1000), 'NUM');
    expectFinanceError(() => nper(0.1, Number.NaN, 1000), 'VALUE');
  });
});

describe('pmt / pv / fv / nper / rate consistency (properties)', () => {
  const rateArb = fc.oneof(fc.constant(0), fc.double({ min: -0.05, max: 0.05, noNaN: true }));
  const amountArb = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const typeArb = fc.constantFrom(0, 1);

  it('pmt feeds back into pv and fv', () => {
    fc.assert(
      fc.property(
        rateArb,
        fc.integer({ min: 1, max: 360 }),
        amountArb,
        amountArb,
        typeArb,
        (r, n, presentValue, futureValue, type) => {
          const payment = pmt(r, n, presentValue, futureValue, type);
          // Rounding error is relative to the largest amount in play at each end of the
          // schedule (the results themselves can be small differences of large amounts).
          const growth = Math.pow(1 + r, n);
          const payments = Math.abs(payment) * (1 + Math.abs(r)) * annuityFactor(r, n);
          const atEnd = Math.abs(presentValue) * growth + Math.abs(futureValue) + payments + 1;
          const atStart = atEnd / growth;
          expect(Math.abs(pv(r, n, payment, futureValue, type) - presentValue)).toBeLessThan(
            1e-12 * atStart,
          );
          expect(Math.abs(fv(r, n, payment, presentValue, type) - futureValue)).toBeLessThan(
            1e-12 * atEnd,
          );
        },
      ),
    );
  });

  it('nper and rate recover the term and the rate of a loan', () => {
    // One period paid up front (n = 1, type 1) settles at every rate, so n starts at 2.
    fc.assert(
      fc.property(
        fc.double({ min: 0.0001, max: 0.05, noNaN: true }),
        fc.integer({ min: 2, max: 360 }),
        fc.double({ min: 100, max: 1e6, noNaN: true }),
        typeArb,
        (r, n, principal, type) => {
          const payment = pmt(r, n, principal, 0, type);
          expect(nper(r, payment, principal, 0, type)).toBeCloseTo(n, 6);
          expect(rate(n, payment, principal, 0, type)).toBeCloseTo(r, 9);
        },
      ),
    );
  });
});
