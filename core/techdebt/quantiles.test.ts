import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleQuantiles, sortedQuantile } from './quantiles';

describe('sample quantiles', () => {
  it('follow PERCENTILE.INC', () => {
    // Excel documentation, PERCENTILE.INC: =PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9.
    expect(sortedQuantile([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    expect(sampleQuantiles(new Float64Array([1, 3, 2, 4]), [0.3])[0]).toBeCloseTo(1.9, 12);
    expect(sortedQuantile([5], 0.9)).toBe(5);
    expect(sortedQuantile([1, 2], 1)).toBe(2);
  });

  it('by selection equal those of a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (values, levels) => {
          const ascending = levels.slice().sort((a, b) => a - b);
          const sorted = Float64Array.from(values).sort();
          const expected = ascending.map((p) => sortedQuantile(sorted, p));
          expect(sampleQuantiles(Float64Array.from(values), ascending)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handle many ties', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i % 3);
    expect(sampleQuantiles(values, [0.05, 0.5, 0.95])).toEqual([0, 1, 2]);
  });
});
