/**
 * (1 + rate)^periods and (1 + rate)^periods − 1, the latter without the cancellation that
 * plain subtraction suffers for tiny rates (0.0001 % a month over a few periods).
 */
export function compound(rate: number, periods: number): { factor: number; growth: number } {
  if (rate > -1) {
    const exponent = periods * Math.log1p(rate);
    return { factor: Math.exp(exponent), growth: Math.expm1(exponent) };
  }
  // Below −100 % only whole period counts give a real power; Math.pow returns NaN otherwise,
  // which the callers report as #NUM! like Excel does.
  const factor = Math.pow(1 + rate, periods);
  return { factor, growth: factor - 1 };
}

/**
 * ((1 + rate)^periods − 1) / rate: the future value of 1 paid at the end of each period.
 * Continuous at rate 0, where it equals the number of periods.
 */
export function annuityFactor(rate: number, periods: number): number {
  if (rate === 0) return periods;
  return compound(rate, periods).growth / rate;
}
