import { isoDateToDayNumber } from './dates';
import { FinanceError } from './errors';
import { requireNumbers } from './guards';

/** One cash flow of an XNPV/XIRR schedule, placed in years (actual/365) after the first date. */
export interface DatedFlow {
  amount: number;
  years: number;
}

/**
 * Pairs amounts with dates and validates them as Excel's XNPV and XIRR do: every amount a
 * number and every date a real date (#VALUE!), equal lengths and no date before the first
 * one (#NUM!). The first date is the valuation date even when a later one is smaller in
 * Excel's eyes, which cannot happen here since earlier dates are rejected.
 */
export function datedFlows(values: readonly number[], dates: readonly string[]): DatedFlow[] {
  const amounts = requireNumbers(values, 'values');
  if (!Array.isArray(dates)) throw new FinanceError('VALUE', 'dates must be an array');
  const days = dates.map((d, i) => isoDateToDayNumber(d, `dates[${i}]`));
  if (days.length !== amounts.length) {
    throw new FinanceError('NUM', 'values and dates differ in length');
  }
  if (days.length === 0) throw new FinanceError('NUM', 'no cash flows');
  const first = days[0];
  return days.map((day, i) => {
    const amount = amounts[i];
    if (day < first) throw new FinanceError('NUM', `dates[${i}] precedes the first date`);
    return { amount, years: (day - first) / 365 };
  });
}
