import { FinanceError } from './errors';
import { finiteResult, hasBothSigns, requireNumber, requireNumbers } from './guards';

/**
 * MIRR: outflows are financed at `financeRate` (discounted to t = 0), inflows reinvested
 * at `reinvestRate` (compounded to the last period); the result is the rate that grows the
 * one into the other over values.length − 1 periods.
 */
export function mirr(values: readonly number[], financeRate: number, reinvestRate: number): number {
  const flows = requireNumbers(values, 'values');
  requireNumber(financeRate, 'financeRate');
  requireNumber(reinvestRate, 'reinvestRate');
  // Excel's documented answer for one-signed flows is #DIV/0!, not #NUM!.
  if (!hasBothSigns(flows)) {
    throw new FinanceError('DIV0', 'values need at least one positive and one negative flow');
  }
  if (financeRate === -1 || reinvestRate === -1) {
    throw new FinanceError('DIV0', 'a rate of -100% cannot discount or compound');
  }
  const lastPeriod = flows.length - 1;
  let presentOutflows = 0;
  let futureInflows = 0;
  for (const [period, amount] of flows.entries()) {
    if (amount < 0) presentOutflows += amount / Math.pow(1 + financeRate, period);
    else futureInflows += amount * Math.pow(1 + reinvestRate, lastPeriod - period);
  }
  const growth = futureInflows / -presentOutflows;
  return finiteResult(Math.pow(growth, 1 / lastPeriod) - 1, 'MIRR');
}
