import { describe, expect, it } from 'vitest';
import { evaluateDebtItem, savingsFactor } from './evaluate';
import { TechDebtError } from './errors';
import type { DebtItemModelInput } from './schema';

/** A plain item: no growth, no discounting, no lag, the fix removes everything. */
function item(overrides: Partial<DebtItemModelInput> = {}): DebtItemModelInput {
  return {
    quarterlyCost: { low: 1000, likely: 1000, high: 1000 },
    growthPerQuarter: 0,
    fixDays: { low: 2, likely: 2, high: 2 },
    dayRate: 500,
    annualDiscountRate: 0,
    horizonQuarters: 4,
    residualFraction: 0,
    lagQuarters: 0,
    rateMode: 'effective',
    ...overrides,
  };
}

describe("Martin Fowler's technical-debt example", () => {
  // https://martinfowler.com/bliki/TechnicalDebt.html: a feature takes four days with a
  // clear module structure and six with the cruft (two days of interest); cleaning up takes
  // five days. "If I only do it for this one feature, that's no gain, as I'd take nine days
  // instead of six. But if I have two more similar features coming up, then I'll end up
  // faster by removing the cruft first."
  // In the model: one feature per quarter costs 2 extra days; the fix is 5 days; money is
  // free (discount 0), the cruft does not grow, the fix removes it at once and completely.
  const dayRate = 80_000; // 800.00 a day, in minor units
  const fowler = (features: number) =>
    evaluateDebtItem(
      item({
        quarterlyCost: { low: 2 * dayRate, likely: 2 * dayRate, high: 2 * dayRate },
        fixDays: { low: 5, likely: 5, high: 5 },
        dayRate,
        horizonQuarters: features,
      }),
    );

  it('cleaning up first loses for a single feature (9 days instead of 6)', () => {
    const one = fowler(1);
    expect(one.pvCarry).toBe(2 * dayRate); // the 2 days of interest
    expect(one.fixCost).toBe(5 * dayRate);
    // 5 + 4 = 9 days with the clean-up against 6 without: 3 days lost.
    expect(one.netBenefit).toBe(-3 * dayRate);
    expect(one.simplePayback).toBeNull();
  });

  it('is still no gain with two features (5 + 8 = 13 days against 12)', () => {
    expect(fowler(2).netBenefit).toBe(-1 * dayRate);
  });

  it('cleaning up first wins with three features (5 + 12 = 17 days against 18)', () => {
    const three = fowler(3);
    expect(three.pvCarry).toBe(6 * dayRate);
    expect(three.pvFixPath).toBe(5 * dayRate);
    expect(three.netBenefit).toBe(1 * dayRate);
    expect(three.roi).toBeCloseTo(0.2, 12); // 1 day gained on 5 invested
    // 2 + 2 days repaid after two features, the 5th day halfway through the third.
    expect(three.simplePayback).toEqual({ quarter: 3, fraction: 0.5, quarters: 2.5 });
    expect(three.discountedPayback).toEqual(three.simplePayback); // money is free here
  });
});

