import { describe, expect, it } from 'vitest';
import { debtItemDistribution } from './distribution';
import type { TechDebtError } from './errors';
import { evaluateDebtItem } from './evaluate';
import type { DebtItemModelInput } from './schema';

/**
 * One quarter, no discounting, nothing left after the fix: net benefit = cost − fix cost,
 * so the distribution of the benefit is the cost distribution shifted by the fix cost.
 */
function oneQuarter(overrides: Partial<DebtItemModelInput> = {}): DebtItemModelInput {
  return {
    quarterlyCost: { low: 0, likely: 5000, high: 10_000 },
    growthPerQuarter: 0,
    fixDays: { low: 1, likely: 1, high: 1 },
    dayRate: 1000,
    annualDiscountRate: 0,
    horizonQuarters: 1,
    residualFraction: 0,
    lagQuarters: 0,
    rateMode: 'effective',
    ...overrides,
  };
}

const realistic: DebtItemModelInput = {
  quarterlyCost: { low: 60_000_00, likely: 90_000_00, high: 180_000_00 },
  growthPerQuarter: 0.02,
  fixDays: { low: 40, likely: 60, high: 110 },
  dayRate: 1_200_00,
  annualDiscountRate: 0.1,
  horizonQuarters: 12,
  residualFraction: 0.15,
  lagQuarters: 1,
  rateMode: 'effective',
};

describe('debtItemDistribution: exact when only the cost is uncertain', () => {
  it('shifts triangular closed-form quantiles by the fix cost', () => {
    // Cost triangular {0, 5000, 10000}; fix 1 day × 1000 = 1000.
    // Q(0.05) = √(0.05 × 10000 × 5000) = 1581.1388 → benefit 581.1388
    // Q(0.95) = 10000 − 1581.1388 = 8418.8612 → benefit 7418.8612
    // P(benefit > 0) = P(cost > 1000) = 1 − 1000² / (10000 × 5000) = 0.98
    const d = debtItemDistribution(oneQuarter(), { dist: 'triangular' });
    expect(d.exact).toBe(true);
    expect(d.samples).toBe(0);
    expect(d.mean).toBe(4000); // (0 + 5000 + 10000)/3 − 1000
    expect(d.p05).toBeCloseTo(581.13883, 6);
    expect(d.p50).toBeCloseTo(4000, 9);
    expect(d.p95).toBeCloseTo(7418.86117, 6);
    expect(d.probPositive).toBeCloseTo(0.98, 12);
  });

  it('uses Beta-PERT quantiles, closed form when likely = low (Beta(1, 5))', () => {
    // Cost PERT {0, 0, 10000}: Q(p) = 10000 × (1 − (1 − p)^(1/5)); mean = 10000/6.
    // P(cost > 1000) = (1 − 0.1)^5 = 0.59049.
    const d = debtItemDistribution(
      oneQuarter({ quarterlyCost: { low: 0, likely: 0, high: 10_000 } }),
      {
        dist: 'pert',
      },
    );
    expect(d.exact).toBe(true);
    expect(d.mean).toBeCloseTo(10_000 / 6 - 1000, 9);
    for (const [p, value] of [
      [0.05, d.p05],
      [0.1, d.p10],
      [0.5, d.p50],
      [0.9, d.p90],
      [0.95, d.p95],
    ] as const) {
      expect(value).toBeCloseTo(10_000 * (1 - (1 - p) ** 0.2) - 1000, 8);
    }
    expect(d.probPositive).toBeCloseTo(0.59049, 12);
  });

  it('has the PERT mean (a + 4m + b)/6 scaled through the model', () => {
    const input = { ...realistic, fixDays: { low: 60, likely: 60, high: 60 } };
    const d = debtItemDistribution(input, { dist: 'pert' });
    const atLikely = evaluateDebtItem(input).netBenefit;
    const perUnitCost = (atLikely + input.fixDays.likely * input.dayRate) / 90_000_00;
    const meanCost = (60_000_00 + 4 * 90_000_00 + 180_000_00) / 6; // 100 000.00
    expect(d.exact).toBe(true);
    expect(d.mean).toBeCloseTo(perUnitCost * meanCost - 60 * 1_200_00, 4);
  });

  it('agrees with Monte Carlo when the fix effort is fixed', () => {
    const input = { ...realistic, fixDays: { low: 60, likely: 60, high: 60 } };
    for (const dist of ['pert', 'triangular'] as const) {
      const exact = debtItemDistribution(input, { dist });
      const sampled = debtItemDistribution(input, {
        dist,
        method: 'monte-carlo',
        samples: 200_000,
        seed: 2024,
      });
      expect(exact.exact).toBe(true);
      expect(sampled.exact).toBe(false);
      expect(sampled.samples).toBe(200_000);
      // Tolerance: 1 % of the P05–P95 width, several standard errors at 200k draws.
      const tolerance = 0.01 * (exact.p95 - exact.p05);
      for (const key of ['p05', 'p10', 'p50', 'p90', 'p95'] as const) {
        expect(Math.abs(sampled[key] - exact[key])).toBeLessThan(tolerance);
      }
      expect(Math.abs(sampled.probPositive - exact.probPositive)).toBeLessThan(0.005);
      expect(sampled.mean).toBe(exact.mean);
    }
  });
});

