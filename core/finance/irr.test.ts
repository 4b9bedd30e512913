import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFinanceError } from './expect-finance-error';
import { irr, xirr } from './irr';
import { npv, xnpv } from './npv';

// Microsoft Support, "XIRR function" / "XNPV function": the shared example schedule.
const EXCEL_VALUES = [-10000, 2750, 4250, 3250, 2750];
const EXCEL_DATES = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

/** NPV with values[0] at t = 0, the convention IRR solves for. */
const presentValue = (r: number, values: readonly number[]) => values[0] + npv(r, values.slice(1));

/**
 * Inflows of a conventional schedule as shares of their total, and that total as a multiple
 * (up to 10x) of the cost. Bounding the multiple from below keeps 1 + IRR away from 0: a rate
 * of -99.9999999999 % cannot be stored precisely enough as a double for NPV to vanish at it.
 */
const inflowShares = (maxCount: number, minMultiple: number) =>
  fc.tuple(
    fc.double({ min: minMultiple, max: 10, noNaN: true }),
    fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: maxCount })
      .filter((weights) => weights.some((w) => w > 0.001))
      .map((weights) => {
        const total = weights.reduce((sum, w) => sum + w, 0);
        return weights.map((w) => w / total);
      }),
  );

const isoDay = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

describe('irr', () => {
  it('reproduces the Excel documentation examples', () => {
    // Microsoft Support, "IRR function": -70,000 cost, then 12,000 ... 26,000 a year.
    const flows = [-70000, 12000, 15000, 18000, 21000, 26000];
    expect(irr(flows.slice(0, 5))).toBeCloseTo(-0.021, 3); // after four years: -2.1%
    expect(irr(flows)).toBeCloseTo(0.087, 3); // after five years: 8.7%
    expect(irr(flows.slice(0, 3), -0.1)).toBeCloseTo(-0.444, 3); // after two years: -44.4%
  });

  it('matches the formulajs test suite (test/financial.js, IRR)', () => {
    const flows = [-75000, 12000, 15000, 18000, 21000, 24000];
    for (const guess of [0.1, 0.075, 0.05]) {
      expect(irr(flows, guess)).toBeCloseTo(0.05715142887178467, 9);
    }
    expect(irr([-4500, 3045, 2371])).toBeCloseTo(0.13918184162670671, 9);
    // Several outflows before the inflows.
    expect(
      irr([-9765000, -24338874, -3354506, 814300, 1595562, 1975118, 1688159, 391944]),
    ).toBeCloseTo(-0.33923419058193316, 9);
  });

  it('returns the root nearest the guess when the flows have two', () => {
    // -100 + 230/(1+r) - 132/(1+r)^2 = 0 at r = 10% and r = 20%.
    const flows = [-100, 230, -132];
    expect(irr(flows, 0.05)).toBeCloseTo(0.1, 12);
    expect(irr(flows, 0.25)).toBeCloseTo(0.2, 12);
    expect(irr(flows)).toBeCloseTo(0.1, 12); // default guess 10% sits on a root
    // Guess on the hump between the roots, where Newton's first step is huge:
    // the answer is still one of the two roots, not something far away.
    const onHump = irr(flows, 264 / 230 - 1);
    expect([0.1, 0.2].some((root) => Math.abs(onHump - root) < 1e-12)).toBe(true);
    // Far guesses on either side still end on the nearer root.
    expect(irr(flows, -0.5)).toBeCloseTo(0.1, 12);
    expect(irr(flows, 5)).toBeCloseTo(0.2, 12);
  });

  it('finds roots far from the guess when Newton alone would struggle', () => {
    // 1 in, 10,000 back after four periods: (1+r)^4 = 10^4, r = 900%.
    expect(irr([-1, 0, 0, 0, 10000])).toBeCloseTo(9, 9);
    // Almost everything lost: r close to -100%.
    expect(irr([-1000000, 1])).toBeCloseTo(-0.999999, 12);
  });

  it('reports Excel errors', () => {
    // Flows need a positive and a negative value -> #NUM!
    expectFinanceError(() => irr([12000, 15000, 18000]), 'NUM');
    expectFinanceError(() => irr([-12000, -15000, -18000]), 'NUM');
    expectFinanceError(() => irr([0, 0, 0]), 'NUM');
    // 100 - 300/(1+r) + 250/(1+r)^2 is positive for every rate: no IRR -> #NUM!
    expectFinanceError(() => irr([100, -300, 250]), 'NUM');
    expectFinanceError(() => irr([-100, 110], -1), 'NUM');
    expectFinanceError(() => irr([-100, Number.NaN]), 'VALUE');
    expectFinanceError(() => irr([-100, 110], Number.NaN), 'VALUE');
  });

  it('makes NPV zero for conventional flows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        inflowShares(30, 0.1),
        (cost, [multiple, shares]) => {
          const flows = [-cost, ...shares.map((share) => share * multiple * cost)];
          const rate = irr(flows);
          expect(Math.abs(presentValue(rate, flows))).toBeLessThanOrEqual(1e-9 * cost);
        },
      ),
    );
  });

  it('returns the root near the guess for flows with two roots (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: -0.25, max: 0.25, noNaN: true }),
        (lowRoot, gap, offset) => {
          const highRoot = lowRoot + gap;
          // (1+r)^2·NPV = -(1+r - y1)(1+r - y2)·100, so y1 = 1+lowRoot, y2 = 1+highRoot.
          const y1 = 1 + lowRoot;
          const y2 = 1 + highRoot;
          const flows = [-100, 100 * (y1 + y2), -100 * y1 * y2];
          expect(irr(flows, lowRoot + offset * gap)).toBeCloseTo(lowRoot, 9);
          expect(irr(flows, highRoot + offset * gap)).toBeCloseTo(highRoot, 9);
        },
      ),
    );
  });
});

