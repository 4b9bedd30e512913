import {
  assertSafeMinor,
  isMoneyError,
  toDec,
  type Dec,
  type DecimalInput,
  type ErrorDetails,
} from '../money';
import { BillingError, type BillingErrorCode } from './errors';

/** An exact decimal from input, or a BillingError naming the field that is wrong. */
export function decimalField(
  value: DecimalInput,
  code: BillingErrorCode,
  details: ErrorDetails = {},
): Dec {
  try {
    return toDec(value);
  } catch (e) {
    if (isMoneyError(e)) throw new BillingError(code, { ...details, value: String(value) });
    throw e;
  }
}

/** A percentage in [0, 100] as an exact decimal (`"13"`, `"5.5"`). */
export function percentField(
  value: string,
  code: BillingErrorCode,
  details: ErrorDetails = {},
): Dec {
  const d = decimalField(value, code, details);
  if (d.lt(0) || d.gt(100)) throw new BillingError(code, { ...details, value });
  return d;
}

export function minorField(
  value: number,
  code: BillingErrorCode,
  details: ErrorDetails = {},
): number {
  if (!Number.isSafeInteger(value))
    throw new BillingError(code, { ...details, value: String(value) });
  return value === 0 ? 0 : value;
}

/** Money helpers report overflow as MoneyError; billing callers get one error type. */
export function inBilling<T>(fn: () => T, details: ErrorDetails = {}): T {
  try {
    return fn();
  } catch (e) {
    if (isMoneyError(e) && (e.code === 'OUT_OF_RANGE' || e.code === 'NOT_AN_INTEGER')) {
      throw new BillingError('OUT_OF_RANGE', { ...details, ...e.details });
    }
    throw e;
  }
}

export function safeSum(values: readonly number[]): number {
  return inBilling(() => values.reduce((acc, v) => assertSafeMinor(acc + v), 0));
}
