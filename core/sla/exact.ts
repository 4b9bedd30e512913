/**
 * What core/sla needs on top of fraction.js (exact BigInt rationals). Tier boundaries
 * ("exactly 99.99 %") must compare exactly, and availability is a quotient that often does
 * not terminate (1/3 of a minute), so a fixed-precision decimal would round before the
 * comparison; a reduced fraction never does. The library lacks four things we rely on:
 * - reading a number as the decimal it prints as: `new Fraction(4.33)` approximates the
 *   double with a Farey search, and its string parser knows no exponent ("1e-7");
 * - decimal text without the repeating-cycle notation of `toString()` ("0.(6)");
 * - rounding half away from zero: its `round()` sends -2.5 to -2, like Math.round;
 * - the nearest double: `valueOf()` divides two rounded doubles, which is NaN once
 *   numerator and denominator pass 1e308.
 */
import Fraction from 'fraction.js';

// Decimal text as people and JSON write it, including the exponent form that
// String(number) produces for very small or very large values (1e-7, 1.5e+21). Checked
// here because the library would also accept "1/3", "0.(3)" or "1_000".
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;
const MAX_EXPONENT = 400;

/** Exact value of decimal text; `null` when the text is not a decimal number. */
export function parseDecimal(text: string): Fraction | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(exponent) > MAX_EXPONENT) return null;
  const mantissa = new Fraction(`${sign}${whole || '0'}.${fraction || '0'}`);
  return mantissa.mul(new Fraction(10).pow(exponent));
}

/**
 * The decimal a person meant by this double: the shortest text that round-trips
 * (String(4.33) is "4.33"), not the binary approximation 4.3300000000000000710...
 */
export function numberToFraction(value: number): Fraction | null {
  return Number.isFinite(value) ? parseDecimal(String(value)) : null;
}

/** Nearest multiple of 10^-places, ties away from zero (the "half-up" of invoices). */
export function roundHalfUp(value: Fraction, places = 0): Fraction {
  const magnitude = value.abs().round(places);
  return value.s < 0n ? magnitude.neg() : magnitude;
}

/** The integer an integral fraction (from floor, ceil or roundHalfUp) stands for. */
export function toBigInt(integral: Fraction): bigint {
  return integral.s * integral.n;
}

/**
 * Decimal text without exponent and without trailing zeros. A terminating value is
 * written exactly, however many places it needs; a non-terminating one is rounded
 * half-up (away from zero) to `maxDecimals` places.
 */
export function toDecimalString(value: Fraction, maxDecimals = 10): string {
  // A denominator 2^a·5^b terminates after max(a, b) places, fewer than its bit length.
  const bound = value.d.toString(2).length;
  if (value.mul(10n ** BigInt(bound)).d === 1n) return value.toString(bound);
  // Once rounded, the value terminates, so toString writes digits, not a "(cycle)".
  return roundHalfUp(value, maxDecimals).toString(maxDecimals);
}

/** Nearest double, via the exact digits or 25 significant ones (ample to round correctly). */
export function toNumber(value: Fraction): number {
  if (value.n === 0n) return 0;
  const leadingZeros = Math.max(0, value.d.toString().length - value.n.toString().length);
  return Number(toDecimalString(value, 25 + leadingZeros));
}