describe('debtItemDistribution: exact when only the fix effort is uncertain', () => {
  it('mirrors the effort quantiles, since more effort means less benefit', () => {
    // Cost fixed at 5000; effort PERT {1, 1, 6} days = Beta(1, 5) on [1, 6], × 1000 a day.
    // Benefit P10 = 5000 − 1000 × Q_effort(0.9); Q_effort(p) = 1 + 5(1 − (1 − p)^(1/5)).
    const input = oneQuarter({
      quarterlyCost: { low: 5000, likely: 5000, high: 5000 },
      fixDays: { low: 1, likely: 1, high: 6 },
    });
    const d = debtItemDistribution(input, { dist: 'pert' });
    const effort = (p: number) => 1 + 5 * (1 - (1 - p) ** 0.2);
    expect(d.exact).toBe(true);
    expect(d.p10).toBeCloseTo(5000 - 1000 * effort(0.9), 8);
    expect(d.p90).toBeCloseTo(5000 - 1000 * effort(0.1), 8);
    // Positive when effort < 5 days: P = 1 − (1 − 4/5)^5 = 1 − 0.2^5 = 0.99968.
    expect(d.probPositive).toBeCloseTo(0.99968, 12);
  });
});

describe('debtItemDistribution: Monte Carlo when both are uncertain', () => {
  it('samples, and the same seed gives the same figures', () => {
    const a = debtItemDistribution(realistic, { dist: 'pert', seed: 7 });
    const b = debtItemDistribution(realistic, { dist: 'pert', seed: 7 });
    const c = debtItemDistribution(realistic, { dist: 'pert', seed: 8 });
    expect(a.exact).toBe(false);
    expect(a.samples).toBe(10_000);
    expect(b).toEqual(a);
    expect(c.p50).not.toBe(a.p50);
    expect(a.p05).toBeLessThan(a.p50);
    expect(a.p50).toBeLessThan(a.p95);
  });

  it('uses a fixed default seed, so figures do not change between calls', () => {
    expect(debtItemDistribution(realistic, { dist: 'triangular' })).toEqual(
      debtItemDistribution(realistic, { dist: 'triangular', seed: 1 }),
    );
  });

  it('centres on the exact mean and widens the spread of a cost-only model', () => {
    const both = debtItemDistribution(realistic, { dist: 'pert', samples: 100_000 });
    const costOnly = debtItemDistribution(
      { ...realistic, fixDays: { low: 60, likely: 60, high: 60 } },
      { dist: 'pert' },
    );
    // Mean effort (40 + 240 + 110)/6 = 65 days, 5 more than the likely 60.
    expect(both.mean).toBeCloseTo(costOnly.mean - 5 * 1_200_00, 4);
    expect(Math.abs(both.p50 - both.mean)).toBeLessThan(0.05 * (both.p95 - both.p05));
    expect(both.p95 - both.p05).toBeGreaterThan(costOnly.p95 - costOnly.p05);
  });

  it("refuses method 'exact' when it would have to sample", () => {
    expect(() => debtItemDistribution(realistic, { dist: 'pert', method: 'exact' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        issues: [expect.objectContaining({ code: 'EXACT_NOT_AVAILABLE' })],
      }),
    );
  });
});

describe('debtItemDistribution: degenerate and invalid cases', () => {
  it('collapses to a point when nothing is uncertain', () => {
    const input = oneQuarter({ quarterlyCost: { low: 5000, likely: 5000, high: 5000 } });
    const d = debtItemDistribution(input, { dist: 'pert' });
    expect(d).toEqual({
      mean: 4000,
      p05: 4000,
      p10: 4000,
      p50: 4000,
      p90: 4000,
      p95: 4000,
      probPositive: 1,
      exact: true,
      samples: 0,
    });
  });

  it('ignores the cost spread when the fix lands after the horizon', () => {
    const d = debtItemDistribution(oneQuarter({ lagQuarters: 1 }), { dist: 'pert' });
    expect(d.exact).toBe(true);
    expect(d.p05).toBe(-1000);
    expect(d.p95).toBe(-1000);
    expect(d.probPositive).toBe(0);
  });

  it('rejects bad options and bad input with codes', () => {
    const catchError = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as TechDebtError;
      }
      throw new Error('expected a TechDebtError');
    };
    const badSamples = catchError(() =>
      debtItemDistribution(oneQuarter(), { dist: 'pert', samples: 5 }),
    );
    expect(badSamples.code).toBe('INVALID_OPTIONS');
    expect(badSamples.issues[0]!.code).toBe('SAMPLES_OUT_OF_RANGE');
    const badDist = catchError(() =>
      debtItemDistribution(oneQuarter(), { dist: 'normal' as 'pert' }),
    );
    expect(badDist.issues[0]!.code).toBe('INVALID_DISTRIBUTION');
    const badInput = catchError(() =>
      debtItemDistribution(oneQuarter({ dayRate: -5 }), { dist: 'pert' }),
    );
    expect(badInput.code).toBe('INVALID_INPUT');
    expect(badInput.issues[0]!.code).toBe('NEGATIVE');
  });
});
