import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFinanceError } from './expect-finance-error';
import { discountedPayback, simplePayback, type Payback } from './payback';

describe('simplePayback', () => {
  it('interpolates within the period in which the cumulative turns non-negative', () => {
    // Cumulative: -100, -70, -40, +60: the last 40 is recovered 40 % into period 3.
    expect(simplePayback([-100, 30, 30, 100])).toEqual({ period: 2, fraction: 2.4 });
  });

  it('reproduces the AccountingTools payback examples', () => {
    // accountingtools.com, "How to calculate the payback period": a 100,000 machine
    // returning a net 40,000 a year pays back in 2.5 years (averaging method) ...
    expect(simplePayback([-100000, 40000, 40000, 40000, 40000, 40000])).toEqual({
      period: 2,
      fraction: 2.5,
    });
    // ... and with inflows of 0, 20,000, 30,000, 50,000, 100,000 after four years
    // (subtraction method).
    expect(simplePayback([-100000, 0, 20000, 30000, 50000, 100000])).toEqual({
      period: 3,
      fraction: 4,
    });
  });

  it('is null when the project never pays back', () => {
    expect(simplePayback([-100, 10, 10])).toBeNull();
    expect(simplePayback([-100])).toBeNull();
  });

  it('pays back at once when the cumulative is never negative', () => {
    expect(simplePayback([0, 10])).toEqual({ period: 0, fraction: 0 });
    expect(simplePayback([50, -20, 10])).toEqual({ period: 0, fraction: 0 });
  });

  it('ignores an early crossing that a later cost undoes', () => {
    // Cumulative: -100, 0, -50, 50: paid back only during period 3.
    expect(simplePayback([-100, 100, -50, 100])).toEqual({ period: 2, fraction: 2.5 });
    expect(simplePayback([-100, 150, -100])).toBeNull();
  });

  it('reports errors', () => {
    expectFinanceError(() => simplePayback([]), 'VALUE');
    expectFinanceError(() => simplePayback([-100, Number.NaN]), 'VALUE');
  });
});

describe('discountedPayback', () => {
  it('discounts flow t by (1 + r)^t before accumulating', () => {
    // At 10 %: -100, 54.5454..., 49.5867...: 45.4545... left after period 1,
    // recovered 45.4545 / 49.5867 = 0.9167 into period 2.
    const result = discountedPayback([-100, 60, 60], 0.1);
    expect(result?.period).toBe(1);
    expect(result?.fraction).toBeCloseTo(1 + (100 - 60 / 1.1) / (60 / 1.21), 12);
  });

  it('never pays back earlier than simple payback for a positive rate', () => {
    const flows = [-1000, 300, 300, 300, 300, 300];
    const simple = simplePayback(flows);
    const discounted = discountedPayback(flows, 0.08);
    expect(simple?.fraction).toBeCloseTo(3 + 1 / 3, 12);
    expect(discounted?.fraction).toBeGreaterThan(simple?.fraction ?? Infinity);
  });

  it('is null when discounting keeps it from paying back', () => {
    expect(discountedPayback([-100, 50, 55], 0.1)).toBeNull();
  });

  it('equals simple payback at a zero rate', () => {
    expect(discountedPayback([-100, 30, 30, 100], 0)).toEqual({ period: 2, fraction: 2.4 });
  });

  it('reports errors', () => {
    expectFinanceError(() => discountedPayback([-100, 200], -1), 'NUM');
    expectFinanceError(() => discountedPayback([-100, 200], Number.NaN), 'VALUE');
    expectFinanceError(() => discountedPayback([], 0.1), 'VALUE');
  });
});

describe('payback is monotone in cost (property)', () => {
  const notEarlier = (cheaper: Payback | null, dearer: Payback | null) => {
    if (cheaper === null) expect(dearer).toBeNull();
    else if (dearer !== null) {
      expect(dearer.fraction).toBeGreaterThanOrEqual(cheaper.fraction);
      expect(dearer.period).toBeGreaterThanOrEqual(cheaper.period);
    }
  };

  it('a larger initial cost never pays back earlier', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: -1e5, max: 1e6, noNaN: true }), { maxLength: 20 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (cost, extra, later, rate) => {
          const cheaper = [-cost, ...later];
          const dearer = [-(cost + extra), ...later];
          notEarlier(simplePayback(cheaper), simplePayback(dearer));
          notEarlier(discountedPayback(cheaper, rate), discountedPayback(dearer, rate));
        },
      ),
    );
  });
});