describe('xirr', () => {
  it('reproduces the Excel documentation example', () => {
    // Microsoft Support, "XIRR function": 0.373362535 (37.34%). Excel stops iterating once
    // the result is accurate to 0.000001 % (1e-8), so its last printed digit is not exact:
    // the root itself is 0.3733625335..., within Excel's stated accuracy of that figure.
    const rate = xirr(EXCEL_VALUES, EXCEL_DATES);
    expect(Math.abs(rate - 0.373362535)).toBeLessThan(1e-8);
    expect(rate).toBeCloseTo(0.3734, 4);
    expect(Math.abs(xnpv(rate, EXCEL_VALUES, EXCEL_DATES))).toBeLessThan(1e-8);
  });

  it('converges from poor guesses', () => {
    for (const guess of [-0.9, 0, 2, 10]) {
      expect(xirr(EXCEL_VALUES, EXCEL_DATES, guess)).toBeCloseTo(0.3733625335, 9);
    }
  });

  it('reports Excel errors', () => {
    // Needs a positive and a negative flow -> #NUM!
    expectFinanceError(() => xirr([10000, 2750], ['2008-01-01', '2008-03-01']), 'NUM');
    // Not a date -> #VALUE!
    expectFinanceError(() => xirr([-10000, 2750], ['2008-01-01', '2008-13-01']), 'VALUE');
    // Date before the first date -> #NUM!
    expectFinanceError(() => xirr([-10000, 12750], ['2008-01-01', '2007-03-01']), 'NUM');
    // Lengths differ -> #NUM!
    expectFinanceError(() => xirr([-10000, 2750, 1], ['2008-01-01', '2008-03-01']), 'NUM');
    expectFinanceError(() => xirr([-10000, 12750], ['2008-01-01', '2008-03-01'], -2), 'NUM');
    expectFinanceError(() => xirr([-10000, Number.NaN], ['2008-01-01', '2008-03-01']), 'VALUE');
  });

  it('makes XNPV zero (property)', () => {
    const start = Date.UTC(2020, 0, 1) / 86_400_000;
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        // 0.1x back after 30 days is an annual rate of -99.99999999993 %; 0.5x is fine.
        inflowShares(20, 0.5),
        fc.array(fc.integer({ min: 30, max: 3650 }), { minLength: 20, maxLength: 20 }),
        (cost, [multiple, shares], daysLater) => {
          const values = [-cost, ...shares.map((share) => share * multiple * cost)];
          const dates = [isoDay(start), ...shares.map((_, i) => isoDay(start + daysLater[i]))];
          const rate = xirr(values, dates);
          expect(Math.abs(xnpv(rate, values, dates))).toBeLessThanOrEqual(1e-9 * cost);
        },
      ),
    );
  });
});
