import type { RateMode } from './schema';

/**
 * Quarter rate from an annual discount rate.
 *
 * 'effective' compounds to the annual rate over four quarters: (1 + r)^(1/4) − 1, the
 * convention of a finance team quoting an effective annual cost of capital.
 * 'nominal' splits a nominal annual rate evenly: r / 4 (what Excel's NOMINAL/EFFECT pair
 * calls a nominal rate compounded quarterly).
 */
export function quarterRate(annualRate: number, mode: RateMode): number {
  if (mode === 'nominal') return annualRate / 4;
  // expm1/log1p keep small rates accurate (0.0001 a year must not round to 0).
  return Math.expm1(Math.log1p(annualRate) / 4);
}
