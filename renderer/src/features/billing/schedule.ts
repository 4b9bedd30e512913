import { allocate } from '@core/billing/allocate';

/** A percent string as an exact integer of millionths ("15.5" -> 15_500_000), or null. */
export function percentMicros(value: string): bigint | null {
  const text = value.trim();
  if (!/^\d{1,12}(\.\d{1,6})?$/.test(text)) return null;
  const [int, frac = ''] = text.split('.');
  return BigInt(int!) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
}

/** Millionths back to a short decimal string: 99_000_000n -> "99". */
export function microsToText(micros: bigint): string {
  const int = micros / 1_000_000n;
  const frac = (micros % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : `${int}`;
}

export const HUNDRED = 100_000_000n;

/**
 * Live milestone amounts for percent shares, exactly as the services will store them: when
 * the percents total 100 the contract value is split by core/billing `allocate` (largest
 * remainder, so the parts sum to the value); otherwise each row shows its own share.
 */
export function percentAmounts(contractValueMinor: number, percents: string[]): (number | null)[] {
  const micros = percents.map(percentMicros);
  const total = micros.reduce<bigint>((sum, m) => sum + (m ?? 0n), 0n);
  if (total === HUNDRED && micros.every((m) => m !== null && m > 0n)) {
    try {
      return allocate(contractValueMinor, percents);
    } catch {
      // falls through to per-row shares
    }
  }
  return micros.map((m, i) => {
    if (m === null) return null;
    if (m === 0n) return 0;
    if (m >= HUNDRED) return contractValueMinor;
    try {
      return allocate(contractValueMinor, [percents[i]!, microsToText(HUNDRED - m)])[0]!;
    } catch {
      return null;
    }
  });
}
