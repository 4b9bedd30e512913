import { roundMinor } from '../money';
import type { CostEstimate } from '../api/debt';

/**
 * The cost estimator: from what a consultant can observe to a quarterly cost range, with the
 * working kept as data so the UI can render (and translate) every step.
 *
 * Each method gives an exact `likely` figure in minor units (a float), rounded half-up once
 * at the end; `low = round(likely × spreadLow)` and `high = round(likely × spreadHigh)`,
 * both from the rounded likely, so low <= likely <= high always holds.
 */
export interface EstimateStep {
  /** i18n key of the step's label, e.g. `debt.estimator.step.incidentsPerQuarter`. */
  labelKey: string;
  value: number;
  /** How the UI should format `value`. */
  unit: 'count' | 'hours' | 'seconds' | 'share' | 'money' | 'factor';
}

export interface QuarterlyCostEstimate {
  low: number;
  likely: number;
  high: number;
  /** The inputs and intermediate products, in the order of the working. */
  steps: EstimateStep[];
  /** True when a figure exceeded the largest storable amount and was capped. */
  capped: boolean;
}

const step = (key: string, value: number, unit: EstimateStep['unit']): EstimateStep => ({
  labelKey: `debt.estimator.step.${key}`,
  value,
  unit,
});

/**
 * Rounds a non-negative float of minor units half-up, exactly (decimal, not binary). Values
 * beyond what an amount may hold are capped at Number.MAX_SAFE_INTEGER (`capped` says so).
 */
function halfUp(valueMinor: number): number {
  if (Number.isNaN(valueMinor) || valueMinor < 0) return 0;
  if (valueMinor >= Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
  // toPrecision(15) drops binary noise such as 0.1 * 3 = 0.30000000000000004 before rounding.
  return roundMinor(Number(valueMinor.toPrecision(15)), 'half-up');
}

export function estimateQuarterlyCost(estimate: CostEstimate): QuarterlyCostEstimate {
  let raw: number;
  let steps: EstimateStep[];
  switch (estimate.method) {
    case 'incidents': {
      const hours = estimate.incidentsPerQuarter * estimate.hoursEach * estimate.people;
      raw = hours * estimate.hourlyCostMinor;
      steps = [
        step('incidentsPerQuarter', estimate.incidentsPerQuarter, 'count'),
        step('hoursEach', estimate.hoursEach, 'hours'),
        step('people', estimate.people, 'count'),
        step('hoursLostPerQuarter', hours, 'hours'),
        step('hourlyCost', estimate.hourlyCostMinor, 'money'),
      ];
      break;
    }
    case 'developer-time': {
      const fte = estimate.developers * estimate.shareOfTime;
      raw = fte * estimate.loadedCostPerQuarterMinor;
      steps = [
        step('developers', estimate.developers, 'count'),
        step('shareOfTime', estimate.shareOfTime, 'share'),
        step('fullTimeEquivalents', fte, 'count'),
        step('loadedCostPerQuarter', estimate.loadedCostPerQuarterMinor, 'money'),
      ];
      break;
    }
    case 'slow-operations': {
      const hours =
        (estimate.users * estimate.secondsLostPerUse * estimate.usesPerUserPerQuarter) / 3600;
      raw = hours * estimate.hourValueMinor;
      steps = [
        step('users', estimate.users, 'count'),
        step('secondsLostPerUse', estimate.secondsLostPerUse, 'seconds'),
        step('usesPerUserPerQuarter', estimate.usesPerUserPerQuarter, 'count'),
        step('hoursLostPerQuarter', hours, 'hours'),
        step('hourValue', estimate.hourValueMinor, 'money'),
      ];
      break;
    }
    case 'revenue-at-risk': {
      raw = estimate.probabilityPerQuarter * estimate.impactMinor;
      steps = [
        step('probabilityPerQuarter', estimate.probabilityPerQuarter, 'share'),
        step('impact', estimate.impactMinor, 'money'),
      ];
      break;
    }
  }
  const likely = halfUp(raw);
  const low = Math.min(likely, halfUp(likely * estimate.spreadLow));
  const high = Math.max(likely, halfUp(likely * estimate.spreadHigh));
  steps.push(
    step('likelyPerQuarter', likely, 'money'),
    step('spreadLow', estimate.spreadLow, 'factor'),
    step('spreadHigh', estimate.spreadHigh, 'factor'),
  );
  return { low, likely, high, steps, capped: high >= Number.MAX_SAFE_INTEGER };
}
