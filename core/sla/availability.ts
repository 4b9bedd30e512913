import { toDowntime, toPercent, toPeriodLength, type DecimalInput } from './input';
import Fraction from 'fraction.js';
import { toDecimalString, toNumber } from './exact';

/**
 * Decimal places kept when an availability does not terminate (e.g. 432.5 min of 43,200 is
 * 98.99884259259…%). Terminating values are always written exactly, so a boundary such as
 * 99.99 is never a rounded 99.9899999.
 */
export const AVAILABILITY_DECIMALS = 10;

/**
 * Availability in percent as an exact fraction: (period − downtime) / period × 100. Any
 * unit works as long as both arguments use it (minutes, or integer milliseconds to stay
 * exact for incidents measured to the second).
 */
export function availabilityRatio(downtime: DecimalInput, period: DecimalInput): Fraction {
  const periodLength = toPeriodLength(period);
  const down = toDowntime(downtime, periodLength);
  return periodLength.sub(down).mul(100).div(periodLength);
}

/**
 * Measured availability as decimal text ("99.99", "100", "98.9988425926"): exact when the
 * decimal terminates, otherwise rounded half-up to {@link AVAILABILITY_DECIMALS} places;
 * trailing zeros are trimmed.
 */
export function availabilityPercent(
  downtimeMinutes: DecimalInput,
  periodMinutes: DecimalInput,
): string {
  return toDecimalString(availabilityRatio(downtimeMinutes, periodMinutes), AVAILABILITY_DECIMALS);
}

function allowedDowntime(
  availabilityPercentTarget: DecimalInput,
  periodMinutes: DecimalInput,
): Fraction {
  const target = toPercent(availabilityPercentTarget, 'availabilityPercent');
  const period = toPeriodLength(periodMinutes);
  return new Fraction(100).sub(target).mul(period).div(100);
}

/**
 * Downtime a target allows over a period, as exact decimal text: "4.32" for 99.99 % of a
 * 43,200-minute month. Always terminating for a decimal target and period.
 */
export function allowedDowntimeMinutesExact(
  availabilityPercentTarget: string,
  periodMinutes: DecimalInput,
): string {
  return toDecimalString(allowedDowntime(availabilityPercentTarget, periodMinutes));
}

/** Downtime a target allows over a period, in minutes (the nearest double of the exact value). */
export function allowedDowntimeMinutes(
  availabilityPercentTarget: string,
  periodMinutes: DecimalInput,
): number {
  return toNumber(allowedDowntime(availabilityPercentTarget, periodMinutes));
}

/** Whether measured downtime keeps the availability at or above the target (exact). */
export function meetsTarget(
  availabilityPercentTarget: string,
  downtimeMinutes: DecimalInput,
  periodMinutes: DecimalInput,
): boolean {
  const target = toPercent(availabilityPercentTarget, 'availabilityPercent');
  return availabilityRatio(downtimeMinutes, periodMinutes).gte(target);
}
