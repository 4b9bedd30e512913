import { z } from 'zod';
import {
  estimateCdf,
  estimateMean,
  estimateQuantile,
  estimateSampler,
  type EstimateDistribution,
} from './distributions';
import { TechDebtError } from './errors';
import { savingsFactor } from './evaluate';
import { sampleQuantiles } from './quantiles';
import { createRandom } from './random';
import { parseDebtItemInput, toTechDebtIssues, type DebtItemModelInput } from './schema';

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;

export const DistributionOptions = z.object({
  dist: z.enum(['pert', 'triangular'], { error: 'INVALID_DISTRIBUTION' }),
  samples: z
    .number({ error: 'NOT_A_NUMBER' })
    .int({ error: 'NOT_INTEGER' })
    .min(100, { error: 'SAMPLES_OUT_OF_RANGE' })
    .max(1_000_000, { error: 'SAMPLES_OUT_OF_RANGE' })
    .default(DEFAULT_SAMPLES),
  /** Any integer; only its low 32 bits seed the generator. */
  seed: z.number({ error: 'NOT_A_NUMBER' }).int({ error: 'NOT_INTEGER' }).default(DEFAULT_SEED),
  /**
   * 'auto' (default) is exact whenever at most one of quarterly cost and fix effort is
   * uncertain, Monte Carlo otherwise. 'monte-carlo' forces sampling (to cross-check);
   * 'exact' refuses to sample and throws when it would have to.
   */
  method: z.enum(['auto', 'exact', 'monte-carlo'], { error: 'INVALID_METHOD' }).default('auto'),
});
export type DistributionOptions = z.input<typeof DistributionOptions>;

/** The spread of an item's net benefit, in minor units (floats, like every estimate). */
export interface DebtItemDistribution {
  /** Expected net benefit. Always exact: the model is linear in cost and in fix effort. */
  mean: number;
  p05: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  /** P(net benefit > 0). */
  probPositive: number;
  /** true when the quantiles and probability are computed analytically, not sampled. */
  exact: boolean;
  /** Monte Carlo draws used; 0 when exact. */
  samples: number;
}

const LEVELS = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/**
 * Net benefit of a debt item under uncertainty, with each three-point estimate read as
 * Beta-PERT (λ = 4) or triangular, quarterly cost and fix effort independent.
 *
 * Net benefit = K × cost − dayRate × fixDays with K the discounted savings factor (see
 * `savingsFactor`), so it is affine in each estimate. When only one of them is uncertain its
 * quantiles map straight onto net-benefit quantiles (the order flips for fix effort, which
 * lowers the benefit): exact. When both are uncertain the sum has no closed form and we
 * draw seeded Monte Carlo samples (pure-rand's xoroshiro128+): the same seed gives the same figures.
 * Monte Carlo quantiles interpolate linearly between order statistics (PERCENTILE.INC).
 */
export function debtItemDistribution(
  input: DebtItemModelInput,
  options: DistributionOptions,
): DebtItemDistribution {
  const v = parseDebtItemInput(input);
  const parsed = DistributionOptions.safeParse(options);
  if (!parsed.success) {
    throw new TechDebtError(
      'INVALID_OPTIONS',
      'The distribution options are invalid',
      toTechDebtIssues(parsed.error),
    );
  }
  const { dist, samples, seed, method } = parsed.data;

  const k = savingsFactor(v);
  const rate = v.dayRate;
  const cost = v.quarterlyCost;
  const days = v.fixDays;
  const costVaries = k > 0 && cost.high > cost.low;
  const effortVaries = rate > 0 && days.high > days.low;
  const mean = k * estimateMean(dist, cost) - rate * estimateMean(dist, days);

  const needsSampling = costVaries && effortVaries;
  if (method === 'exact' && needsSampling) {
    throw new TechDebtError(
      'INVALID_OPTIONS',
      'No exact distribution when both cost and fix effort are uncertain',
      [{ path: ['method'], code: 'EXACT_NOT_AVAILABLE', message: 'EXACT_NOT_AVAILABLE' }],
    );
  }
  if (method === 'monte-carlo' || needsSampling) {
    return monteCarlo(dist, v, k, samples, seed, mean);
  }
  return exact(dist, v, k, costVaries, effortVaries, mean);
}

function exact(
  dist: EstimateDistribution,
  v: DebtItemModelInput,
  k: number,
  costVaries: boolean,
  effortVaries: boolean,
  mean: number,
): DebtItemDistribution {
  const rate = v.dayRate;
  const cost = v.quarterlyCost;
  const days = v.fixDays;
  let quantile: (p: number) => number;
  let probPositive: number;
  if (costVaries) {
    const fixCost = rate * days.likely;
    quantile = (p) => k * estimateQuantile(dist, cost, p) - fixCost;
    probPositive = 1 - estimateCdf(dist, cost, fixCost / k);
  } else if (effortVaries) {
    const saving = k * cost.likely;
    // More effort means less benefit: the p-quantile of benefit is the (1 − p)-quantile of
    // effort, and P(benefit > 0) = P(effort < saving / rate), the CDF (no atoms).
    quantile = (p) => saving - rate * estimateQuantile(dist, days, 1 - p);
    probPositive = estimateCdf(dist, days, saving / rate);
  } else {
    const value = k * cost.likely - rate * days.likely;
    quantile = () => value;
    probPositive = value > 0 ? 1 : 0;
  }
  const [p05, p10, p50, p90, p95] = LEVELS.map(quantile) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { mean, p05, p10, p50, p90, p95, probPositive, exact: true, samples: 0 };
}

function monteCarlo(
  dist: EstimateDistribution,
  v: DebtItemModelInput,
  k: number,
  samples: number,
  seed: number,
  mean: number,
): DebtItemDistribution {
  const random = createRandom(seed);
  const drawCost = estimateSampler(dist, v.quarterlyCost, random);
  const drawDays = estimateSampler(dist, v.fixDays, random);
  const rate = v.dayRate;
  const values = new Float64Array(samples);
  let positive = 0;
  for (let i = 0; i < samples; i++) {
    const value = k * drawCost() - rate * drawDays();
    values[i] = value;
    if (value > 0) positive++;
  }
  const [p05, p10, p50, p90, p95] = sampleQuantiles(values, LEVELS) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { mean, p05, p10, p50, p90, p95, probPositive: positive / samples, exact: false, samples };
}
