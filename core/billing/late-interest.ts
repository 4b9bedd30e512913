import { roundQuotient, type DecimalInput, type RoundingMode } from '../money';
import { BillingError } from './errors';
import { decimalField, inBilling } from './fields';

/**
 * Simple late-payment interest, principal × annualRate × days / 365, rounded once to the
 * minor unit with the given mode. The rate is a fraction (`"0.08"` = 8 % a year), like every
 * rate in core/finance. 365 even in leap years, as statutory schemes (e.g. the UK Late
 * Payment Act's daily rate) and most contracts state it.
 */
export function lateInterest(
  principalMinor: number,
  annualRate: DecimalInput,
  days: number,
  mode: RoundingMode,
): number {
  if (!Number.isSafeInteger(principalMinor) || principalMinor < 0) {
    throw new BillingError('INVALID_PRINCIPAL', { value: String(principalMinor) });
  }
  const rate = decimalField(annualRate, 'INVALID_RATE');
  if (rate.lt(0)) throw new BillingError('INVALID_RATE', { value: rate.toFixed() });
  if (!Number.isInteger(days) || days < 0) {
    throw new BillingError('INVALID_DAYS', { value: String(days) });
  }
  return inBilling(() => roundQuotient(rate.times(principalMinor).times(days), 365, mode));
}
