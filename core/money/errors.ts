/**
 * Failures a person can trigger with money (a wrong currency, an amount too large to store
 * exactly). The UI translates `code`; the message is only a hint for logs.
 */
export type MoneyErrorCode =
  | 'UNKNOWN_CURRENCY'
  | 'UNSUPPORTED_CURRENCY'
  | 'CURRENCY_MISMATCH'
  | 'NOT_AN_INTEGER'
  | 'OUT_OF_RANGE'
  | 'INVALID_DECIMAL';

/** Plain values a translated message may interpolate; same shape as the API's `details`. */
export type ErrorDetails = Record<string, string | number | boolean>;

export class MoneyError extends Error {
  readonly code: MoneyErrorCode;
  readonly details: ErrorDetails;

  constructor(code: MoneyErrorCode, details: ErrorDetails = {}) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'MoneyError';
    this.code = code;
    this.details = details;
  }
}

export function isMoneyError(error: unknown): error is MoneyError {
  return error instanceof MoneyError;
}
