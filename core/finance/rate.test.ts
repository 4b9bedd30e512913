import { describe, expect, it } from 'vitest';
import { expectFinanceError } from './expect-finance-error';
import { rate } from './rate';

describe('rate', () => {
  it('reproduces the Excel documentation example', () => {
    // Microsoft Support, "RATE function": a 4-year, 8,000 loan repaid at 200 a month costs
    // 1% a month (0.77% with more decimals) and 9.24% a year.
    expect(rate(4 * 12, -200, 8000)).toBeCloseTo(0.0077, 4);
    expect(rate(4 * 12, -200, 8000) * 12).toBeCloseTo(0.0924, 4);
  });

  it('matches the formulajs test suite (test/financial.js, RATE)', () => {
    expect(rate(48, -200, 8000)).toBeCloseTo(0.007701472, 9);
    for (const guess of [0.1, 0.75, 0.065]) {
      expect(rate(24, -1000, -10000, 100000, 0, guess)).toBeCloseTo(0.06517891177181546, 9);
    }
    expect(rate(24, -1000, -10000, 100000, 1, 0.1)).toBeCloseTo(0.0632395800018064, 9);
    expect(rate(37, -7200, -40000, 4477839, 0)).toBeCloseTo(0.10646164, 8);
    expect(rate(348, -(157119 / 12), 790000)).toBeCloseTo(0.01651835816, 9);
  });

  it('returns 0 when payments exactly repay the principal', () => {
    expect(rate(10, -100, 1000)).toBeCloseTo(0, 12);
  });

  it('handles a fractional number of periods', () => {
    // 1000 grows to 1100 over half a period: (1.1)^2 - 1 per period.
    expect(rate(0.5, 0, -1000, 1100)).toBeCloseTo(0.21, 12);
  });

  it('reports Excel errors', () => {
    expectFinanceError(() => rate(0, -100, 1000), 'NUM');
    expectFinanceError(() => rate(-5, -100, 1000), 'NUM');
    // Receiving money every period on top of a positive balance never nets to zero.
    expectFinanceError(() => rate(10, 100, 1000), 'NUM');
    expectFinanceError(() => rate(10, -100, 1000, 0, 0, -1), 'NUM');
    expectFinanceError(() => rate(Number.NaN, -100, 1000), 'VALUE');
    expectFinanceError(() => rate(10, -100, 1000, 0, 0, Number.NaN), 'VALUE');
  });
});
