import { describe, expect, it } from 'vitest';
import { expectFinanceError } from './expect-finance-error';
import { roi } from './roi';

describe('roi', () => {
  it('is (gain - cost) / cost', () => {
    // Market Chronologix wiki, "ROI": 1,000 invested, later sold for 1,200 -> 20 %.
    expect(roi(1200, 1000)).toBeCloseTo(0.2, 12);
    // The Handy Investing Answer Book: bought for 5,000, sold a year later for 5,500 -> 10 %.
    expect(roi(5500, 5000)).toBeCloseTo(0.1, 12);
    expect(roi(150, 100)).toBe(0.5);
    expect(roi(50, 100)).toBe(-0.5);
    expect(roi(0, 100)).toBe(-1);
  });

  it('reports errors', () => {
    expectFinanceError(() => roi(100, 0), 'DIV0');
    expectFinanceError(() => roi(100, -10), 'NUM');
    expectFinanceError(() => roi(Number.NaN, 10), 'VALUE');
  });
});
