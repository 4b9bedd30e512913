/**
 * Sample quantiles by linear interpolation between order statistics, the definition of
 * Excel's PERCENTILE.INC: h = (n − 1)p, value = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The same quantiles without sorting: Monte Carlo needs five of them from 10,000 draws, and
 * selecting the order statistics in place (quickselect, ascending, each search starting
 * where the previous one ended) is several times faster than a full sort.
 * Reorders `values`. `levels` must be ascending.
 */
export function sampleQuantiles(values: Float64Array, levels: readonly number[]): number[] {
  const n = values.length;
  const out: number[] = [];
  let from = 0;
  for (const p of levels) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    if (lo >= from) select(values, lo, from, n - 1);
    if (hi > lo && hi >= Math.max(from, lo + 1)) select(values, hi, lo + 1, n - 1);
    from = hi;
    out.push(values[lo]! + (h - lo) * (values[hi]! - values[lo]!));
  }
  return out;
}

/** Hoare-style quickselect: afterwards a[k] holds the k-th smallest of a[left..right]. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let l = left;
  let r = right;
  while (r > l) {
    const mid = (l + r) >>> 1;
    // Median of three keeps already ordered stretches from degrading to quadratic time.
    if (a[mid]! < a[l]!) swap(a, mid, l);
    if (a[r]! < a[l]!) swap(a, r, l);
    if (a[r]! < a[mid]!) swap(a, r, mid);
    const pivot = a[mid]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
