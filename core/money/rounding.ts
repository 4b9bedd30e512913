import Decimal from 'decimal.js';
import { minorDigits } from './currency';
import { Dec, decToBigInt, toDec, type DecimalInput } from './decimal';
import { MoneyError } from './errors';

/**
 * `half-up` rounds a tie away from zero (2.5 -> 3, -2.5 -> -3): what invoices and most tax
 * authorities expect, so it is the default wherever a default exists. `half-even` (banker's
 * rounding) is offered for policies that ask for it.
 */
export type RoundingMode = 'half-up' | 'half-even';
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even'];
export const DEFAULT_ROUNDING: RoundingMode = 'half-up';

function decimalJsMode(mode: RoundingMode): Decimal.Rounding {
  switch (mode) {
    case 'half-up':
      return Decimal.ROUND_HALF_UP;
    case 'half-even':
      return Decimal.ROUND_HALF_EVEN;
    default:
      throw new Error(`unknown rounding mode ${String(mode)}`);
  }
}

/** Throws OUT_OF_RANGE unless `value` is an integer JavaScript can hold exactly. */
export function assertSafeMinor(value: number, what = 'amountMinor'): number {
  if (!Number.isInteger(value)) throw new MoneyError('NOT_AN_INTEGER', { what, value });
  if (!Number.isSafeInteger(value)) throw new MoneyError('OUT_OF_RANGE', { what, value });
  return value === 0 ? 0 : value; // no -0 in stored amounts
}

function decToSafeNumber(value: Dec): number {
  if (value.abs().gt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError('OUT_OF_RANGE', { value: value.toFixed() });
  }
  return assertSafeMinor(value.toNumber());
}

/** Rounds a value already expressed in minor units (e.g. 1234.5 cents) to a whole unit. */
export function roundMinor(valueMinor: DecimalInput, mode: RoundingMode): number {
  return decToSafeNumber(toDec(valueMinor).toDecimalPlaces(0, decimalJsMode(mode)));
}

/**
 * Rounds an amount in major units (`"12.345"` USD) to the currency's minor unit and returns
 * it as integer minor units (`1235`, half-up).
 */
export function roundToMinor(
  valueMajor: DecimalInput,
  currency: string,
  mode: RoundingMode,
): number {
  const scaled = toDec(valueMajor).times(new Dec(10).pow(minorDigits(currency)));
  return decToSafeNumber(scaled.toDecimalPlaces(0, decimalJsMode(mode)));
}

/**
 * numerator / denominator rounded to an integer, computed exactly on BigInt so a quotient
 * such as 11300 × 13 / 113 is never a float or a truncated decimal near the tie.
 */
export function roundQuotient(
  numerator: DecimalInput,
  denominator: DecimalInput,
  mode: RoundingMode,
): number {
  const n = toDec(numerator);
  const d = toDec(denominator);
  if (d.isZero()) throw new MoneyError('INVALID_DECIMAL', { denominator: '0' });
  const scale = new Dec(10).pow(Math.max(n.decimalPlaces(), d.decimalPlaces()));
  let num = decToBigInt(n.times(scale));
  let den = decToBigInt(d.times(scale));
  const negative = num < 0n !== den < 0n;
  if (num < 0n) num = -num;
  if (den < 0n) den = -den;
  let q = num / den;
  const twiceRemainder = (num % den) * 2n;
  if (twiceRemainder > den || (twiceRemainder === den && (mode === 'half-up' || q % 2n === 1n))) {
    q += 1n;
  }
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyError('OUT_OF_RANGE', { value: (negative ? '-' : '') + q.toString() });
  }
  return assertSafeMinor(Number(negative ? -q : q));
}
