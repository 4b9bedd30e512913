import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import {
  numberToFraction,
  parseDecimal,
  roundHalfUp,
  toBigInt,
  toDecimalString,
  toNumber,
} from './exact';

describe('exact rationals (fraction.js and its adapter)', () => {
  it('parses decimal text exactly, including the exponent form of String(number)', () => {
    expect(parseDecimal('99.99')?.toFraction()).toBe('9999/100');
    expect(parseDecimal('99.0')?.equals(99)).toBe(true);
    expect(parseDecimal('-0.5')?.toFraction()).toBe('-1/2');
    expect(parseDecimal('.25')?.toFraction()).toBe('1/4');
    expect(parseDecimal('1e-7')?.toFraction()).toBe('1/10000000');
    expect(parseDecimal('1.5e+21')?.toFraction()).toBe('1500000000000000000000');
    expect(numberToFraction(4.33)?.toFraction()).toBe('433/100');
  });

  it('rejects what is not a decimal number', () => {
    for (const text of ['', '.', '-', 'abc', '1,5', '1e', '99.9%', '0x10', 'Infinity']) {
      expect(parseDecimal(text)).toBeNull();
    }
    expect(numberToFraction(Number.NaN)).toBeNull();
    expect(numberToFraction(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('writes terminating values exactly and rounds the others half-up', () => {
    expect(toDecimalString(new Fraction(1n, 1024n), 2)).toBe('0.0009765625');
    expect(toDecimalString(new Fraction(2n, 3n), 4)).toBe('0.6667');
    expect(toDecimalString(new Fraction(-2n, 3n), 4)).toBe('-0.6667');
    expect(toDecimalString(new Fraction(1n, 3n), 4)).toBe('0.3333');
    expect(toDecimalString(new Fraction(10n, 1n))).toBe('10');
    expect(toDecimalString(new Fraction(-1n, 30000n), 2)).toBe('0');
  });

  it('rounds half away from zero, floors and ceils', () => {
    expect(toBigInt(roundHalfUp(new Fraction(5n, 2n)))).toBe(3n);
    expect(toBigInt(roundHalfUp(new Fraction(-5n, 2n)))).toBe(-3n);
    expect(toBigInt(roundHalfUp(new Fraction(7n, 3n)))).toBe(2n);
    expect(toBigInt(new Fraction(-7n, 2n).floor())).toBe(-4n);
    expect(toBigInt(new Fraction(-7n, 2n).ceil())).toBe(-3n);
    expect(toBigInt(new Fraction(7n, 2n).ceil())).toBe(4n);
  });

  it('converts to the nearest double', () => {
    expect(toNumber(new Fraction(1n, 3n))).toBe(1 / 3);
    expect(toNumber(parseDecimal('4.32')!)).toBe(4.32);
    expect(toNumber(new Fraction(1n, 10n ** 30n))).toBe(1e-30);
  });

  it('property: the shortest text of any double parses back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(toNumber(numberToFraction(value)!)).toBe(value === 0 ? 0 : value);
      }),
    );
  });

  it('property: comparison agrees with exact cross-multiplication of small fractions', () => {
    const fraction = fc
      .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }))
      .map(([n, d]) => new Fraction(BigInt(n), BigInt(d)));
    fc.assert(
      fc.property(fraction, fraction, (a, b) => {
        expect(a.add(b).sub(b).equals(a)).toBe(true);
        // 0 - x, not -x: equal fractions compare as 0, and toBe tells 0 from -0.
        expect(a.compare(b)).toBe(0 - b.compare(a));
        if (!b.equals(0)) expect(a.div(b).mul(b).equals(a)).toBe(true);
      }),
    );
  });
});
