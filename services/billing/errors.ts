import { isBillingError } from '../../core/billing';
import { ServiceError } from '../errors';

type Details = Record<string, string | number | boolean>;

/** Bad input the schema cannot see (a schedule of 99 %, an overpayment): nothing is saved. */
export function invalid(reason: string, message: string, details?: Details): ServiceError {
  return new ServiceError('VALIDATION', message, { reason, ...(details ? { details } : {}) });
}

/** A request that contradicts the state (editing an issued invoice, paying a void one). */
export function conflict(reason: string, message: string, details?: Details): ServiceError {
  return new ServiceError('CONFLICT', message, { reason, ...(details ? { details } : {}) });
}

/** Runs core/billing arithmetic, turning its errors into VALIDATION with the same code. */
export function withBilling<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isBillingError(error)) {
      const details: Details = {};
      for (const [k, v] of Object.entries(error.details ?? {})) {
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          details[k] = v;
      }
      throw invalid(error.code, `The amounts are not valid (${error.code}).`, details);
    }
    throw error;
  }
}

/** Today as `YYYY-MM-DD` (UTC) from the services' clock. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}
