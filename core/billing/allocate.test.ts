import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate';
import { BillingError } from './errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BillingError ? e.code : 'NOT_A_BILLING_ERROR';
  }
  return undefined;
}

/** |part − total·w/W| < 1, checked exactly: |part·W − total·w| < W. */
function withinOneUnit(total: number, weights: bigint[], parts: number[]): boolean {
  const sum = weights.reduce((a, b) => a + b, 0n);
  return parts.every((p, i) => {
    const diff = BigInt(p) * sum - BigInt(total) * weights[i]!;
    return (diff < 0n ? -diff : diff) < sum;
  });
}

describe('allocate: published examples of the largest-remainder (Hamilton / Hare) method', () => {
  // Wikipedia, "Largest remainder method", Examples (Hare quota): 10 seats for parties with
  // 47,000 / 16,000 / 15,800 / 12,000 / 6,100 / 3,100 votes -> 5 / 2 / 1 / 1 / 1 / 0.
  it('Wikipedia Hare-quota example', () => {
    expect(allocate(10, [47000, 16000, 15800, 12000, 6100, 3100])).toEqual([5, 2, 1, 1, 1, 0]);
  });

  // infinitelexicon.com "largestremainder": populations 50, 30, 20 and 7 seats, quotas
  // 3.5 / 2.1 / 1.4 -> 4 / 2 / 1.
  it('50/30/20 into 7', () => {
    expect(allocate(7, [50, 30, 20])).toEqual([4, 2, 1]);
  });
});

describe('allocate: milestone splits', () => {
  it('15/30/45/10 of a round fee is exact', () => {
    expect(allocate(100_000_00, [15, 30, 45, 10])).toEqual([
      15_000_00, 30_000_00, 45_000_00, 10_000_00,
    ]);
  });

  it('15/30/45/10 of 999.99: the leftover cents go to the largest remainders', () => {
    // exact shares 149.9985, 299.997, 449.9955, 99.999 -> floors 149.99/299.99/449.99/99.99
    // (sum 999.96), remainders .85/.7/.55/.9 cents -> +1 to index 3, 0, 1
    expect(allocate(99999, [15, 30, 45, 10])).toEqual([15000, 30000, 44999, 10000]);
  });

  it('ties go to the lower index', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(5, [1, 1, 1, 1])).toEqual([2, 1, 1, 1]);
  });

  it('accepts decimal-string weights exactly', () => {
    expect(allocate(1000, ['12.5', '87.5'])).toEqual([125, 875]);
    expect(allocate(1, ['0.1', '0.2'])).toEqual([0, 1]); // 1/3 vs 2/3
    expect(allocate(100, ['33.333', '33.333', '33.334'])).toEqual([33, 33, 34]);
    expect(allocate(10, [0.1, 0.2, 0.7])).toEqual([1, 2, 7]); // numbers as their decimal text
  });

  it('splits a negative total (credit) symmetrically', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-99999, [15, 30, 45, 10])).toEqual([-15000, -30000, -44999, -10000]);
  });

  it('zero total gives zeros (never -0)', () => {
    const parts = allocate(0, [1, 2]);
    expect(parts).toEqual([0, 0]);
    expect(parts.every((p) => Object.is(p, 0))).toBe(true);
  });

  it('handles the largest safe totals', () => {
    const parts = allocate(Number.MAX_SAFE_INTEGER, [1, 1, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('allocate: refused input', () => {
  it.each([
    [[], 'NO_WEIGHTS'],
    [[1, 0], 'NON_POSITIVE_WEIGHT'],
    [[1, -2], 'NON_POSITIVE_WEIGHT'],
    [['1', '-0.5'], 'NON_POSITIVE_WEIGHT'],
    [['abc'], 'INVALID_WEIGHT'],
    [['1e3'], 'INVALID_WEIGHT'],
    [[Number.NaN], 'INVALID_WEIGHT'],
    [[Number.POSITIVE_INFINITY], 'INVALID_WEIGHT'],
  ] as [(number | string)[], string][])('%j -> %s', (weights, code) => {
    expect(codeOf(() => allocate(100, weights))).toBe(code);
  });

  it('refuses a total that is not a safe integer', () => {
    expect(codeOf(() => allocate(1.5, [1]))).toBe('INVALID_TOTAL');
    expect(codeOf(() => allocate(2 ** 53, [1]))).toBe('INVALID_TOTAL');
  });

  it('says which weight is wrong', () => {
    try {
      allocate(100, [1, 2, 0]);
    } catch (e) {
      expect((e as BillingError).details.index).toBe(2);
    }
  });
});

describe('allocate: properties', () => {
  const total = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  const weights = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 });

  it('parts sum exactly to the total and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocate(t, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.every(Number.isSafeInteger)).toBe(true);
        expect(parts.reduce((a, b) => BigInt(a) + BigInt(b), 0n)).toBe(BigInt(t));
        expect(withinOneUnit(t, ws.map(BigInt), parts)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('milestone split 15/30/45/10 of any total sums exactly', () => {
    fc.assert(
      fc.property(total, (t) => {
        const parts = allocate(t, [15, 30, 45, 10]);
        expect(parts.reduce((a, b) => BigInt(a) + BigInt(b), 0n)).toBe(BigInt(t));
        expect(withinOneUnit(t, [15n, 30n, 45n, 10n], parts)).toBe(true);
        expect(allocate(t, ['15', '30', '45', '10'])).toEqual(parts);
        expect(allocate(t, ['0.15', '0.30', '0.45', '0.10'])).toEqual(parts);
      }),
      { numRuns: 1000 },
    );
  });

  it('decimal-string weights behave like the same weights scaled to integers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 10 }),
        (t, hundredths) => {
          const strings = hundredths.map((h) => (h / 100).toFixed(2));
          expect(allocate(t, strings)).toEqual(allocate(t, hundredths));
        },
      ),
    );
  });

  it('a credit splits as the mirror of the invoice', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        expect(allocate(-t, ws)).toEqual(allocate(t, ws).map((p) => (p === 0 ? 0 : -p)));
      }),
    );
  });
});
