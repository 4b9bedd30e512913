import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lateInterest } from './late-interest';

describe('lateInterest', () => {
  // UK statutory interest explainer (statutory-interest.pages.dev, Late Payment of Commercial
  // Debts (Interest) Act 1998): £1,000 at 8.5 % is £85 a year, about £0.23 a day.
  it('£1,000 at 8.5 %: £0.23 a day, £85.00 a year', () => {
    expect(lateInterest(100000, '0.085', 1, 'half-up')).toBe(23);
    expect(lateInterest(100000, '0.085', 365, 'half-up')).toBe(8500);
  });

  it('rounds once, at the end: 30 days is 6.99, not 30 × 0.23 = 6.90', () => {
    // 1000 × 0.085 × 30 / 365 = 6.9863…
    expect(lateInterest(100000, '0.085', 30, 'half-up')).toBe(699);
  });

  it('applies the rounding mode on exact ties', () => {
    // 73 × 0.05 × 1 / 365 = 0.01 exactly ... and 365 × 0.5 × 1 / 365 = 0.5 -> tie
    expect(lateInterest(365, '0.5', 1, 'half-up')).toBe(1);
    expect(lateInterest(365, '0.5', 1, 'half-even')).toBe(0);
    expect(lateInterest(1095, '0.5', 1, 'half-even')).toBe(2); // 1.5 -> 2
  });

  it('zero days or zero rate is zero; JPY has no decimals to lose', () => {
    expect(lateInterest(100000, '0.08', 0, 'half-up')).toBe(0);
    expect(lateInterest(100000, '0', 30, 'half-up')).toBe(0);
    expect(lateInterest(1_000_000, '0.146', 30, 'half-up')).toBe(12000); // ¥1,000,000 at 14.6 % for 30 days
  });

  it('refuses bad input with codes', () => {
    expect(() => lateInterest(-1, '0.08', 1, 'half-up')).toThrowError(/INVALID_PRINCIPAL/);
    expect(() => lateInterest(1.5, '0.08', 1, 'half-up')).toThrowError(/INVALID_PRINCIPAL/);
    expect(() => lateInterest(100, '-0.08', 1, 'half-up')).toThrowError(/INVALID_RATE/);
    expect(() => lateInterest(100, '8%', 1, 'half-up')).toThrowError(/INVALID_RATE/);
    expect(() => lateInterest(100, '0.08', -1, 'half-up')).toThrowError(/INVALID_DAYS/);
    expect(() => lateInterest(100, '0.08', 0.5, 'half-up')).toThrowError(/INVALID_DAYS/);
    expect(() => lateInterest(Number.MAX_SAFE_INTEGER, '10', 3650, 'half-up')).toThrowError(
      /OUT_OF_RANGE/,
    );
  });

  it('is within half a unit of the exact value and monotone in days (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.integer({ min: 0, max: 3000 }).map((bp) => (bp / 10000).toString()),
        fc.integer({ min: 0, max: 1000 }),
        (p, rate, days) => {
          const i = lateInterest(p, rate, days, 'half-up');
          const exactTimes365 = BigInt(p) * BigInt(Math.round(Number(rate) * 10000)) * BigInt(days);
          // |i − exact| ≤ 1/2  <=>  |i·365·10000·2 − exact·365·10000·2| ≤ 365·10000
          const diff = BigInt(i) * 3650000n * 2n - exactTimes365 * 2n;
          expect((diff < 0n ? -diff : diff) <= 3650000n).toBe(true);
          expect(lateInterest(p, rate, days + 1, 'half-up')).toBeGreaterThanOrEqual(i);
        },
      ),
    );
  });
});
