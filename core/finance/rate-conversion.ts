import { FinanceError } from './errors';
import { finiteResult, requireNumber } from './guards';

/** EFFECT: the effective annual rate of a nominal rate compounded `npery` times a year. */
export function effect(nominalRate: number, npery: number): number {
  const periods = compoundingPeriods(nominalRate, npery, 'nominalRate');
  return finiteResult(Math.expm1(periods * Math.log1p(nominalRate / periods)), 'EFFECT');
}

/** NOMINAL: the nominal annual rate that, compounded `npery` times, gives `effectRate`. */
export function nominal(effectRate: number, npery: number): number {
  const periods = compoundingPeriods(effectRate, npery, 'effectRate');
  return finiteResult(periods * Math.expm1(Math.log1p(effectRate) / periods), 'NOMINAL');
}

/** Excel truncates npery to an integer and rejects rates ≤ 0 and npery < 1 with #NUM!. */
function compoundingPeriods(annualRate: number, npery: number, rateName: string): number {
  requireNumber(annualRate, rateName);
  requireNumber(npery, 'npery');
  const periods = Math.trunc(npery);
  if (annualRate <= 0) throw new FinanceError('NUM', `${rateName} must be positive`);
  if (periods < 1) throw new FinanceError('NUM', 'npery must be at least 1');
  return periods;
}
