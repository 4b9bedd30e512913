import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knapsack01 } from './knapsack';

/** Every subset, for checking the table against the definition. */
function bruteForce(weights: number[], values: number[], capacity: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << weights.length; mask++) {
    let w = 0;
    let v = 0;
    for (let i = 0; i < weights.length; i++) {
      if (mask & (1 << i) && values[i]! > 0) {
        w += weights[i]!;
        v += values[i]!;
      }
    }
    if (w <= capacity && v > best) best = v;
  }
  return best;
}

describe('knapsack01', () => {
  // Cormen, Leiserson, Rivest & Stein, Introduction to Algorithms (3rd ed.), §16.2 and
  // Figure 16.2: items of 10, 20 and 30 kg worth 60, 100 and 120 in a 50 kg knapsack.
  // The 0/1 optimum takes items 2 and 3 (220); greedy by value per kg takes item 1 first
  // and ends at 160.
  const weights = [10, 20, 30];
  const values = [60, 100, 120];

  it('finds the optimum of the CLRS example exactly', () => {
    const r = knapsack01(weights, values, 50);
    expect(r).toEqual({ chosen: [1, 2], totalWeight: 50, totalValue: 220, method: 'exact' });
  });

  it('falls back to greedy (and its known shortfall) when the table would be too big', () => {
    const r = knapsack01(weights, values, 50, 1);
    expect(r.method).toBe('greedy');
    expect(r.chosen).toEqual([0, 1]);
    expect(r.totalValue).toBe(160);
  });

  it('takes everything when everything fits, and free items always', () => {
    expect(knapsack01(weights, values, 60)).toMatchObject({ chosen: [0, 1, 2], method: 'all-fit' });
    expect(knapsack01([0, 10], [5, 1], 0)).toMatchObject({ chosen: [0], totalValue: 5 });
  });

  it('never chooses items without value', () => {
    expect(knapsack01([1, 1, 1], [5, 0, -3], 10).chosen).toEqual([0]);
  });

  it('shrinks the table by the gcd of the weights (fix costs = days × day rate)', () => {
    // Weights in minor units of 0.5-day multiples of a 1,200.00 day rate: gcd 60 000.
    const w = [2.5, 4, 7.5, 3].map((d) => d * 120_000);
    const v = [50, 90, 140, 70];
    const r = knapsack01(w, v, 10 * 120_000, 100);
    // 4 items × 21 steps of 60 000 = 84 cells, where raw minor units would need 4.8 million.
    expect(r.method).toBe('exact');
    expect(r.totalValue).toBe(bruteForce(w, v, 10 * 120_000));
  });

  it('matches brute force exactly on small inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -20, max: 100 })), {
          maxLength: 10,
        }),
        fc.integer({ min: 0, max: 200 }),
        (pairs, capacity) => {
          const w = pairs.map((p) => p[0]);
          const v = pairs.map((p) => p[1]);
          const r = knapsack01(w, v, capacity);
          expect(['exact', 'all-fit']).toContain(r.method);
          expect(r.totalWeight).toBeLessThanOrEqual(capacity);
          expect(r.totalValue).toBe(bruteForce(w, v, capacity));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never overruns the budget when it scales or goes greedy, and loses little', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 1000 })),
          { minLength: 2, maxLength: 10 },
        ),
        fc.integer({ min: 1, max: 20_000_000 }),
        fc.integer({ min: 1, max: 2000 }),
        (pairs, capacity, maxCells) => {
          const w = pairs.map((p) => p[0]);
          const v = pairs.map((p) => p[1]);
          const r = knapsack01(w, v, capacity, maxCells);
          expect(r.totalWeight).toBeLessThanOrEqual(capacity);
          const optimum = bruteForce(w, v, capacity);
          expect(r.totalValue).toBeLessThanOrEqual(optimum);
          if (r.method === 'exact' || r.method === 'all-fit') expect(r.totalValue).toBe(optimum);
        },
      ),
      { numRuns: 300 },
    );
  });
});
