import { FinanceError } from './errors';
import { requireNumber, requireNumbers } from './guards';

/**
 * When a project has paid for itself. `period` is the last period whose cumulative cash is
 * still negative; `fraction` is the (linearly interpolated) point in time at which the
 * cumulative reaches zero, e.g. 2.4 = 40 % into period 3. A project whose cumulative is
 * never negative pays back at once: { period: 0, fraction: 0 }.
 */
export interface Payback {
  period: number;
  fraction: number;
}

/** Undiscounted payback of `flows`, flows[0] at t = 0; null when it never pays back. */
export function simplePayback(flows: readonly number[]): Payback | null {
  return paybackOf(requireFlows(flows));
}

/**
 * Payback on flows discounted at `ratePerPeriod` (flows[t] / (1 + r)^t), flows[0] at t = 0;
 * null when the discounted cumulative never turns non-negative for good.
 */
export function discountedPayback(flows: readonly number[], ratePerPeriod: number): Payback | null {
  const amounts = requireFlows(flows);
  requireNumber(ratePerPeriod, 'ratePerPeriod');
  if (ratePerPeriod <= -1) throw new FinanceError('NUM', 'ratePerPeriod must be above -100%');
  return paybackOf(amounts.map((amount, t) => amount / Math.pow(1 + ratePerPeriod, t)));
}

function requireFlows(flows: readonly number[]): number[] {
  const amounts = requireNumbers(flows, 'flows');
  if (amounts.length === 0) throw new FinanceError('VALUE', 'flows is empty');
  return amounts;
}

/**
 * Payback is the last crossing into non-negative territory: a project that recovers its
 * cost and then sinks below zero again (a late cost) has not paid back at the first crossing.
 */
function paybackOf(amounts: readonly number[]): Payback | null {
  let cumulative = 0;
  let lastNegative = -1;
  let cumulativeAtLastNegative = 0;
  for (const [t, amount] of amounts.entries()) {
    cumulative += amount;
    if (cumulative < 0) {
      lastNegative = t;
      cumulativeAtLastNegative = cumulative;
    }
  }
  if (lastNegative === -1) return { period: 0, fraction: 0 };
  if (lastNegative === amounts.length - 1) return null;
  const recovery = amounts[lastNegative + 1];
  const share = Math.min(1, -cumulativeAtLastNegative / recovery);
  return { period: lastNegative, fraction: lastNegative + share };
}
