import { decToBigInt, Dec, isMoneyError, toDec, type Dec as DecType } from '../money';
import { BillingError } from './errors';

function weightToDec(weight: number | string, index: number): DecType {
  try {
    return toDec(weight);
  } catch (e) {
    if (isMoneyError(e))
      throw new BillingError('INVALID_WEIGHT', { index, weight: String(weight) });
    throw e;
  }
}

/**
 * Splits `totalMinor` into parts proportional to `weights` (numbers or decimal strings such
 * as `"12.5"`) by the largest-remainder method: every part is its exact share rounded down,
 * and the few units left over go to the largest remainders, ties to the lower index. So the
 * parts always add up to the total, each is within one unit of its exact share, and the
 * result is the same on every machine (BigInt, no float).
 *
 * A negative total (a credit) is split like its absolute value and negated, so crediting a
 * milestone plan mirrors invoicing it.
 */
export function allocate(totalMinor: number, weights: readonly (number | string)[]): number[] {
  if (!Number.isSafeInteger(totalMinor)) {
    throw new BillingError('INVALID_TOTAL', { total: String(totalMinor) });
  }
  if (weights.length === 0) throw new BillingError('NO_WEIGHTS');

  const decimals = weights.map(weightToDec);
  decimals.forEach((w, index) => {
    if (w.lte(0)) throw new BillingError('NON_POSITIVE_WEIGHT', { index, weight: w.toFixed() });
  });
  const scale = new Dec(10).pow(Math.max(...decimals.map((w) => w.decimalPlaces())));
  const scaled = decimals.map((w) => decToBigInt(w.times(scale)));
  const weightSum = scaled.reduce((a, b) => a + b, 0n);

  const total = BigInt(Math.abs(totalMinor));
  const floors = scaled.map((w) => (total * w) / weightSum);
  const remainders = scaled.map((w) => (total * w) % weightSum);
  let leftover = total - floors.reduce((a, b) => a + b, 0n);

  const order = remainders
    .map((r, index) => ({ r, index }))
    .sort((a, b) => (a.r === b.r ? a.index - b.index : a.r > b.r ? -1 : 1));
  for (const { index } of order) {
    if (leftover === 0n) break;
    floors[index]! += 1n;
    leftover -= 1n;
  }
  const sign = totalMinor < 0 ? -1 : 1;
  return floors.map((part) => (part === 0n ? 0 : sign * Number(part)));
}
