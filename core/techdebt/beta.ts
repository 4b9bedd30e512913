/**
 * The Beta distribution behind Beta-PERT, from stdlib (ports of Boost's incomplete beta and
 * its inverse): CDF 0 below the support, 1 above, NaN for invalid shapes.
 */
export { default as regularizedIncompleteBeta } from '@stdlib/stats-base-dists-beta-cdf';
export { default as inverseRegularizedIncompleteBeta } from '@stdlib/stats-base-dists-beta-quantile';
