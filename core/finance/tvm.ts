import { annuityFactor, compound } from './compounding';
import { FinanceError } from './errors';
import { finiteResult, requireNumber, requireTiming } from './guards';

/*
 * Excel's time-value-of-money identity, for rate ≠ 0:
 *   pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r + fv = 0
 * and for rate = 0:
 *   pv + pmt·n + fv = 0
 * Cash paid out is negative, cash received positive, as in Excel.
 */

/** PMT: the constant payment per period that settles a loan or reaches a savings goal. */
export function pmt(rate: number, nper: number, pv: number, fv = 0, type = 0): number {
  requireNumber(rate, 'rate');
  requireNumber(nper, 'nper');
  requireNumber(pv, 'pv');
  requireNumber(fv, 'fv');
  const timing = requireTiming(type);
  if (rate === 0) {
    if (nper === 0) throw new FinanceError('DIV0', 'nper is 0');
    return finiteResult(-(pv + fv) / nper, 'PMT');
  }
  if (nper === 0) throw new FinanceError('NUM', 'nper is 0');
  const { factor } = compound(rate, nper);
  // Dividing by the annuity factor rather than multiplying by rate / ((1+r)^n − 1) keeps
  // the zero-rate limit intact for rates so small that rate·amount underflows.
  const denominator = (1 + rate * timing) * annuityFactor(rate, nper);
  if (denominator === 0) throw new FinanceError('DIV0', 'no payment schedule exists');
  return finiteResult(-(pv * factor + fv) / denominator, 'PMT');
}

/** PV: what a stream of equal payments (plus a final amount) is worth today. */
export function pv(rate: number, nper: number, pmt: number, fv = 0, type = 0): number {
  requireNumber(rate, 'rate');
  requireNumber(nper, 'nper');
  requireNumber(pmt, 'pmt');
  requireNumber(fv, 'fv');
  const timing = requireTiming(type);
  if (rate === 0) return finiteResult(-(fv + pmt * nper), 'PV');
  const { factor } = compound(rate, nper);
  if (factor === 0) throw new FinanceError('DIV0', '(1 + rate)^nper is 0');
  const payments = pmt * (1 + rate * timing) * annuityFactor(rate, nper);
  return finiteResult(-(fv + payments) / factor, 'PV');
}

/** FV: the balance after nper periods of equal payments on top of a starting amount. */
export function fv(rate: number, nper: number, pmt: number, pv = 0, type = 0): number {
  requireNumber(rate, 'rate');
  requireNumber(nper, 'nper');
  requireNumber(pmt, 'pmt');
  requireNumber(pv, 'pv');
  const timing = requireTiming(type);
  if (rate === 0) return finiteResult(-(pv + pmt * nper), 'FV');
  const { factor } = compound(rate, nper);
  const payments = pmt * (1 + rate * timing) * annuityFactor(rate, nper);
  return finiteResult(-(pv * factor + payments), 'FV');
}

/** NPER: how many periods of the given payment it takes to go from pv to fv. */
export function nper(rate: number, pmt: number, pv: number, fv = 0, type = 0): number {
  requireNumber(rate, 'rate');
  requireNumber(pmt, 'pmt');
  requireNumber(pv, 'pv');
  requireNumber(fv, 'fv');
  const timing = requireTiming(type);
  if (rate === 0) {
    if (pmt === 0) throw new FinanceError('DIV0', 'pmt is 0 at a zero rate');
    return finiteResult(-(pv + fv) / pmt, 'NPER');
  }
  if (rate <= -1) throw new FinanceError('NUM', 'rate must be above -100%');
  const payment = pmt * (1 + rate * timing);
  const ratio = (payment - fv * rate) / (payment + pv * rate);
  // A non-positive ratio means the balance can never reach fv (for example a payment
  // smaller than the interest); Excel answers #NUM!.
  if (!(ratio > 0) || !Number.isFinite(ratio)) {
    throw new FinanceError('NUM', 'fv is not reachable with this payment');
  }
  return finiteResult(Math.log(ratio) / Math.log1p(rate), 'NPER');
}
