import { AVAILABILITY_DECIMALS, availabilityRatio } from './availability';
import { SlaError } from './errors';
import type { DecimalInput } from './input';
import { toRational } from './input';
import type Fraction from 'fraction.js';
import { toDecimalString } from './exact';

/**
 * One row of a service-credit table: availability strictly below `below` percent earns
 * `creditPercent` of the fee, e.g. AWS's "less than 99.99 % but at least 99.0 %: 10 %" is
 * `{ below: '99.99', creditPercent: 10 }` followed by `{ below: '99.0', creditPercent: 30 }`.
 */
export interface CreditTier {
  below: string;
  creditPercent: number;
}

interface ParsedTier {
  tier: CreditTier;
  below: Fraction;
}

function parseTiers(tiers: readonly CreditTier[]): ParsedTier[] {
  const parsed = tiers.map((tier, index): ParsedTier => {
    const field = `tiers.${index}`;
    const below = toRational(tier.below, `${field}.below`);
    // A threshold of 0 could never be undercut, and one above 100 is a typo.
    if (!below.gt(0) || below.gt(100)) {
      throw new SlaError('SLA_INVALID_TIER', {
        field: `${field}.below`,
        value: String(tier.below),
      });
    }
    const credit = tier.creditPercent;
    if (typeof credit !== 'number' || !Number.isFinite(credit) || credit < 0 || credit > 100) {
      throw new SlaError('SLA_INVALID_TIER', {
        field: `${field}.creditPercent`,
        value: String(credit),
      });
    }
    return { tier: { below: toDecimalString(below), creditPercent: credit }, below };
  });
  // Highest threshold first: the order in which published tables read.
  parsed.sort((a, b) => b.below.compare(a.below));
  for (let i = 1; i < parsed.length; i += 1) {
    const shallower = parsed[i - 1];
    const deeper = parsed[i];
    if (deeper.below.equals(shallower.below)) {
      throw new SlaError('SLA_DUPLICATE_TIER', { below: deeper.tier.below });
    }
    // Otherwise more downtime could earn less credit, which no contract intends.
    if (deeper.tier.creditPercent < shallower.tier.creditPercent) {
      throw new SlaError('SLA_TIER_CREDITS_NOT_MONOTONE', {
        below: deeper.tier.below,
        creditPercent: deeper.tier.creditPercent,
        shallowerBelow: shallower.tier.below,
        shallowerCreditPercent: shallower.tier.creditPercent,
      });
    }
  }
  return parsed;
}

/**
 * Validated tiers, highest threshold first, thresholds in canonical text ("99.0" → "99").
 * Throws `SLA_INVALID_TIER`, `SLA_DUPLICATE_TIER` or `SLA_TIER_CREDITS_NOT_MONOTONE`.
 */
export function normalizeCreditTiers(tiers: readonly CreditTier[]): CreditTier[] {
  return parseTiers(tiers).map((parsed) => parsed.tier);
}

export interface ServiceCreditEvaluation {
  /** Measured availability, as {@link availabilityPercent} writes it. */
  availabilityPercent: string;
  creditPercent: number;
  /** The tier that applied (normalized), or null when every tier was met. */
  tier: CreditTier | null;
}

/**
 * Which tier a measured downtime falls into. The comparison is exact: 4.32 minutes of a
 * 43,200-minute month is exactly 99.99 %, which is not below 99.99, so it earns nothing.
 */
export function evaluateServiceCredit(
  tiers: readonly CreditTier[],
  downtimeMinutes: DecimalInput,
  periodMinutes: DecimalInput,
): ServiceCreditEvaluation {
  const parsed = parseTiers(tiers);
  const availability = availabilityRatio(downtimeMinutes, periodMinutes);
  let applied: ParsedTier | null = null;
  // Sorted high to low, the tiers the availability undercuts form a prefix; the last of
  // them is the one with the smallest threshold.
  for (const candidate of parsed) {
    if (!availability.lt(candidate.below)) break;
    applied = candidate;
  }
  return {
    availabilityPercent: toDecimalString(availability, AVAILABILITY_DECIMALS),
    creditPercent: applied ? applied.tier.creditPercent : 0,
    tier: applied ? applied.tier : null,
  };
}

/**
 * The credit percent of the tier with the smallest `below` that the measured availability
 * is strictly under; 0 when it meets every tier (or there are no tiers).
 */
export function serviceCreditPercent(
  tiers: readonly CreditTier[],
  downtimeMinutes: DecimalInput,
  periodMinutes: DecimalInput,
): number {
  return evaluateServiceCredit(tiers, downtimeMinutes, periodMinutes).creditPercent;
}
