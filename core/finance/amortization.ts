import { FinanceError } from './errors';
import { finiteResult, requireNumber, requireTiming } from './guards';
import { fv as futureValue, pmt as levelPayment } from './tvm';

/**
 * IPMT: the interest part of payment number `per` (1-based) of a level-payment schedule.
 * It is the interest on the balance left after the previous payment; with payments at the
 * beginning of the period (type 1) the first payment comes before any interest accrues.
 */
export function ipmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  type = 0,
): number {
  requireNumber(rate, 'rate');
  requireNumber(per, 'per');
  requireNumber(nper, 'nper');
  requireNumber(pv, 'pv');
  requireNumber(fv, 'fv');
  const timing = requireTiming(type);
  if (per < 1 || per > nper) throw new FinanceError('NUM', 'per must be between 1 and nper');
  return finiteResult(interestPart(rate, per, nper, pv, fv, timing), 'IPMT');
}

/** PPMT: the principal part of payment number `per`, i.e. PMT − IPMT. */
export function ppmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  type = 0,
): number {
  const interest = ipmt(rate, per, nper, pv, fv, type);
  return finiteResult(levelPayment(rate, nper, pv, fv, type) - interest, 'PPMT');
}

function interestPart(
  rate: number,
  per: number,
  nper: number,
  presentValue: number,
  finalValue: number,
  timing: 0 | 1,
): number {
  const payment = levelPayment(rate, nper, presentValue, finalValue, timing);
  if (timing === 1) {
    if (per === 1) return 0;
    // Balance at the start of period per − 1, then reduced by that period's payment.
    return (futureValue(rate, per - 2, payment, presentValue, 1) - payment) * rate;
  }
  // FV carries the opposite sign of the outstanding balance, as interest owed does.
  return futureValue(rate, per - 1, payment, presentValue, 0) * rate;
}
