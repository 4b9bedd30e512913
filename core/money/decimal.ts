import Decimal from 'decimal.js';
import { MoneyError } from './errors';

/**
 * decimal.js rounds every operation to `precision` significant digits (20 by default), which
 * would silently cut a 16-digit amount times a 10-digit rate. With 100 digits every product
 * of the inputs we accept (at most MAX_SIGNIFICANT_DIGITS each) is exact; division is never
 * done with it (see `roundQuotient`).
 */
export const Dec = Decimal.clone({
  precision: 100,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type Dec = Decimal;

/** Anything a caller may pass as an exact decimal: `"12.5"`, `12.5`, or a Decimal. */
export type DecimalInput = string | number | Decimal;

export const MAX_SIGNIFICANT_DIGITS = 40;

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Converts to an exact decimal, refusing what decimal.js would otherwise accept but no
 * person means for an amount or a rate: hex/binary literals, exponents, NaN, Infinity.
 * Numbers go through their shortest round-trip text, so `0.1` is exactly 0.1.
 */
export function toDec(value: DecimalInput): Dec {
  let result: Dec;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!PLAIN_DECIMAL.test(text)) throw new MoneyError('INVALID_DECIMAL', { value });
    result = new Dec(text);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new MoneyError('INVALID_DECIMAL', { value: String(value) });
    result = new Dec(value);
  } else if (Decimal.isDecimal(value) && value.isFinite()) {
    result = new Dec(value);
  } else {
    throw new MoneyError('INVALID_DECIMAL', { value: String(value) });
  }
  if (result.sd() > MAX_SIGNIFICANT_DIGITS) {
    throw new MoneyError('INVALID_DECIMAL', { value: result.toFixed() });
  }
  return result;
}

/** `12.5` -> `"12.5"`, never exponent notation, never `"-0"`. */
export function toPlainString(value: Dec): string {
  return value.isZero() ? '0' : value.toFixed();
}

/**
 * An integer decimal as BigInt. Callers scale first; a fractional value here is a bug.
 */
export function decToBigInt(value: Dec): bigint {
  if (!value.isInteger()) throw new Error(`decToBigInt: ${value.toFixed()} is not an integer`);
  return BigInt(value.toFixed(0));
}

/**
 * Exact text of an amount in major units: `(-5, 2)` -> `"-0.05"`, `(1234, 0)` -> `"1234"`.
 * Done on digits so no binary fraction ever appears.
 */
export function minorToMajorString(amountMinor: number, digits: number): string {
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor)).toString();
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  const body = `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  return (negative ? '-' : '') + body;
}
