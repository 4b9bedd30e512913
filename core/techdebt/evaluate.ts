import { PaybackTracker, type Payback } from './payback';
import { quarterRate } from './rates';
import { parseDebtItemInput, type DebtItemModelInput } from './schema';

/**
 * The price of one debt item at its likely values.
 *
 * Estimates and present values are floats in minor units, never rounded here: they are
 * judgements, not invoiced amounts, and rounding each quarter would bias sums over a
 * portfolio. The UI rounds (half-up) when it shows them; nothing here is ever invoiced.
 */
export interface DebtItemEvaluation {
  /** Discount rate per quarter used for every present value below. */
  quarterRate: number;
  /** fixDays.likely × dayRate, paid at t = 0. */
  fixCost: number;
  /** Undiscounted cost of carrying the debt in quarters 1..horizon (index 0 = quarter 1). */
  carryByQuarter: number[];
  /** Present value of carrying the debt for the whole horizon (the "do nothing" path). */
  pvCarry: number;
  /** Present value of the fix path: fix cost + cost during the lag + residual cost after. */
  pvFixPath: number;
  /** pvCarry − pvFixPath = (1 − residual) × Σ_{t > lag} discounted cost − fix cost. */
  netBenefit: number;
  /** netBenefit / fixCost; null when the fix costs nothing. */
  roi: number | null;
  discountedPayback: Payback | null;
  simplePayback: Payback | null;
  /**
   * What one quarter of delay forgoes: the saving of the first quarter in which the fix
   * would have taken effect, (1 − residual) × likely × (1 + g)^lag, undiscounted.
   * 0 when the fix would only take effect after the horizon.
   */
  costOfDelayPerQuarter: number;
  /** Cost of delay divided by duration (fix days), Reinertsen's CD3; null for a zero-day fix. */
  cd3: number | null;
}

/**
 * Prices one technical-debt item. Conventions (see README.md):
 * cost of quarter t = likely × (1 + g)^(t−1), paid at the end of quarter t and discounted
 * by (1 + quarterRate)^−t; the fix cost is paid at t = 0; the fix removes
 * (1 − residual) of the cost from quarter lag + 1 on.
 *
 * Throws `TechDebtError('INVALID_INPUT')` with coded issues when the input is invalid.
 */
export function evaluateDebtItem(input: DebtItemModelInput): DebtItemEvaluation {
  return evaluateValidDebtItem(parseDebtItemInput(input));
}

/** Same as `evaluateDebtItem` for input that has already passed `DebtItemModelInput`. */
export function evaluateValidDebtItem(v: DebtItemModelInput): DebtItemEvaluation {
  const q = quarterRate(v.annualDiscountRate, v.rateMode);
  const likely = v.quarterlyCost.likely;
  const horizon = v.horizonQuarters;
  const lag = v.lagQuarters;
  const removed = 1 - v.residualFraction;
  const growthStep = 1 + v.growthPerQuarter;
  const discountStep = 1 / (1 + q);
  const fixCost = v.fixDays.likely * v.dayRate;

  const carryByQuarter = new Array<number>(horizon);
  const simple = new PaybackTracker(fixCost);
  const discounted = new PaybackTracker(fixCost);
  let growth = 1;
  let discount = 1;
  let pvDuringLag = 0;
  let pvAfterLag = 0;
  let costOfDelayPerQuarter = 0;

  for (let t = 1; t <= horizon; t++) {
    const cost = likely * growth;
    discount *= discountStep;
    carryByQuarter[t - 1] = cost;
    if (t <= lag) {
      pvDuringLag += cost * discount;
    } else {
      pvAfterLag += cost * discount;
      const saving = removed * cost;
      if (t === lag + 1) costOfDelayPerQuarter = saving;
      simple.add(t, saving);
      discounted.add(t, saving * discount);
    }
    growth *= growthStep;
  }

  const pvCarry = pvDuringLag + pvAfterLag;
  const netBenefit = removed * pvAfterLag - fixCost;
  const fixDays = v.fixDays.likely;
  return {
    quarterRate: q,
    fixCost,
    carryByQuarter,
    pvCarry,
    pvFixPath: fixCost + pvDuringLag + v.residualFraction * pvAfterLag,
    netBenefit,
    roi: fixCost > 0 ? netBenefit / fixCost : null,
    discountedPayback: discounted.result,
    simplePayback: simple.result,
    costOfDelayPerQuarter,
    cd3: fixDays > 0 ? costOfDelayPerQuarter / fixDays : null,
  };
}

/**
 * Net benefit is linear in the quarterly cost: netBenefit = K × likely − fixCost, with
 * K = (1 − residual) × Σ_{t > lag} (1 + g)^(t−1) × (1 + q)^−t. The distributions use K to
 * turn quantiles of the cost into quantiles of the net benefit without re-running the model.
 */
export function savingsFactor(v: DebtItemModelInput): number {
  const q = quarterRate(v.annualDiscountRate, v.rateMode);
  const growthStep = 1 + v.growthPerQuarter;
  const discountStep = 1 / (1 + q);
  let growth = 1;
  let discount = 1;
  let sum = 0;
  for (let t = 1; t <= v.horizonQuarters; t++) {
    discount *= discountStep;
    if (t > v.lagQuarters) sum += growth * discount;
    growth *= growthStep;
  }
  return (1 - v.residualFraction) * sum;
}
