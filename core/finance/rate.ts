import { annuityFactor, compound } from './compounding';
import { FinanceError } from './errors';
import { finiteResult, requireNumber, requireTiming } from './guards';
import { solveRate, type RateEquation } from './root-finding';

/**
 * RATE: the periodic interest rate that makes
 *   pv·(1+r)^nper + pmt·(1+r·type)·((1+r)^nper − 1)/r + fv = 0.
 * Solved like IRR: Newton from `guess`, with the same nearest-root safety nets.
 */
export function rate(nper: number, pmt: number, pv: number, fv = 0, type = 0, guess = 0.1): number {
  requireNumber(nper, 'nper');
  requireNumber(pmt, 'pmt');
  requireNumber(pv, 'pv');
  requireNumber(fv, 'fv');
  const timing = requireTiming(type);
  requireNumber(guess, 'guess');
  if (nper <= 0) throw new FinanceError('NUM', 'nper must be positive');
  if (guess <= -1) throw new FinanceError('NUM', 'guess must be above -100%');
  const root = solveRate(annuityEquation(nper, pmt, pv, fv, timing), guess);
  if (root === null) throw new FinanceError('NUM', 'RATE did not converge');
  return finiteResult(root, 'RATE');
}

function annuityEquation(
  nper: number,
  pmt: number,
  pv: number,
  fv: number,
  timing: 0 | 1,
): RateEquation {
  return (r) => {
    const { factor } = compound(r, nper);
    const annuity = annuityFactor(r, nper);
    const payment = pmt * (1 + r * timing);
    return {
      value: pv * factor + payment * annuity + fv,
      slope:
        (pv * nper * factor) / (1 + r) +
        pmt * timing * annuity +
        payment * annuitySlope(r, nper, factor, annuity),
      scale: Math.abs(pv * factor) + Math.abs(payment * annuity) + Math.abs(fv),
    };
  };
}

/**
 * d/dr of ((1+r)^n − 1)/r. Near r = 0 the closed form cancels catastrophically, so the
 * Taylor series n(n−1)/2 + n(n−1)(n−2)/3·r is used there; Newton only needs a fair slope.
 */
function annuitySlope(r: number, n: number, factor: number, annuity: number): number {
  if (Math.abs(r * n) < 1e-4) return (n * (n - 1)) / 2 + ((n * (n - 1) * (n - 2)) / 3) * r;
  return ((n * factor) / (1 + r) - annuity) / r;
}
