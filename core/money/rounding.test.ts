import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { assertSafeMinor, roundMinor, roundQuotient, roundToMinor } from './rounding';

describe('roundMinor', () => {
  // The table in the Java SE javadoc of java.math.RoundingMode (columns HALF_UP, HALF_EVEN);
  // Java's HALF_UP is "away from zero" like ours.
  it.each([
    ['5.5', 6, 6],
    ['2.5', 3, 2],
    ['1.6', 2, 2],
    ['1.1', 1, 1],
    ['1.0', 1, 1],
    ['-1.0', -1, -1],
    ['-1.1', -1, -1],
    ['-1.6', -2, -2],
    ['-2.5', -3, -2],
    ['-5.5', -6, -6],
  ])('%s -> half-up %i, half-even %i', (input, up, even) => {
    expect(roundMinor(input, 'half-up')).toBe(up);
    expect(roundMinor(input, 'half-even')).toBe(even);
  });

  it('takes Decimal instances from any decimal.js constructor', () => {
    expect(roundMinor(new Decimal('0.5'), 'half-up')).toBe(1);
    expect(roundMinor(new Decimal('0.5'), 'half-even')).toBe(0);
  });

  it('never returns -0', () => {
    expect(Object.is(roundMinor('-0.4', 'half-up'), 0)).toBe(true);
  });

  it('refuses exponents, hex and non-finite input', () => {
    for (const bad of ['1e3', '0x10', 'NaN', 'Infinity', '', '1.2.3']) {
      expect(() => roundMinor(bad, 'half-up'), bad).toThrowError(/INVALID_DECIMAL/);
    }
    expect(() => roundMinor(Number.NaN, 'half-up')).toThrowError(/INVALID_DECIMAL/);
  });

  it('refuses results beyond the safe integer range', () => {
    expect(() => roundMinor('9007199254740992', 'half-up')).toThrowError(/OUT_OF_RANGE/);
    expect(roundMinor('9007199254740991.4', 'half-up')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('roundToMinor', () => {
  // Microsoft Excel ROUND documentation: =ROUND(-1.475, 2) is -1.48 (ties away from zero).
  it('Excel ROUND(-1.475, 2) = -1.48', () => {
    expect(roundToMinor('-1.475', 'USD', 'half-up')).toBe(-148);
  });

  it('uses the digits of the currency', () => {
    expect(roundToMinor('12.345', 'USD', 'half-up')).toBe(1235);
    expect(roundToMinor('12.345', 'USD', 'half-even')).toBe(1234);
    expect(roundToMinor('1234.5', 'JPY', 'half-up')).toBe(1235);
    expect(roundToMinor('1234.5', 'JPY', 'half-even')).toBe(1234);
    expect(roundToMinor('1.2345', 'KWD', 'half-up')).toBe(1235);
    expect(roundToMinor('1.2345', 'KWD', 'half-even')).toBe(1234);
  });

  it('is exact where binary floats are not: 1.005 rounds to 1.01', () => {
    // (1.005).toFixed(2) === '1.00' because 1.005 is 1.00499999… as a double.
    expect(roundToMinor('1.005', 'USD', 'half-up')).toBe(101);
    expect(roundToMinor(1.005, 'USD', 'half-up')).toBe(101);
  });
});

describe('roundQuotient', () => {
  it('back-calculates inclusive VAT exactly: 113.00 incl. 13 % has 13.00 tax', () => {
    expect(roundQuotient(11300 * 13, 113, 'half-up')).toBe(1300);
  });

  it('rounds exact ties by the mode and non-ties to nearest', () => {
    expect(roundQuotient(5, 2, 'half-up')).toBe(3);
    expect(roundQuotient(5, 2, 'half-even')).toBe(2);
    expect(roundQuotient(7, 2, 'half-even')).toBe(4);
    expect(roundQuotient(-5, 2, 'half-up')).toBe(-3);
    expect(roundQuotient(5, -2, 'half-even')).toBe(-2);
    expect(roundQuotient(1, 3, 'half-up')).toBe(0);
    expect(roundQuotient(2, 3, 'half-up')).toBe(1);
    expect(roundQuotient('0.25', '0.1', 'half-even')).toBe(2);
  });

  it('refuses division by zero', () => {
    expect(() => roundQuotient(1, 0, 'half-up')).toThrowError(/INVALID_DECIMAL/);
  });

  it('agrees with an integer reference for any integers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.boolean(),
        (n, d, negD) => {
          const den = negD ? -d : d;
          const q = roundQuotient(n, den, 'half-up');
          // |n/den - q| <= 1/2 and ties go away from zero
          const diff2 = BigInt(n) * 2n - BigInt(q) * 2n * BigInt(den);
          const abs = diff2 < 0n ? -diff2 : diff2;
          expect(abs <= BigInt(Math.abs(den))).toBe(true);
          if (abs === BigInt(Math.abs(den))) expect(Math.abs(q)).toBeGreaterThan(Math.abs(n / den));
        },
      ),
    );
  });
});

describe('assertSafeMinor', () => {
  it('accepts safe integers and refuses the rest with codes', () => {
    expect(assertSafeMinor(-0)).toBe(0);
    expect(() => assertSafeMinor(1.5)).toThrowError(/NOT_AN_INTEGER/);
    expect(() => assertSafeMinor(2 ** 53)).toThrowError(/OUT_OF_RANGE/);
  });
});
