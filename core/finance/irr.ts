import { datedFlows, type DatedFlow } from './dated-flows';
import { FinanceError } from './errors';
import { finiteResult, hasBothSigns, requireNumber, requireNumbers } from './guards';
import { solveRate, type RateEquation, type RateEquationPoint } from './root-finding';

/**
 * IRR: the periodic rate at which the NPV of `values` (values[0] at t = 0) is zero.
 * With several sign changes there can be several such rates; like Excel we return the one
 * Newton's method reaches from `guess`, never one beyond a nearer root (see root-finding).
 */
export function irr(values: readonly number[], guess = 0.1): number {
  const flows = requireNumbers(values, 'values');
  const start = requireGuess(guess);
  if (!hasBothSigns(flows)) {
    throw new FinanceError('NUM', 'values need at least one positive and one negative flow');
  }
  return solved(solveRate(periodicEquation(flows), start), 'IRR');
}

/** XIRR: the annual rate (actual/365) at which the XNPV of the dated flows is zero. */
export function xirr(values: readonly number[], dates: readonly string[], guess = 0.1): number {
  const flows = datedFlows(values, dates);
  const start = requireGuess(guess);
  if (!hasBothSigns(flows.map((f) => f.amount))) {
    throw new FinanceError('NUM', 'values need at least one positive and one negative flow');
  }
  return solved(solveRate(datedEquation(flows), start), 'XIRR');
}

function requireGuess(guess: number): number {
  requireNumber(guess, 'guess');
  if (guess <= -1) throw new FinanceError('NUM', 'guess must be above -100%');
  return guess;
}

function solved(root: number | null, what: string): number {
  if (root === null) throw new FinanceError('NUM', `${what} did not converge`);
  return finiteResult(root, what);
}

function periodicEquation(flows: readonly number[]): RateEquation {
  return (rate) => {
    const point: RateEquationPoint = { value: 0, slope: 0, scale: 0 };
    for (const [period, amount] of flows.entries()) {
      const term = amount * Math.pow(1 + rate, -period);
      point.value += term;
      point.scale += Math.abs(term);
      point.slope -= (period * term) / (1 + rate);
    }
    return point;
  };
}

function datedEquation(flows: readonly DatedFlow[]): RateEquation {
  return (rate) => {
    const logGrowth = Math.log1p(rate);
    const point: RateEquationPoint = { value: 0, slope: 0, scale: 0 };
    for (const { amount, years } of flows) {
      const term = amount * Math.exp(-years * logGrowth);
      point.value += term;
      point.scale += Math.abs(term);
      point.slope -= (years * term) / (1 + rate);
    }
    return point;
  };
}
