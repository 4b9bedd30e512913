/**
 * Rates cross the contract as decimal strings (no float ever enters a tax or interest
 * computation). The late-interest rate is stored as a fraction (`"0.08"`) but typed as a
 * percent (`8`); these shift the decimal point as text.
 */
function shift(value: string, places: number): string | null {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const [int = '0', frac = ''] = text.split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

/** `"8"` (percent) -> `"0.08"` (fraction); null when not a number. */
export const percentToFraction = (percent: string) => shift(percent, -2);
/** `"0.08"` -> `"8"`. */
export const fractionToPercent = (fraction: string) => shift(fraction, 2) ?? fraction;

/** A percent string the contract accepts: 0–`max` (100 unless said), up to six decimals. */
export function isPercent(value: string, max = 100): boolean {
  return /^\d{1,12}(\.\d{1,6})?$/.test(value.trim()) && Number(value) <= max;
}
