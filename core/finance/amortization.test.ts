import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipmt, ppmt } from './amortization';
import { expectFinanceError } from './expect-finance-error';
import { pmt } from './tvm';

describe('ipmt', () => {
  it('reproduces the Excel documentation examples', () => {
    // Microsoft Support, "IPMT function": 10% a year, 3-year loan of 8,000.
    expect(ipmt(0.1 / 12, 1, 3 * 12, 8000)).toBeCloseTo(-66.67, 2); // first month
    expect(ipmt(0.1, 3, 3, 8000)).toBeCloseTo(-292.45, 2); // last year, yearly payments
  });

  it('matches the formulajs test suite (test/financial.js, IPMT)', () => {
    expect(ipmt(0.1 / 12, 6, 24, 100000, 1000000, 0)).toBeCloseTo(928.8235718400465, 8);
    expect(ipmt(0.1 / 12, 6, 24, 100000, 1000000, 1)).toBeCloseTo(921.1473439736042, 8);
    expect(ipmt(0.1 / 12, 1, 24, 100000, 1000000, 0)).toBeCloseTo(-833.3333333333334, 9);
  });

  it('charges no interest on a payment made at the start of the first period', () => {
    expect(ipmt(0.1 / 12, 1, 24, 100000, 1000000, 1)).toBe(0);
  });

  it('charges no interest at a zero rate', () => {
    expect(ipmt(0, 5, 12, 1200)).toBe(0);
    expect(ppmt(0, 5, 12, 1200)).toBe(-100);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => ipmt(0.01, 0, 12, 1000), 'NUM');
    expectFinanceError(() => ipmt(0.01, 13, 12, 1000), 'NUM');
    expectFinanceError(() => ipmt(Number.NaN, 1, 12, 1000), 'VALUE');
    expectFinanceError(() => ipmt(0.01, 1, 12, 1000, 0, Number.NaN), 'VALUE');
  });
});

describe('ppmt', () => {
  it('reproduces the Excel documentation examples', () => {
    // Microsoft Support, "PPMT function"
    expect(ppmt(0.1 / 12, 1, 2 * 12, 2000)).toBeCloseTo(-75.62, 2); // first month of 2,000 loan
    expect(ppmt(0.08, 10, 10, 200000)).toBeCloseTo(-27598.05, 2); // last year of 200,000 loan
  });

  it('matches the formulajs test suite (test/financial.js, PPMT)', () => {
    expect(ppmt(0.1 / 12, 6, 24, 100000, 1000000, 0)).toBeCloseTo(-43354.909209775076, 8);
    expect(ppmt(0.1 / 12, 6, 24, 100000, 1000000, 1)).toBeCloseTo(-42996.60417498356, 8);
    expect(ppmt(0.1 / 12, 6, 24, 0, 1000000)).toBeCloseTo(-39413.55382706825, 8);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => ppmt(0.01, 0, 12, 1000), 'NUM');
    expectFinanceError(() => ppmt(0.01, 1, 12, Number.NaN), 'VALUE');
  });

  it('repays exactly the principal over the schedule, and IPMT + PPMT = PMT (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(0), fc.double({ min: 0.0001, max: 0.05, noNaN: true })),
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.constantFrom(0, 1),
        (r, n, principal, type) => {
          const payment = pmt(r, n, principal, 0, type);
          let repaid = 0;
          for (let per = 1; per <= n; per++) {
            const interest = ipmt(r, per, n, principal, 0, type);
            const principalPart = ppmt(r, per, n, principal, 0, type);
            expect(interest + principalPart).toBeCloseTo(payment, 6);
            repaid += principalPart;
          }
          expect(Math.abs(repaid + principal)).toBeLessThan(1e-9 * principal * n);
        },
      ),
    );
  });
});
