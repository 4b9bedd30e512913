import { SlaError } from './errors';
import { toMinorUnits, toPercent, toRational, type DecimalInput } from './input';
import Fraction from 'fraction.js';
import { roundHalfUp, toBigInt } from './exact';

export interface CreditCapIncident {
  /** Counted downtime of this incident; its share of the credit is proportional to it. */
  downtimeMinutes: DecimalInput;
}

export interface CreditCapInput {
  /** Credit percent earned for the period (from the tier table). */
  creditPercent: number;
  /** The fee the credit is a percentage of, in minor units. */
  feeMinor: number;
  /** At most this much credit per incident, in minor units. */
  perIncidentCapMinor?: number;
  /** At most this percent of the fee per period, e.g. 30. */
  perPeriodCapPercent?: DecimalInput;
  /** The period's incidents; required when a per-incident cap applies to a non-zero credit. */
  incidents?: readonly CreditCapIncident[];
}

export type CreditCapBinding = 'none' | 'per-incident' | 'per-period';

export interface CreditCapResult {
  /** Credit to grant, in minor units. */
  creditMinor: number;
  /** fee × creditPercent / 100, rounded half-up to a minor unit, before any cap. */
  uncappedMinor: number;
  /** The cap that finally bound the credit ('per-period' wins when both did). */
  boundBy: CreditCapBinding;
  /** Each incident's share after its cap, when a per-incident cap applied. */
  perIncidentMinor?: number[];
  /** The per-period cap in minor units (fee × percent / 100, half-up), when given. */
  perPeriodCapMinor?: number;
}

function percentOfMinor(feeMinor: bigint, percent: Fraction): bigint {
  // Half-up on the exact product: 12.5 % of 1,001 cents is 125.125 → 125.
  return toBigInt(roundHalfUp(percent.mul(feeMinor).div(100)));
}

/**
 * Largest-remainder split of an integer amount by exact weights, ties to the lower index,
 * so the shares always add up to the amount. Zero total weight splits evenly.
 */
function splitByWeight(amount: bigint, weights: readonly Fraction[]): bigint[] {
  const total = weights.reduce((sum, weight) => sum.add(weight), new Fraction(0));
  const evenly = total.equals(0);
  const effective = evenly ? weights.map(() => new Fraction(1)) : weights;
  const effectiveTotal = evenly ? new Fraction(weights.length) : total;
  const exact = effective.map((weight) => weight.mul(amount).div(effectiveTotal));
  const shares = exact.map((share) => toBigInt(share.floor()));
  let left = amount - shares.reduce((sum, share) => sum + share, 0n);
  const order = exact
    .map((share, index) => ({ index, remainder: share.sub(shares[index]) }))
    .sort((a, b) => b.remainder.compare(a.remainder) || a.index - b.index);
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index] += 1n;
    left -= 1n;
  }
  return shares;
}

/**
 * The credit actually owed once the contract's caps are applied. The uncapped credit is
 * fee × percent rounded half-up to a minor unit; with a per-incident cap it is first
 * shared among the incidents in proportion to their downtime (largest remainder) and each
 * share capped; the per-period cap (a percent of the fee, rounded half-up) applies last.
 */
export function applyCreditCaps(input: CreditCapInput): CreditCapResult {
  const fee = toMinorUnits(input.feeMinor, 'feeMinor');
  const creditPercent = toPercent(input.creditPercent, 'creditPercent');
  const uncapped = percentOfMinor(fee, creditPercent);
  let credit = uncapped;
  let boundBy: CreditCapBinding = 'none';
  const result: CreditCapResult = {
    creditMinor: 0,
    uncappedMinor: Number(uncapped),
    boundBy,
  };

  if (input.perIncidentCapMinor !== undefined) {
    const cap = toMinorUnits(input.perIncidentCapMinor, 'perIncidentCapMinor');
    const incidents = input.incidents ?? [];
    if (incidents.length === 0 && uncapped > 0n) {
      throw new SlaError('SLA_CAP_NEEDS_INCIDENTS', { field: 'incidents' });
    }
    const weights = incidents.map((incident, index) => {
      const weight = toRational(incident.downtimeMinutes, `incidents.${index}.downtimeMinutes`);
      if (weight.lt(0)) {
        throw new SlaError('SLA_NEGATIVE_DOWNTIME', {
          field: `incidents.${index}.downtimeMinutes`,
        });
      }
      return weight;
    });
    const shares = incidents.length > 0 ? splitByWeight(uncapped, weights) : [];
    const capped = shares.map((share) => (share > cap ? cap : share));
    if (capped.some((share, index) => share < shares[index])) boundBy = 'per-incident';
    credit = capped.reduce((sum, share) => sum + share, 0n);
    result.perIncidentMinor = capped.map(Number);
  }

  if (input.perPeriodCapPercent !== undefined) {
    const periodCap = percentOfMinor(
      fee,
      toPercent(input.perPeriodCapPercent, 'perPeriodCapPercent'),
    );
    result.perPeriodCapMinor = Number(periodCap);
    if (credit > periodCap) {
      credit = periodCap;
      boundBy = 'per-period';
    }
  }

  result.creditMinor = Number(credit);
  result.boundBy = boundBy;
  return result;
}
