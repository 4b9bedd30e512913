/**
 * 0/1 knapsack: choose items to maximise total value with total weight <= capacity.
 *
 * - 'all-fit': everything fits, take it all (optimal).
 * - 'exact': dynamic programming over the capacity divided by the greatest common divisor of
 *   the weights (fix costs are days × day rate, so the gcd is usually large and the table
 *   small). Optimal.
 * - 'scaled': when n × capacity would exceed `maxCells`, weights are rounded UP to a coarser
 *   unit so the table fits; the result never exceeds the budget but may leave a little value
 *   on the table. Compared with greedy and the better one kept.
 * - 'greedy': by value per unit of weight, for inputs too large for even a coarse table.
 *   Not optimal, but fast and never over budget.
 */
export type KnapsackMethod = 'all-fit' | 'exact' | 'scaled' | 'greedy';

export interface KnapsackResult {
  /** Indices of the chosen items, ascending. */
  chosen: number[];
  totalWeight: number;
  totalValue: number;
  method: KnapsackMethod;
}

/** 10 M cells = 10 MB of choice bits: comfortable in the services process. */
export const DEFAULT_MAX_CELLS = 10_000_000;
/** Below this many capacity steps a scaled table is too coarse to beat greedy reliably. */
const MIN_SCALED_STEPS = 64;

/**
 * @param weights non-negative safe integers (e.g. fix cost in minor units, rounded up)
 * @param values  item values; items with value <= 0 are never chosen
 * @param capacity non-negative safe integer
 */
export function knapsack01(
  weights: readonly number[],
  values: readonly number[],
  capacity: number,
  maxCells: number = DEFAULT_MAX_CELLS,
): KnapsackResult {
  const free: number[] = [];
  const candidates: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    if (!(values[i]! > 0) || weights[i]! > capacity) continue;
    if (weights[i] === 0) free.push(i);
    else candidates.push(i);
  }

  let totalCandidateWeight = 0;
  for (const i of candidates) totalCandidateWeight += weights[i]!;
  if (totalCandidateWeight <= capacity) {
    return result([...free, ...candidates], weights, values, 'all-fit');
  }

  let unit = 0;
  for (const i of candidates) unit = gcd(unit, weights[i]!);
  const steps = Math.floor(capacity / unit);
  const n = candidates.length;
  if (n * (steps + 1) <= maxCells) {
    const scaled = candidates.map((i) => weights[i]! / unit);
    const picked = solve(scaled, candidates, values, steps).map((k) => candidates[k]!);
    return result([...free, ...picked], weights, values, 'exact');
  }

  const greedyPick = greedy(candidates, weights, values, capacity);
  const coarseSteps = Math.floor(maxCells / n) - 1;
  if (coarseSteps >= MIN_SCALED_STEPS) {
    const coarseUnit = capacity / coarseSteps;
    const scaled = candidates.map((i) => Math.ceil(weights[i]! / coarseUnit));
    const picked = solve(scaled, candidates, values, coarseSteps).map((k) => candidates[k]!);
    const scaledResult = result([...free, ...picked], weights, values, 'scaled');
    const greedyResult = result([...free, ...greedyPick], weights, values, 'greedy');
    // Rounding up keeps the scaled pick within budget; the check guards float edge cases.
    if (
      scaledResult.totalWeight <= capacity &&
      scaledResult.totalValue >= greedyResult.totalValue
    ) {
      return scaledResult;
    }
    return greedyResult;
  }
  return result([...free, ...greedyPick], weights, values, 'greedy');
}

/** Classic table over integer capacities 0..steps, keeping one choice bit per item and step. */
function solve(
  weights: readonly number[],
  indices: readonly number[],
  values: readonly number[],
  steps: number,
): number[] {
  const n = weights.length;
  const width = steps + 1;
  const best = new Float64Array(width);
  const took = new Uint8Array(n * width);
  for (let k = 0; k < n; k++) {
    const w = weights[k]!;
    const v = values[indices[k]!]!;
    const row = k * width;
    for (let c = steps; c >= w; c--) {
      const withItem = best[c - w]! + v;
      if (withItem > best[c]!) {
        best[c] = withItem;
        took[row + c] = 1;
      }
    }
  }
  const picked: number[] = [];
  let c = steps;
  for (let k = n - 1; k >= 0; k--) {
    if (took[k * width + c] === 1) {
      picked.push(k);
      c -= weights[k]!;
    }
  }
  return picked;
}

function greedy(
  candidates: readonly number[],
  weights: readonly number[],
  values: readonly number[],
  capacity: number,
): number[] {
  const order = candidates
    .slice()
    .sort((a, b) => values[b]! / weights[b]! - values[a]! / weights[a]! || a - b);
  const picked: number[] = [];
  let left = capacity;
  for (const i of order) {
    if (weights[i]! <= left) {
      picked.push(i);
      left -= weights[i]!;
    }
  }
  return picked;
}

function result(
  chosen: number[],
  weights: readonly number[],
  values: readonly number[],
  method: KnapsackMethod,
): KnapsackResult {
  chosen.sort((a, b) => a - b);
  let totalWeight = 0;
  let totalValue = 0;
  for (const i of chosen) {
    totalWeight += weights[i]!;
    totalValue += values[i]!;
  }
  return { chosen, totalWeight, totalValue, method };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
