import { datedFlows } from './dated-flows';
import { FinanceError } from './errors';
import { finiteResult, requireNumber, requireNumbers } from './guards';

/**
 * NPV as Excel defines it: the first value is discounted one full period, so a t = 0
 * investment must be added outside: `values[0] + npv(rate, values.slice(1))`.
 */
export function npv(rate: number, values: readonly number[]): number {
  requireNumber(rate, 'rate');
  const flows = requireNumbers(values, 'values');
  if (flows.length === 0) throw new FinanceError('VALUE', 'values is empty');
  if (rate === -1) throw new FinanceError('DIV0', 'rate is -100%');
  let total = 0;
  for (const [i, flow] of flows.entries()) {
    total += flow / Math.pow(1 + rate, i + 1);
  }
  return finiteResult(total, 'NPV');
}

/** XNPV: cash flows on arbitrary dates, discounted to the first date on an actual/365 basis. */
export function xnpv(rate: number, values: readonly number[], dates: readonly string[]): number {
  requireNumber(rate, 'rate');
  const flows = datedFlows(values, dates);
  if (rate <= -1) throw new FinanceError('NUM', 'rate must be above -100%');
  const logGrowth = Math.log1p(rate);
  let total = 0;
  for (const { amount, years } of flows) {
    total += amount * Math.exp(-years * logGrowth);
  }
  return finiteResult(total, 'XNPV');
}
