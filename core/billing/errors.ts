import type { ErrorDetails } from '../money';

/**
 * Billing failures a person can cause (a zero weight, a discount larger than the line, a
 * pattern without {SEQ}). The UI translates `code`; `details` says where (line index…).
 */
export type BillingErrorCode =
  | 'INVALID_TOTAL'
  | 'NO_WEIGHTS'
  | 'INVALID_WEIGHT'
  | 'NON_POSITIVE_WEIGHT'
  | 'INVALID_QUANTITY'
  | 'INVALID_UNIT_PRICE'
  | 'INVALID_TAX_RATE'
  | 'INVALID_DISCOUNT'
  | 'DISCOUNT_EXCEEDS_LINE'
  | 'INVALID_DEPOSIT'
  | 'INVALID_RETAINAGE'
  | 'DEDUCTIONS_EXCEED_TOTAL'
  | 'OUT_OF_RANGE'
  | 'INVALID_DATE'
  | 'INVALID_TERMS'
  | 'INVALID_PRINCIPAL'
  | 'INVALID_RATE'
  | 'INVALID_DAYS'
  | 'INVALID_SEQUENCE'
  | 'INVALID_PATTERN';

export class BillingError extends Error {
  readonly code: BillingErrorCode;
  readonly details: ErrorDetails;

  constructor(code: BillingErrorCode, details: ErrorDetails = {}) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'BillingError';
    this.code = code;
    this.details = details;
  }
}

export function isBillingError(error: unknown): error is BillingError {
  return error instanceof BillingError;
}
