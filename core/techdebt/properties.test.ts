import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debtItemDistribution } from './distribution';
import { evaluateDebtItem, savingsFactor } from './evaluate';
import type { Payback } from './payback';
import type { DebtItemModelInput } from './schema';

const ordered = <T extends number>(arb: fc.Arbitrary<T>) =>
  fc
    .tuple(arb, arb, arb)
    .map((t) => t.sort((a, b) => a - b))
    .map(([low, likely, high]) => ({ low, likely, high }));

const modelInput: fc.Arbitrary<DebtItemModelInput> = fc.record({
  quarterlyCost: ordered(fc.integer({ min: 0, max: 50_000_000 })),
  growthPerQuarter: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  fixDays: ordered(fc.double({ min: 0, max: 500, noNaN: true })),
  dayRate: fc.integer({ min: 0, max: 500_000 }),
  annualDiscountRate: fc.double({ min: 0, max: 1, noNaN: true }),
  horizonQuarters: fc.integer({ min: 1, max: 80 }),
  residualFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  lagQuarters: fc.integer({ min: 0, max: 12 }),
  rateMode: fc.constantFrom('effective' as const, 'nominal' as const),
});

/** Payback time in quarters, "never" as +∞, so paybacks compare as numbers. */
const when = (p: Payback | null) => (p === null ? Number.POSITIVE_INFINITY : p.quarters);

/** The item with its likely quarterly cost replaced (keeping low <= likely <= high). */
function withLikelyCost(input: DebtItemModelInput, likely: number): DebtItemModelInput {
  const { low, high } = input.quarterlyCost;
  return {
    ...input,
    quarterlyCost: { low: Math.min(low, likely), likely, high: Math.max(high, likely) },
  };
}

function withLikelyDays(input: DebtItemModelInput, likely: number): DebtItemModelInput {
  const { low, high } = input.fixDays;
  return {
    ...input,
    fixDays: { low: Math.min(low, likely), likely, high: Math.max(high, likely) },
  };
}

describe('tech-debt model properties', () => {
  it('net benefit falls (and payback comes later) as the fix cost rises', () => {
    fc.assert(
      fc.property(
        modelInput,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 100_000 }),
        (input, extraDays, extraRate) => {
          const base = evaluateDebtItem(input);
          const moreDays = evaluateDebtItem(
            withLikelyDays(input, Math.min(input.fixDays.likely + extraDays, 100_000)),
          );
          const dearer = evaluateDebtItem({ ...input, dayRate: input.dayRate + extraRate });
          for (const costlier of [moreDays, dearer]) {
            expect(costlier.fixCost).toBeGreaterThanOrEqual(base.fixCost);
            expect(costlier.netBenefit).toBeLessThanOrEqual(base.netBenefit);
            expect(when(costlier.simplePayback)).toBeGreaterThanOrEqual(when(base.simplePayback));
            expect(when(costlier.discountedPayback)).toBeGreaterThanOrEqual(
              when(base.discountedPayback),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('net benefit rises (and payback comes sooner) with the quarterly cost', () => {
    fc.assert(
      fc.property(modelInput, fc.integer({ min: 0, max: 10_000_000 }), (input, extra) => {
        const base = evaluateDebtItem(input);
        const worse = evaluateDebtItem(withLikelyCost(input, input.quarterlyCost.likely + extra));
        expect(worse.pvCarry).toBeGreaterThanOrEqual(base.pvCarry);
        expect(worse.netBenefit).toBeGreaterThanOrEqual(base.netBenefit);
        expect(worse.costOfDelayPerQuarter).toBeGreaterThanOrEqual(base.costOfDelayPerQuarter);
        expect(when(worse.simplePayback)).toBeLessThanOrEqual(when(base.simplePayback));
        expect(when(worse.discountedPayback)).toBeLessThanOrEqual(when(base.discountedPayback));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps its accounting identities', () => {
    fc.assert(
      fc.property(modelInput, (input) => {
        const e = evaluateDebtItem(input);
        const scale = Math.max(1, e.pvCarry, e.fixCost);
        expect(Math.abs(e.pvCarry - e.pvFixPath - e.netBenefit)).toBeLessThan(1e-9 * scale);
        expect(
          Math.abs(savingsFactor(input) * input.quarterlyCost.likely - e.fixCost - e.netBenefit),
        ).toBeLessThan(1e-9 * scale);
        expect(e.carryByQuarter).toHaveLength(input.horizonQuarters);
        // Discounting never makes a payback come sooner.
        expect(when(e.discountedPayback)).toBeGreaterThanOrEqual(when(e.simplePayback) - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('orders its quantiles p05 <= p10 <= p50 <= p90 <= p95, exact or sampled', () => {
    fc.assert(
      fc.property(
        modelInput,
        fc.constantFrom('pert' as const, 'triangular' as const),
        fc.constantFrom('auto' as const, 'monte-carlo' as const),
        fc.integer(),
        (input, dist, method, seed) => {
          const d = debtItemDistribution(input, { dist, method, seed, samples: 500 });
          expect(d.p05).toBeLessThanOrEqual(d.p10);
          expect(d.p10).toBeLessThanOrEqual(d.p50);
          expect(d.p50).toBeLessThanOrEqual(d.p90);
          expect(d.p90).toBeLessThanOrEqual(d.p95);
          expect(d.probPositive).toBeGreaterThanOrEqual(0);
          expect(d.probPositive).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('exact quantiles stay between the benefit at the low and at the high cost', () => {
    fc.assert(
      fc.property(
        modelInput,
        fc.constantFrom('pert' as const, 'triangular' as const),
        (input, dist) => {
          const days = input.fixDays.likely;
          const pinned = { ...input, fixDays: { low: days, likely: days, high: days } };
          const d = debtItemDistribution(pinned, { dist });
          const atLow = evaluateDebtItem(withLikelyCost(pinned, pinned.quarterlyCost.low));
          const atHigh = evaluateDebtItem(withLikelyCost(pinned, pinned.quarterlyCost.high));
          const slack = 1e-9 * Math.max(1, Math.abs(atLow.netBenefit), Math.abs(atHigh.netBenefit));
          expect(d.exact).toBe(true);
          expect(d.p05).toBeGreaterThanOrEqual(atLow.netBenefit - slack);
          expect(d.p95).toBeLessThanOrEqual(atHigh.netBenefit + slack);
        },
      ),
      { numRuns: 300 },
    );
  });
});
