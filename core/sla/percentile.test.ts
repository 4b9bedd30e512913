import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from './percentile';
import { errorCode } from './test-helpers';

describe('percentile — linear (Excel PERCENTILE.INC)', () => {
  // Microsoft Support, "PERCENTILE.INC function" example:
  // https://support.microsoft.com/en-us/office/percentile-inc-function-680f9539-45eb-410b-9a5e-c1355e5fe2ed
  // =PERCENTILE.INC({1;3;2;4}, 0.3) → 1.9
  it('reproduces the PERCENTILE.INC documentation example', () => {
    expect(percentile([1, 3, 2, 4], 0.3, 'linear')).toBe(1.9);
  });

  // Microsoft Support, "QUARTILE.INC function" example (QUARTILE.INC(q) = PERCENTILE.INC(q/4)):
  // data 1, 2, 4, 7, 8, 9, 10, 12 → first quartile 3.5.
  it('reproduces the QUARTILE.INC documentation example', () => {
    expect(percentile([1, 2, 4, 7, 8, 9, 10, 12], 0.25, 'linear')).toBe(3.5);
  });

  // Wikipedia, "Percentile", linear interpolation between closest ranks, variant C = 1 (the
  // one Excel's PERCENTILE.INC uses): for 15, 20, 35, 40, 50 the 40th percentile is 29; the
  // 5th, 30th and 95th (16, 23, 48) follow from the same rank (N − 1)·p.
  it('reproduces the Wikipedia C = 1 example', () => {
    const list = [15, 20, 35, 40, 50];
    expect(percentile(list, 0.05, 'linear')).toBe(16);
    expect(percentile(list, 0.3, 'linear')).toBe(23);
    expect(percentile(list, 0.4, 'linear')).toBe(29);
    expect(percentile(list, 0.95, 'linear')).toBe(48);
  });

  it('gives min at 0, max at 1, the median at 0.5 and the value itself for one value', () => {
    const values = [7, 1, 5, 3];
    expect(percentile(values, 0, 'linear')).toBe(1);
    expect(percentile(values, 1, 'linear')).toBe(7);
    expect(percentile(values, 0.5, 'linear')).toBe(4);
    expect(percentile([42], 0.99, 'linear')).toBe(42);
  });

  it('interpolates exactly in decimal, like a spreadsheet user expects', () => {
    expect(percentile([0.1, 0.2], 0.5, 'linear')).toBe(0.15);
  });
});

describe('percentile — nearest rank', () => {
  // Wikipedia, "Percentile", section "The nearest-rank method", worked examples.
  it('reproduces the Wikipedia nearest-rank examples', () => {
    const first = [15, 20, 35, 40, 50];
    expect(percentile(first, 0.05, 'nearest-rank')).toBe(15);
    expect(percentile(first, 0.3, 'nearest-rank')).toBe(20);
    expect(percentile(first, 0.4, 'nearest-rank')).toBe(20);
    expect(percentile(first, 0.5, 'nearest-rank')).toBe(35);
    expect(percentile(first, 1, 'nearest-rank')).toBe(50);

    const second = [3, 6, 7, 8, 8, 10, 13, 15, 16, 20];
    expect(percentile(second, 0.25, 'nearest-rank')).toBe(7);
    expect(percentile(second, 0.5, 'nearest-rank')).toBe(8);
    expect(percentile(second, 0.75, 'nearest-rank')).toBe(15);
    expect(percentile(second, 1, 'nearest-rank')).toBe(20);

    const third = [3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20];
    expect(percentile(third, 0.25, 'nearest-rank')).toBe(7);
    expect(percentile(third, 0.5, 'nearest-rank')).toBe(9);
    expect(percentile(third, 0.75, 'nearest-rank')).toBe(15);
    expect(percentile(third, 1, 'nearest-rank')).toBe(20);
  });

  it('takes the minimum at p = 0 and never drifts a rank through float error', () => {
    expect(percentile([5, 1, 9], 0, 'nearest-rank')).toBe(1);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    // In doubles 0.07 × 100 = 7.000000000000001, whose ceiling would be rank 8.
    expect(percentile(hundred, 0.07, 'nearest-rank')).toBe(7);
    expect(percentile(hundred, 0.99, 'nearest-rank')).toBe(99);
  });
});

describe('percentile errors', () => {
  it('rejects empty input, p outside [0, 1], non-finite values and unknown methods', () => {
    expect(errorCode(() => percentile([], 0.5, 'linear'))).toBe('SLA_EMPTY_VALUES');
    expect(errorCode(() => percentile([1], -0.1, 'linear'))).toBe('SLA_PERCENTILE_OUT_OF_RANGE');
    expect(errorCode(() => percentile([1], 1.01, 'nearest-rank'))).toBe(
      'SLA_PERCENTILE_OUT_OF_RANGE',
    );
    expect(errorCode(() => percentile([1], 99, 'nearest-rank'))).toBe(
      'SLA_PERCENTILE_OUT_OF_RANGE',
    );
    expect(errorCode(() => percentile([1, Number.NaN], 0.5, 'linear'))).toBe('SLA_INVALID_NUMBER');
    expect(errorCode(() => percentile([1], Number.NaN, 'linear'))).toBe('SLA_INVALID_NUMBER');
    expect(errorCode(() => percentile([1], 0.5, 'median' as 'linear'))).toBe('SLA_INVALID_METHOD');
  });
});

describe('percentile properties', () => {
  const values = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), {
    minLength: 1,
    maxLength: 50,
  });
  const p = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);

  it('nearest rank returns a member of the list; linear stays within [min, max]', () => {
    fc.assert(
      fc.property(values, p, (list, q) => {
        expect(list).toContain(percentile(list, q, 'nearest-rank'));
        const linear = percentile(list, q, 'linear');
        expect(linear).toBeGreaterThanOrEqual(Math.min(...list));
        expect(linear).toBeLessThanOrEqual(Math.max(...list));
      }),
    );
  });

  it('both methods are non-decreasing in p', () => {
    fc.assert(
      fc.property(values, p, p, (list, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        for (const method of ['nearest-rank', 'linear'] as const) {
          expect(percentile(list, high, method)).toBeGreaterThanOrEqual(
            percentile(list, low, method),
          );
        }
      }),
    );
  });
});
