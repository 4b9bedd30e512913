import type { z } from 'zod';
import type { DebtEvaluateInput, DebtEvaluateOutput } from '../../core/api';
import {
  debtItemDistribution,
  estimateQuantile,
  evaluateDebtItem,
  quarterRate,
  type DebtItemModelInput,
} from '../../core/techdebt';

export const SENSITIVITY_RATES = [0, 0.04, 0.08, 0.12, 0.16] as const;
export const SENSITIVITY_GROWTH = [-0.02, 0, 0.02, 0.04, 0.06] as const;

type Input = z.output<typeof DebtEvaluateInput>;

/**
 * The item workbench: the evaluation at the likely values, the net-benefit distribution
 * (`debtItemDistribution`, exact or seeded Monte Carlo), the cumulative discounted cost of
 * carrying vs fixing per quarter (0..horizon), and net benefit over a grid of discount rates
 * × growth rates.
 *
 * The P10–P90 band of the cumulative series takes the quarterly cost (and, on the fix path,
 * the fix effort) at its own P10 and P90 under the client's distribution (PERT or
 * triangular): both paths are increasing in cost and effort, so the band is the envelope of
 * the 10th- and 90th-percentile scenarios (cost and effort at the same percentile), not a
 * joint quantile of the sum, which would be narrower.
 */
export function evaluateWorkbench(input: Input): DebtEvaluateOutput {
  const { settings } = input;
  const model: DebtItemModelInput = {
    quarterlyCost: input.quarterlyCostMinor,
    growthPerQuarter: input.growthPerQuarter,
    fixDays: input.fixDays,
    dayRate: input.dayRateMinor,
    annualDiscountRate: settings.annualDiscountRate,
    horizonQuarters: settings.horizonQuarters,
    residualFraction: input.residualFraction,
    lagQuarters: input.lagQuarters,
    rateMode: settings.rateMode,
  };
  const e = evaluateDebtItem(model);
  const d = debtItemDistribution(model, {
    dist: settings.distribution,
    samples: input.samples,
    seed: input.seed,
  });

  const dist = settings.distribution;
  const cost = input.quarterlyCostMinor;
  const costAt = {
    likely: cost.likely,
    p10: estimateQuantile(dist, cost, 0.1),
    p90: estimateQuantile(dist, cost, 0.9),
  };
  const fixAt = {
    likely: input.fixDays.likely * input.dayRateMinor,
    p10: estimateQuantile(dist, input.fixDays, 0.1) * input.dayRateMinor,
    p90: estimateQuantile(dist, input.fixDays, 0.9) * input.dayRateMinor,
  };

  // Per unit of quarterly cost: cumulative discounted carry, and what the fix path still pays.
  const q = quarterRate(settings.annualDiscountRate, settings.rateMode);
  const cumulative: DebtEvaluateOutput['cumulative'] = [
    {
      quarter: 0,
      carryLikely: 0,
      carryP10: 0,
      carryP90: 0,
      fixLikely: fixAt.likely,
      fixP10: fixAt.p10,
      fixP90: fixAt.p90,
    },
  ];
  let growth = 1;
  let discount = 1;
  let carryUnit = 0;
  let fixUnit = 0;
  for (let t = 1; t <= settings.horizonQuarters; t++) {
    discount /= 1 + q;
    const unit = growth * discount;
    carryUnit += unit;
    fixUnit += t <= input.lagQuarters ? unit : input.residualFraction * unit;
    cumulative.push({
      quarter: t,
      carryLikely: carryUnit * costAt.likely,
      carryP10: carryUnit * costAt.p10,
      carryP90: carryUnit * costAt.p90,
      fixLikely: fixAt.likely + fixUnit * costAt.likely,
      fixP10: fixAt.p10 + fixUnit * costAt.p10,
      fixP90: fixAt.p90 + fixUnit * costAt.p90,
    });
    growth *= 1 + input.growthPerQuarter;
  }

  const sensitivity = SENSITIVITY_RATES.flatMap((annualDiscountRate) =>
    SENSITIVITY_GROWTH.map((growthPerQuarter) => ({
      annualDiscountRate,
      growthPerQuarter,
      netBenefit: evaluateDebtItem({ ...model, annualDiscountRate, growthPerQuarter }).netBenefit,
    })),
  );

  return {
    evaluation: {
      fixCostMinor: e.fixCost,
      pvCarryMinor: e.pvCarry,
      netBenefitMinor: e.netBenefit,
      roi: e.roi,
      paybackQuarters: e.discountedPayback ? e.discountedPayback.quarters : null,
      costOfDelayPerQuarterMinor: e.costOfDelayPerQuarter,
      cd3: e.cd3,
    },
    distribution: {
      mean: d.mean,
      p05: d.p05,
      p10: d.p10,
      p50: d.p50,
      p90: d.p90,
      p95: d.p95,
      probPositive: d.probPositive,
      exact: d.exact,
    },
    cumulative,
    sensitivity,
  };
}
