import { FinanceError } from './errors';
import { finiteResult, requireNumber } from './guards';

/**
 * Return on investment as a fraction: (gain − cost) / cost, where `gain` is everything the
 * investment brings back (not the net gain) and `cost` what it took. roi(150, 100) = 0.5.
 * For a net benefit already net of the cost, roi = netBenefit / cost = roi(netBenefit + cost, cost).
 */
export function roi(gain: number, cost: number): number {
  requireNumber(gain, 'gain');
  requireNumber(cost, 'cost');
  if (cost === 0) throw new FinanceError('DIV0', 'cost is 0');
  // A negative cost is an inflow; a "return" on it has no meaning and would flip the sign.
  if (cost < 0) throw new FinanceError('NUM', 'cost must be positive');
  return finiteResult((gain - cost) / cost, 'ROI');
}
