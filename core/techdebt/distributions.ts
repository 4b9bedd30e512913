import { inverseRegularizedIncompleteBeta, regularizedIncompleteBeta } from './beta';
import type { Random } from './random';

/** How a three-point estimate (low, likely, high) is read as a distribution. */
export type EstimateDistribution = 'pert' | 'triangular';

export interface ThreePoint {
  low: number;
  likely: number;
  high: number;
}

/** Weight of the most likely value in Beta-PERT; 4 is the classic PERT choice. */
export const PERT_LAMBDA = 4;

/** Beta shape parameters of Beta-PERT(λ = 4) on [low, high]; only defined when low < high. */
export function pertShape({ low, likely, high }: ThreePoint): { alpha: number; beta: number } {
  const range = high - low;
  return {
    alpha: 1 + (PERT_LAMBDA * (likely - low)) / range,
    beta: 1 + (PERT_LAMBDA * (high - likely)) / range,
  };
}

export function estimateMean(dist: EstimateDistribution, e: ThreePoint): number {
  return dist === 'pert'
    ? (e.low + PERT_LAMBDA * e.likely + e.high) / (PERT_LAMBDA + 2)
    : (e.low + e.likely + e.high) / 3;
}

/** Inverse CDF at probability p in [0, 1]. A point estimate (low = high) is that point. */
export function estimateQuantile(dist: EstimateDistribution, e: ThreePoint, p: number): number {
  const { low, likely, high } = e;
  const range = high - low;
  if (!(range > 0)) return likely;
  if (dist === 'pert') {
    const { alpha, beta } = pertShape(e);
    return clamp(low + range * inverseRegularizedIncompleteBeta(p, alpha, beta), low, high);
  }
  return triangularQuantile(e, p);
}

/** P(X <= x). */
export function estimateCdf(dist: EstimateDistribution, e: ThreePoint, x: number): number {
  const { low, likely, high } = e;
  if (!(high > low)) return x >= likely ? 1 : 0;
  if (x <= low) return 0;
  if (x >= high) return 1;
  if (dist === 'pert') {
    const { alpha, beta } = pertShape(e);
    return regularizedIncompleteBeta((x - low) / (high - low), alpha, beta);
  }
  const range = high - low;
  if (x <= likely) return ((x - low) * (x - low)) / (range * (likely - low));
  return 1 - ((high - x) * (high - x)) / (range * (high - likely));
}

/**
 * Triangular inverse CDF in closed form: with F(mode) = (m − a)/(b − a),
 * x = a + √(p (b − a)(m − a)) below it and x = b − √((1 − p)(b − a)(b − m)) above.
 */
export function triangularQuantile({ low, likely, high }: ThreePoint, p: number): number {
  const range = high - low;
  if (!(range > 0)) return likely;
  if (p * range <= likely - low) return low + Math.sqrt(p * range * (likely - low));
  return high - Math.sqrt((1 - p) * range * (high - likely));
}

/** Draws from the estimate's distribution; a point estimate always returns its value. */
export function estimateSampler(
  dist: EstimateDistribution,
  e: ThreePoint,
  random: Random,
): () => number {
  const { low, likely, high } = e;
  const range = high - low;
  if (!(range > 0)) return () => likely;
  if (dist === 'triangular') return () => triangularQuantile(e, random.nextOpen01());
  const { alpha, beta } = pertShape(e);
  // Beta(α, β) = X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β): exact, and far cheaper than
  // inverting the incomplete beta for each of thousands of draws.
  return () => {
    const x = gammaVariate(alpha, random);
    const y = gammaVariate(beta, random);
    return low + (range * x) / (x + y);
  };
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables"; shapes below 1 use the boost Gamma(k) = Gamma(k + 1) × U^(1/k).
 */
export function gammaVariate(shape: number, random: Random): number {
  if (shape < 1) {
    return gammaVariate(shape + 1, random) * Math.pow(random.nextOpen01(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.nextNormal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = random.nextOpen01();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
