import { SlaError } from './errors';
import { toRational } from './input';
import { toBigInt, toNumber } from './exact';

/**
 * - `nearest-rank`: the ⌈p·n⌉-th smallest value (p = 0 gives the minimum); always one of
 *   the measured values, which is how most latency SLAs ("P99 under 800 ms") read.
 * - `linear`: Excel PERCENTILE.INC — interpolate between the ranks around (n − 1)·p.
 */
export type PercentileMethod = 'nearest-rank' | 'linear';

/**
 * The p-th percentile (p in [0, 1]) of measured values. Ranks are computed exactly from the
 * decimal p (0.07 × 100 is 7, not 7.000000000000001), so the chosen rank never drifts.
 * Throws `SLA_EMPTY_VALUES`, `SLA_PERCENTILE_OUT_OF_RANGE`, `SLA_INVALID_NUMBER` or
 * `SLA_INVALID_METHOD`.
 */
export function percentile(values: readonly number[], p: number, method: PercentileMethod): number {
  if (method !== 'nearest-rank' && method !== 'linear') {
    throw new SlaError('SLA_INVALID_METHOD', { field: 'method', value: String(method) });
  }
  if (values.length === 0) throw new SlaError('SLA_EMPTY_VALUES', { field: 'values' });
  const rank = toRational(p, 'p');
  if (rank.lt(0) || rank.gt(1)) {
    throw new SlaError('SLA_PERCENTILE_OUT_OF_RANGE', { field: 'p', value: String(p) });
  }
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new SlaError('SLA_INVALID_NUMBER', { field: `values.${index}`, value: String(value) });
    }
  });
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;

  if (method === 'nearest-rank') {
    const ordinal = Number(toBigInt(rank.mul(n).ceil()));
    return sorted[Math.max(ordinal, 1) - 1];
  }

  const position = rank.mul(n - 1);
  const lowerIndex = Number(toBigInt(position.floor()));
  const lower = sorted[lowerIndex];
  if (lowerIndex >= n - 1) return lower;
  const weight = position.sub(lowerIndex);
  if (weight.equals(0)) return lower;
  // Interpolate exactly, then round once to the nearest double.
  const low = toRational(lower, 'values');
  const high = toRational(sorted[lowerIndex + 1], 'values');
  return toNumber(low.add(high.sub(low).mul(weight)));
}