describe('evaluateDebtItem: hand-computed cases', () => {
  it('prices a flat cost with no discounting', () => {
    // carry 4 × 1000 = 4000; fix 2 days × 500 = 1000; benefit 4000 − 1000 = 3000.
    const e = evaluateDebtItem(item());
    expect(e.quarterRate).toBe(0);
    expect(e.carryByQuarter).toEqual([1000, 1000, 1000, 1000]);
    expect(e.pvCarry).toBe(4000);
    expect(e.fixCost).toBe(1000);
    expect(e.pvFixPath).toBe(1000);
    expect(e.netBenefit).toBe(3000);
    expect(e.roi).toBe(3);
    // 1000 saved in quarter 1 covers the 1000 fix exactly at its end.
    expect(e.simplePayback).toEqual({ quarter: 1, fraction: 1, quarters: 1 });
    expect(e.costOfDelayPerQuarter).toBe(1000);
    expect(e.cd3).toBe(500); // 1000 a quarter / 2 days
  });

  it('discounts each quarter at the end of the quarter (nominal 40 % = 10 % a quarter)', () => {
    // q = 0.40 / 4 = 0.10. PV = 1210 / 1.1 + 1210 / 1.21 = 1100 + 1000 = 2100.
    // Fix 1 day × 1500 = 1500, so the benefit is 2100 − 1500 = 600 and ROI 600/1500 = 0.4.
    const e = evaluateDebtItem(
      item({
        quarterlyCost: { low: 1210, likely: 1210, high: 1210 },
        fixDays: { low: 1, likely: 1, high: 1 },
        dayRate: 1500,
        annualDiscountRate: 0.4,
        rateMode: 'nominal',
        horizonQuarters: 2,
      }),
    );
    expect(e.quarterRate).toBeCloseTo(0.1, 15);
    expect(e.pvCarry).toBeCloseTo(2100, 9);
    expect(e.netBenefit).toBeCloseTo(600, 9);
    expect(e.roi).toBeCloseTo(0.4, 12);
    // Discounted: 1100 after quarter 1, then 1000 more; (1500 − 1100) / 1000 = 0.4 of q2.
    expect(e.discountedPayback!.quarter).toBe(2);
    expect(e.discountedPayback!.fraction).toBeCloseTo(0.4, 12);
    expect(e.discountedPayback!.quarters).toBeCloseTo(1.4, 12);
    // Simple: 1210 after quarter 1; (1500 − 1210) / 1210 = 290/1210 of quarter 2.
    expect(e.simplePayback!.quarter).toBe(2);
    expect(e.simplePayback!.fraction).toBeCloseTo(290 / 1210, 12);
  });

  it('compounds an effective annual rate: (1 + r)^(1/4) − 1', () => {
    // 1.1^4 = 1.4641, so an effective 46.41 % a year is exactly 10 % a quarter.
    const effective = evaluateDebtItem(item({ annualDiscountRate: 0.4641 }));
    expect(effective.quarterRate).toBeCloseTo(0.1, 14);
    // The same 40 % read as effective is less than 10 % a quarter: 1.4^(1/4) − 1.
    const e40 = evaluateDebtItem(item({ annualDiscountRate: 0.4 }));
    const n40 = evaluateDebtItem(item({ annualDiscountRate: 0.4, rateMode: 'nominal' }));
    expect(e40.quarterRate).toBeCloseTo(Math.pow(1.4, 0.25) - 1, 15);
    expect(e40.quarterRate).toBeCloseTo(0.0877573, 7);
    expect(n40.quarterRate).toBe(0.1);
    // A lower quarter rate discounts less, so effective is worth more than nominal.
    expect(e40.pvCarry).toBeGreaterThan(n40.pvCarry);
    // Four quarters at (1.1)^−t: 1000 × (0.909091 + 0.826446 + 0.751315 + 0.683013) = 3169.87
    expect(n40.pvCarry).toBeCloseTo(3169.865446, 5);
  });

  it('grows the cost each quarter and honours lag and residual', () => {
    // Cost 1000, +10 % a quarter: 1000, 1100, 1210. The fix (1 day × 500) takes effect
    // after 1 quarter and leaves 25 % of the cost.
    // During the lag: 1000. After: 1100 + 1210 = 2310, of which 75 % is saved: 1732.5.
    // PV of the fix path = 500 + 1000 + 0.25 × 2310 = 2077.5; carry = 3310.
    // Benefit = 1732.5 − 500 = 1232.5 = 3310 − 2077.5.
    const e = evaluateDebtItem(
      item({
        growthPerQuarter: 0.1,
        fixDays: { low: 1, likely: 1, high: 1 },
        horizonQuarters: 3,
        lagQuarters: 1,
        residualFraction: 0.25,
      }),
    );
    expect(e.carryByQuarter[0]).toBe(1000);
    expect(e.carryByQuarter[1]).toBeCloseTo(1100, 9);
    expect(e.carryByQuarter[2]).toBeCloseTo(1210, 9);
    expect(e.pvCarry).toBeCloseTo(3310, 9);
    expect(e.pvFixPath).toBeCloseTo(2077.5, 9);
    expect(e.netBenefit).toBeCloseTo(1232.5, 9);
    // Cost of delay: the first quarter of effect saves 0.75 × 1100 = 825; over 1 day.
    expect(e.costOfDelayPerQuarter).toBeCloseTo(825, 9);
    expect(e.cd3).toBeCloseTo(825, 9);
    // Nothing is saved in quarter 1; 825 in quarter 2 covers the 500 after 500/825 of it.
    expect(e.simplePayback!.quarter).toBe(2);
    expect(e.simplePayback!.quarters).toBeCloseTo(1 + 500 / 825, 12);
  });

  it('a longer lag and a larger residual both shrink the benefit', () => {
    const base = evaluateDebtItem(item({ horizonQuarters: 8 }));
    const lagged = evaluateDebtItem(item({ horizonQuarters: 8, lagQuarters: 2 }));
    const partial = evaluateDebtItem(item({ horizonQuarters: 8, residualFraction: 0.5 }));
    // 8 × 1000 − 1000 = 7000; with lag 2: 6 × 1000 − 1000 = 5000; half removed: 4000 − 1000.
    expect(base.netBenefit).toBe(7000);
    expect(lagged.netBenefit).toBe(5000);
    expect(partial.netBenefit).toBe(3000);
    expect(lagged.pvCarry).toBe(base.pvCarry); // doing nothing costs the same
    expect(lagged.pvFixPath).toBe(1000 + 2000);
    expect(partial.pvFixPath).toBe(1000 + 4000);
  });

  it('a fix that only lands after the horizon costs its price and saves nothing', () => {
    const e = evaluateDebtItem(item({ horizonQuarters: 4, lagQuarters: 4 }));
    expect(e.netBenefit).toBe(-1000);
    expect(e.pvFixPath).toBe(e.pvCarry + 1000);
    expect(e.simplePayback).toBeNull();
    expect(e.discountedPayback).toBeNull();
    expect(e.costOfDelayPerQuarter).toBe(0);
    expect(e.cd3).toBe(0);
  });

  it('a residual of 100 % saves nothing', () => {
    const e = evaluateDebtItem(item({ residualFraction: 1 }));
    expect(e.netBenefit).toBe(-1000);
    expect(e.costOfDelayPerQuarter).toBe(0);
    expect(e.simplePayback).toBeNull();
  });

  it('a free fix has no ROI or CD3 and has paid back at once', () => {
    const e = evaluateDebtItem(item({ fixDays: { low: 0, likely: 0, high: 0 } }));
    expect(e.fixCost).toBe(0);
    expect(e.roi).toBeNull();
    expect(e.cd3).toBeNull();
    expect(e.simplePayback).toEqual({ quarter: 0, fraction: 0, quarters: 0 });
    expect(e.discountedPayback).toEqual({ quarter: 0, fraction: 0, quarters: 0 });
  });

  it('uses only the likely values', () => {
    const a = evaluateDebtItem(item());
    const b = evaluateDebtItem(
      item({
        quarterlyCost: { low: 1, likely: 1000, high: 9_999_999 },
        fixDays: { low: 0, likely: 2, high: 99 },
      }),
    );
    expect(b).toEqual(a);
  });

  it('agrees with the linear form benefit = K × likely − fix cost', () => {
    const input = item({
      quarterlyCost: { low: 40_000, likely: 75_000, high: 160_000 },
      growthPerQuarter: 0.03,
      annualDiscountRate: 0.12,
      horizonQuarters: 20,
      lagQuarters: 2,
      residualFraction: 0.2,
      fixDays: { low: 10, likely: 15, high: 30 },
      dayRate: 95_000,
    });
    const e = evaluateDebtItem(input);
    expect(e.netBenefit).toBeCloseTo(savingsFactor(input) * 75_000 - e.fixCost, 6);
    expect(e.netBenefit).toBeCloseTo(e.pvCarry - e.pvFixPath, 6);
  });

  it('rejects invalid input with coded issues', () => {
    const bad = {
      ...item(),
      quarterlyCost: { low: 2000, likely: 1000, high: 500 },
      horizonQuarters: 0,
      residualFraction: 1.5,
    };
    let error: unknown;
    try {
      evaluateDebtItem(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TechDebtError);
    const { code, issues } = error as TechDebtError;
    expect(code).toBe('INVALID_INPUT');
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['quarterlyCost.low', 'LOW_ABOVE_LIKELY'],
      ['quarterlyCost.high', 'LIKELY_ABOVE_HIGH'],
      ['horizonQuarters', 'HORIZON_OUT_OF_RANGE'],
      ['residualFraction', 'FRACTION_OUT_OF_RANGE'],
    ]);
  });
});
