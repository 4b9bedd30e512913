import { FinanceError } from './errors';

/** Payment timing as Excel's `type` argument: 0 = end of period, 1 = beginning. */
export type PaymentTiming = 0 | 1;

/**
 * A spreadsheet cell holding text gives #VALUE!; the closest thing a typed caller can pass
 * is NaN or an infinity (or, from untyped JSON, something that is not a number at all).
 */
export function requireNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FinanceError('VALUE', `${name} must be a finite number`);
  }
  return value;
}

export function requireNumbers(values: readonly unknown[], name: string): number[] {
  if (!Array.isArray(values)) {
    throw new FinanceError('VALUE', `${name} must be an array of numbers`);
  }
  return values.map((v, i) => requireNumber(v, `${name}[${i}]`));
}

/** Excel treats any non-zero `type` as "payments at the beginning of the period". */
export function requireTiming(type: unknown): PaymentTiming {
  return requireNumber(type, 'type') === 0 ? 0 : 1;
}

/**
 * Every public result passes through here: an overflow or an undefined power shows as #NUM!
 * in Excel, and -0 is folded to 0 so that results compare and print cleanly.
 */
export function finiteResult(value: number, what: string): number {
  if (!Number.isFinite(value)) {
    throw new FinanceError('NUM', `${what} has no finite value`);
  }
  return value === 0 ? 0 : value;
}

export function hasBothSigns(values: readonly number[]): boolean {
  return values.some((v) => v > 0) && values.some((v) => v < 0);
}
